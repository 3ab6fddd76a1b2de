// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Hexadecimal text as modems print PDUs in `+CMGL`/`+CMGR` responses and expect them after `AT+CMGS`.
public enum Hex {
    /// Decodes hexadecimal text (either case) into bytes. Surrounding white space is ignored.
    ///
    /// - Throws: ``PDUError`` with code ``PDUError/Code/invalidHex`` naming the offending character offset.
    public static func decode(_ text: some StringProtocol) throws(PDUError) -> [UInt8] {
        var utf8 = Array(text.utf8)
        var start = 0
        while start < utf8.count, isSpace(utf8[start]) {
            start += 1
        }
        while utf8.count > start, isSpace(utf8[utf8.count - 1]) {
            utf8.removeLast()
        }
        let digits = utf8.count - start
        guard digits % 2 == 0 else {
            throw PDUError(.invalidHex, field: "hex", offset: utf8.count, "odd number of hex digits (\(digits))")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits / 2)
        var index = start
        while index < utf8.count {
            guard let high = nibble(utf8[index]) else {
                throw PDUError(.invalidHex, field: "hex", offset: index, "not a hex digit: \(describe(utf8[index]))")
            }
            guard let low = nibble(utf8[index + 1]) else {
                throw PDUError(
                    .invalidHex,
                    field: "hex",
                    offset: index + 1,
                    "not a hex digit: \(describe(utf8[index + 1]))"
                )
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// Encodes bytes as upper-case hexadecimal text, the form modems accept after `AT+CMGS`.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            utf8.append(digit(byte >> 4))
            utf8.append(digit(byte & 0x0F))
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }

    private static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func isSpace(_ char: UInt8) -> Bool {
        char == 0x20 || char == 0x09 || char == 0x0A || char == 0x0D
    }

    private static func describe(_ char: UInt8) -> String {
        if char >= 0x21 && char < 0x7F {
            return "'\(Character(Unicode.Scalar(char)))'"
        }
        return "byte 0x\(encode([char]))"
    }
}
