// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A national language identifier for the GSM 7-bit alphabet's national language shift tables.
///
/// The raw value is the code carried in the National Language Single Shift (IEI 0x24) and
/// Locking Shift (IEI 0x25) information elements.
///
/// Related specification: 3GPP TS 23.038 §6.2.1.2.4 and Annex A.
public enum NationalLanguage: UInt8, Sendable, Hashable, CaseIterable {
    case turkish = 1
    case spanish = 2
    case portuguese = 3
    case bengali = 4
    case gujarati = 5
    case hindi = 6
    case kannada = 7
    case malayalam = 8
    case oriya = 9
    case punjabi = 10
    case tamil = 11
    case telugu = 12
    case urdu = 13
}
