// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Packing of 7-bit characters into octets, least significant bit first.
///
/// Related specification: 3GPP TS 23.038 §6.1.2.1.1.
public enum SeptetPacking {
    /// The number of octets that hold `septets` packed septets.
    public static func octetCount(septets: Int) -> Int {
        (septets * 7 + 7) / 8
    }

    /// Unpacks `count` septets starting `firstSeptet` septets into `bytes`.
    ///
    /// The caller guarantees `bytes` holds at least `octetCount(septets: firstSeptet + count)` octets.
    public static func unpack(_ bytes: ArraySlice<UInt8>, count: Int, skipping firstSeptet: Int = 0) -> [UInt8] {
        var septets: [UInt8] = []
        septets.reserveCapacity(count)
        let base = bytes.startIndex
        for index in firstSeptet..<(firstSeptet + count) {
            let bit = index * 7
            let byte = base + bit / 8
            let shift = bit % 8
            var value = UInt16(bytes[byte]) >> shift
            if shift > 1 {
                value |= UInt16(bytes[byte + 1]) << (8 - shift)
            }
            septets.append(UInt8(value & 0x7F))
        }
        return septets
    }

    /// Packs septets, leaving the first `firstSeptet` septet positions (a header and its fill bits) zero.
    public static func pack(_ septets: some Collection<UInt8>, skipping firstSeptet: Int = 0) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: octetCount(septets: firstSeptet + septets.count))
        var index = firstSeptet
        for septet in septets {
            let bit = index * 7
            let byte = bit / 8
            let shift = bit % 8
            let value = UInt16(septet & 0x7F) << shift
            bytes[byte] |= UInt8(value & 0xFF)
            if shift > 1 {
                bytes[byte + 1] |= UInt8(value >> 8)
            }
            index += 1
        }
        return bytes
    }
}
