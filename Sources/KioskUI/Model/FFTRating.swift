// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An answer to the FFT question, numbered as NHS England's data columns are (1 Very good … 6 Don't know).
public enum FFTRating: Int, CaseIterable, Hashable, Sendable, Comparable {
    case veryGood = 1
    case good = 2
    case neitherGoodNorPoor = 3
    case poor = 4
    case veryPoor = 5
    case dontKnow = 6

    /// The position in the answer list, from 0.
    public var index: Int { rawValue - 1 }

    public static func < (lhs: FFTRating, rhs: FFTRating) -> Bool { lhs.rawValue < rhs.rawValue }
}
