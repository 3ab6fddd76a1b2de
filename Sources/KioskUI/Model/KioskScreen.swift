// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The screens of the kiosk.
public enum KioskScreen: String, CaseIterable, Hashable, Sendable {
    /// The start screen: the FFT question (with the answers, when the panel has room for both).
    case question
    /// The six answers, on panels too small to show them with the question.
    case answers
    /// The free-text question: warning, comment field, topics, Skip and Send.
    case freeText
    /// The on-screen keyboard for the comment (Latin-script languages).
    case keyboard
    /// The topic chips.
    case topics
    /// Thanks after a submission; ignores input.
    case thankYou
    /// "Do you need more time?"
    case idlePrompt
    /// The language list.
    case languagePicker
    /// The staff PIN pad.
    case staffPIN
    /// Staff status lines and tools.
    case staffStatus
    /// Touch calibration targets.
    case calibration

    /// Whether the screen is part of the patient's survey (and so has Listen and Language buttons).
    public var isPatientScreen: Bool {
        switch self {
        case .question, .answers, .freeText, .keyboard, .topics, .languagePicker: true
        case .thankYou, .idlePrompt, .staffPIN, .staffStatus, .calibration: false
        }
    }

    /// Whether the longer free-text inactivity timeout applies.
    public var isFreeText: Bool { self == .freeText || self == .keyboard || self == .topics }

    /// Whether the screen belongs to staff.
    public var isStaffScreen: Bool { self == .staffPIN || self == .staffStatus || self == .calibration }
}
