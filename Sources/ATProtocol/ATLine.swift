// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// One line of modem output, without its line terminator.
///
/// A line keeps the exact bytes the modem sent, so nothing is lost when a modem emits bytes that are not
/// valid UTF-8 (power-on noise, a GSM 7-bit alphabet string, a stray `0xFF`). ``text`` is a lossy UTF-8
/// view for matching and display: invalid sequences become U+FFFD.
///
/// Lines are compared byte for byte. In tests a line can be written as a string literal:
///
/// ```swift
/// let line: ATLine = "+CMTI: \"SM\",3"
/// ```
public struct ATLine: Hashable, Sendable {
    /// The bytes of the line, excluding the CR and/or LF that ended it.
    public var bytes: [UInt8]

    /// Creates a line from raw bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Creates a line from text, stored as UTF-8.
    public init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    /// The line decoded as UTF-8, with invalid sequences replaced by U+FFFD.
    public var text: String {
        String(decoding: self.bytes, as: UTF8.self)
    }

    /// Whether ``bytes`` is well-formed UTF-8 (ASCII lines always are).
    public var isValidUTF8: Bool {
        var iterator = self.bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Whether the line starts with the given ASCII prefix, compared byte for byte.
    public func hasPrefix(_ prefix: String) -> Bool {
        let prefixBytes = prefix.utf8
        guard self.bytes.count >= prefixBytes.count else { return false }
        return zip(self.bytes, prefixBytes).allSatisfy { $0 == $1 }
    }

    /// The text with leading and trailing spaces and tabs removed.
    var trimmedText: String {
        var slice = self.bytes[...]
        while let first = slice.first, first == .space || first == .tab { slice = slice.dropFirst() }
        while let last = slice.last, last == .space || last == .tab { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}

extension ATLine: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

extension ATLine: CustomStringConvertible {
    /// The line with control characters and non-ASCII bytes shown as `\xHH` escapes.
    public var description: String {
        var result = ""
        for byte in self.bytes {
            if byte >= 0x20 && byte < 0x7F {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "\\x" + String.hexByte(byte)
            }
        }
        return result
    }
}

extension UInt8 {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let nul: UInt8 = 0x00
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let greaterThan = UInt8(ascii: ">")
    static let quote = UInt8(ascii: "\"")
    static let ctrlZ: UInt8 = 0x1A
    static let escape: UInt8 = 0x1B
}

extension String {
    /// Two upper-case hexadecimal digits for a byte.
    static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}
