// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import NIOCore

/// An AT command line as the host sends it, such as `AT+CMGL=4`.
///
/// Build commands with the typed builders in the command namespaces (``CPMS/read``, ``CMGL/list(_:)``, …)
/// rather than by hand. The command knows how it goes on the wire (``wireBytes``, text plus CR) and,
/// for an extended command, its name and mode, which ``ATLineRole/classify(_:pendingCommand:)`` uses to
/// tell its information response lines from unsolicited result codes.
///
/// Related specification: ITU-T V.250 §5.3 and 3GPP TS 27.007 §4.1.
public struct ATCommand: Hashable, Sendable {
    /// The four ways an extended command can be used.
    public enum Mode: Hashable, Sendable {
        /// `AT+CMD` or a basic command such as `ATE0`.
        case execute
        /// `AT+CMD?`, which reads the current setting.
        case read
        /// `AT+CMD=?`, which lists supported values.
        case test
        /// `AT+CMD=…`, which sets values or runs with parameters.
        case set
    }

    /// The command line without the terminating CR, for example `AT+CPMS?`.
    public let text: String

    /// The name of the first extended command in the line including its prefix character
    /// (`+CPMS`, `^SYSCFG`), upper-cased; `nil` for basic commands such as `AT`, `ATE0` or `ATZ`.
    public let extendedName: String?

    /// How the (first) extended command is used; ``Mode/execute`` for basic commands.
    public let mode: Mode

    /// Creates a command from its text, which must start with `AT` (in any case).
    public init(_ text: String) {
        self.text = text
        (self.extendedName, self.mode) = Self.parseName(text)
    }

    /// The bytes to write: the command text followed by CR (S3).
    public var wireBytes: [UInt8] {
        Array(self.text.utf8) + [.cr]
    }

    /// Writes ``wireBytes`` to a buffer.
    public func write(to buffer: inout ByteBuffer) {
        buffer.writeBytes(self.wireBytes)
    }

    /// Whether `line` is this command's information response, that is, starts with `<name>:`.
    public func isResponsePrefix(of line: ATLine) -> Bool {
        guard let name = self.extendedName else { return false }
        return line.responseName == name
    }

    private static func parseName(_ text: String) -> (String?, Mode) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes[0] | 0x20 == UInt8(ascii: "a"), bytes[1] | 0x20 == UInt8(ascii: "t") else {
            return (nil, .execute)
        }
        let body = bytes.dropFirst(2)
        guard let first = body.first, ATLine.isExtendedPrefix(first) else {
            return (nil, .execute)
        }
        let nameEnd = body.firstIndex { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: ";") }
        let nameBytes = body[body.startIndex..<(nameEnd ?? body.endIndex)]
        let name = String(decoding: nameBytes, as: UTF8.self).uppercased()
        guard let end = nameEnd else { return (name, .execute) }
        let rest = body[end...]
        if rest.starts(with: Array("=?".utf8)) { return (name, .test) }
        if rest.first == UInt8(ascii: "?") { return (name, .read) }
        if rest.first == UInt8(ascii: "=") { return (name, .set) }
        return (name, .execute)
    }
}

extension ATCommand: CustomStringConvertible {
    public var description: String { self.text }
}

extension ATLine {
    /// Characters that start an extended command or result code name: `+` (3GPP) and the vendor prefixes
    /// `^` (Huawei), `$`, `%`, `#` and `*`.
    static func isExtendedPrefix(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "+"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "#"),
            UInt8(ascii: "*"):
            true
        default:
            false
        }
    }

    /// For a line shaped like `+NAME: …` or `^NAME:…`, the upper-cased name with its prefix (`+CMTI`).
    ///
    /// The name must be letters, digits or `_`, and must be followed by `:`.
    public var responseName: String? {
        guard let first = self.bytes.first, Self.isExtendedPrefix(first) else { return nil }
        guard let colon = self.bytes.firstIndex(of: UInt8(ascii: ":")), colon > 1 else { return nil }
        let name = self.bytes[1..<colon]
        let isName = name.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
        }
        guard isName else { return nil }
        return String(decoding: self.bytes[0..<colon], as: UTF8.self).uppercased()
    }

    /// The text after `NAME:` with leading spaces removed, for a line with a ``responseName``.
    var responseValue: Substring? {
        guard self.responseName != nil, let colon = self.text.firstIndex(of: ":") else { return nil }
        return self.text[self.text.index(after: colon)...].drop { $0 == " " }
    }
}
