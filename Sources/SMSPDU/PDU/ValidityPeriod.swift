// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// TP-Validity-Period: how long the service centre keeps trying to deliver a submitted message.
///
/// Related specification: 3GPP TS 23.040 §9.2.3.12.
public enum ValidityPeriod: Hashable, Sendable {
    /// The relative format (TP-VPF 10): one octet.
    case relative(UInt8)
    /// The absolute format (TP-VPF 11): a time stamp.
    case absolute(SMSTimestamp)
    /// The enhanced format (TP-VPF 01): seven octets, kept as received.
    case enhanced([UInt8])

    /// The shortest relative period of at least `minutes` (5 minutes to 63 weeks).
    public static func relative(minutes: Int) -> ValidityPeriod {
        let minutes = max(minutes, 5)
        if minutes <= 12 * 60 {
            return .relative(UInt8((minutes + 4) / 5 - 1))
        }
        if minutes <= 24 * 60 {
            return .relative(UInt8(143 + (minutes - 12 * 60 + 29) / 30))
        }
        let days = (minutes + 1_439) / 1_440
        if days <= 30 {
            return .relative(UInt8(166 + days))
        }
        let weeks = min((days + 6) / 7, 63)
        return .relative(UInt8(192 + weeks))
    }

    /// For the relative format, the period in minutes.
    public var minutes: Int? {
        guard case .relative(let value) = self else { return nil }
        switch value {
        case 0...143: return (Int(value) + 1) * 5
        case 144...167: return 12 * 60 + (Int(value) - 143) * 30
        case 168...196: return (Int(value) - 166) * 1_440
        default: return (Int(value) - 192) * 7 * 1_440
        }
    }

    /// The TP-VPF bits (4–3 of the first octet) for this format.
    var formatBits: UInt8 {
        switch self {
        case .relative: 0x10
        case .absolute: 0x18
        case .enhanced: 0x08
        }
    }

    func encoded() throws(PDUError) -> [UInt8] {
        switch self {
        case .relative(let value): [value]
        case .absolute(let stamp): try stamp.encoded()
        case .enhanced(let octets): octets
        }
    }
}
