// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// What a comment is about, as Care Connect's category chips offer it. The raw value is the stored code.
public enum FeedbackCategory: String, CaseIterable, Hashable, Sendable {
    case staff
    case access
    case delays
    case treatment
    case communication
    case cleanliness
    case equipment
    case medicines
    case dignity
    case parking
    case lostProperty = "lostproperty"
    case food
    case other
}
