// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Who the wording is for. Staff choose it on the staff screen; the translations exist for `standard` only, so the
/// other modes apply to English and fall back to the standard wording elsewhere.
public enum AudienceMode: String, CaseIterable, Hashable, Sendable {
    /// The national FFT wording.
    case standard
    /// Simpler words for children.
    case children
    /// Easy read, for people with a learning disability.
    case easyRead = "easy-read"
}
