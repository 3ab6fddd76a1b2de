// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The TP-Data-Coding-Scheme octet: which alphabet the user data uses, its message class,
/// and whether it is compressed.
///
/// Related specification: 3GPP TS 23.038 §4.
public struct DataCodingScheme: Hashable, Sendable {
    /// The character set of the user data.
    public enum Alphabet: String, Hashable, Sendable {
        case gsm7 = "gsm7"
        case eightBit = "8bit"
        case ucs2 = "ucs2"
    }

    /// The raw octet.
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Builds the general data coding octet for an alphabet and optional message class.
    public init(alphabet: Alphabet, messageClass: Int? = nil) {
        var value: UInt8
        switch alphabet {
        case .gsm7: value = 0x00
        case .eightBit: value = 0x04
        case .ucs2: value = 0x08
        }
        if let messageClass {
            value |= 0x10 | UInt8(messageClass & 0x03)
        }
        self.rawValue = value
    }

    private var group: UInt8 { rawValue >> 4 }

    /// True for the general data coding and automatic deletion groups, which share a layout.
    private var isGeneral: Bool { rawValue & 0x80 == 0 }

    /// The alphabet. Reserved codings are taken as the GSM 7-bit default alphabet, as §4 requires.
    public var alphabet: Alphabet {
        if isGeneral {
            switch (rawValue >> 2) & 0x03 {
            case 1: return .eightBit
            case 2: return .ucs2
            default: return .gsm7
            }
        }
        switch group {
        case 0x0E: return .ucs2
        case 0x0F: return rawValue & 0x04 != 0 ? .eightBit : .gsm7
        default: return .gsm7
        }
    }

    /// The message class 0–3 (0 is a "flash" message shown at once), or nil when none is given.
    public var messageClass: Int? {
        if isGeneral {
            return rawValue & 0x10 != 0 ? Int(rawValue & 0x03) : nil
        }
        return group == 0x0F ? Int(rawValue & 0x03) : nil
    }

    /// True when the text is compressed (TS 23.042), which this codec does not implement.
    public var isCompressed: Bool { isGeneral && rawValue & 0x20 != 0 }

    /// True for the automatic deletion group (01xx): the message is to be deleted after reading.
    public var isMarkedForAutomaticDeletion: Bool { rawValue & 0xC0 == 0x40 }

    /// The message waiting indication group, if any: discard (1100), store GSM 7-bit (1101), store UCS-2 (1110).
    public var messageWaiting: (store: Bool, active: Bool, kind: Int)? {
        guard (0x0C...0x0E).contains(group) else { return nil }
        return (group != 0x0C, rawValue & 0x08 != 0, Int(rawValue & 0x03))
    }
}
