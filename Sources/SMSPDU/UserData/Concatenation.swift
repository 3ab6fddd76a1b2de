// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The concatenation information of one part of a long message.
///
/// Related specification: 3GPP TS 23.040 §9.2.3.24.1 and §9.2.3.24.8.
public struct Concatenation: Hashable, Sendable {
    /// The reference shared by every part of the message.
    public var reference: Int
    /// The number of parts.
    public var total: Int
    /// This part's sequence number, from 1.
    public var part: Int
    /// True when the reference is 16-bit (IEI 0x08), false for 8-bit (IEI 0x00).
    public var referenceIs16Bit: Bool

    public init(reference: Int, total: Int, part: Int, referenceIs16Bit: Bool) {
        self.reference = reference
        self.total = total
        self.part = part
        self.referenceIs16Bit = referenceIs16Bit
    }

    var isValid: Bool { total > 0 && part > 0 && part <= total }

    var informationElement: UserDataHeader.InformationElement {
        if referenceIs16Bit {
            return .init(
                identifier: UserDataHeader.InformationElement.concatenated16Bit,
                data: [UInt8(reference >> 8 & 0xFF), UInt8(reference & 0xFF), UInt8(total), UInt8(part)]
            )
        }
        return .init(
            identifier: UserDataHeader.InformationElement.concatenated8Bit,
            data: [UInt8(reference & 0xFF), UInt8(total), UInt8(part)]
        )
    }
}
