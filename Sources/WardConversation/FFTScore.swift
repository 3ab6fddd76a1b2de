// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An answer to the NHS Friends and Family Test question "Overall, how was your experience of our service?"
///
/// The raw values are the national data columns: 1 Very good … 6 Don't know.
public enum FFTScore: Int, Hashable, Sendable, CaseIterable, Codable {
    case veryGood = 1
    case good = 2
    case neitherGoodNorPoor = 3
    case poor = 4
    case veryPoor = 5
    case dontKnow = 6

    /// The English label, as the national question shows it.
    public var label: String {
        switch self {
        case .veryGood: "Very good"
        case .good: "Good"
        case .neitherGoodNorPoor: "Neither good nor poor"
        case .poor: "Poor"
        case .veryPoor: "Very poor"
        case .dontKnow: "Don't know"
        }
    }

    /// A stable identifier for exports and sync.
    public var code: String {
        switch self {
        case .veryGood: "very_good"
        case .good: "good"
        case .neitherGoodNorPoor: "neither"
        case .poor: "poor"
        case .veryPoor: "very_poor"
        case .dontKnow: "dont_know"
        }
    }
}
