// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// UCS-2 user data, read as big-endian UTF-16 so that surrogate pairs (emoji) survive.
///
/// Related specification: 3GPP TS 23.038 §6.2.3.
public enum UCS2 {
    /// Decodes big-endian UTF-16 octets; a lone surrogate becomes U+FFFD and is counted.
    public static func decode(_ octets: some Collection<UInt8>) -> (text: String, invalid: Int) {
        var units: [UInt16] = []
        units.reserveCapacity(octets.count / 2)
        var iterator = octets.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            units.append(UInt16(high) << 8 | UInt16(low))
        }
        var scalars = String.UnicodeScalarView()
        var invalid = 0
        var decoder = UTF16()
        var unitIterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&unitIterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                scalars.append("\u{FFFD}")
                invalid += 1
            }
        }
        return (String(scalars), invalid)
    }

    /// Encodes text as big-endian UTF-16 octets.
    public static func encode(_ text: some StringProtocol) -> [UInt8] {
        var octets: [UInt8] = []
        octets.reserveCapacity(text.utf16.count * 2)
        for unit in text.utf16 {
            octets.append(UInt8(unit >> 8))
            octets.append(UInt8(unit & 0xFF))
        }
        return octets
    }
}
