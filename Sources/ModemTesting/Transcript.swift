// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A recorded session between the host and a modem, as kept in `Fixtures/<name>.transcript` files.
///
/// The format is described in `Fixtures/README.md`: `> ` lines are host bytes, `< ` lines are modem
/// bytes, `#` lines are comments, and `\r`, `\n`, `\t`, `\\` and `\xHH` are escapes.
public struct Transcript: Sendable {
    public enum Direction: Equatable, Sendable {
        case host
        case modem
    }

    public struct Entry: Equatable, Sendable {
        public var direction: Direction
        public var bytes: [UInt8]
    }

    public struct FormatError: Error, CustomStringConvertible {
        public var lineNumber: Int
        public var message: String
        public var description: String { "line \(lineNumber): \(message)" }

        public init(lineNumber: Int, message: String) {
            self.lineNumber = lineNumber
            self.message = message
        }
    }

    public var name: String
    public var entries: [Entry]

    /// Every byte the modem sent, in order.
    public var modemBytes: [UInt8] {
        self.entries.filter { $0.direction == .modem }.flatMap(\.bytes)
    }

    /// Parses transcript text.
    public init(name: String, text: String) throws {
        self.name = name
        self.entries = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let direction: Direction
            if line.hasPrefix("> ") {
                direction = .host
            } else if line.hasPrefix("< ") {
                direction = .modem
            } else {
                throw FormatError(lineNumber: offset + 1, message: "expected '> ', '< ' or '#'")
            }
            let bytes = try Self.unescape(line.dropFirst(2), lineNumber: offset + 1)
            self.entries.append(Entry(direction: direction, bytes: bytes))
        }
    }

    /// The modem bytes sent before the host's first write (start-up reports).
    public var openingBytes: [UInt8] {
        self.entries.prefix { $0.direction == .modem }.flatMap(\.bytes)
    }

    /// Each host write with every modem byte that follows it up to the next host write.
    public var exchanges: [(write: [UInt8], reply: [UInt8])] {
        var result: [(write: [UInt8], reply: [UInt8])] = []
        for entry in self.entries.drop(while: { $0.direction == .modem }) {
            switch entry.direction {
            case .host: result.append((entry.bytes, []))
            case .modem: result[result.count - 1].reply += entry.bytes
            }
        }
        return result
    }

    private static func unescape(_ text: Substring, lineNumber: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "\\") else {
                result.append(byte)
                continue
            }
            switch bytes.popFirst() {
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "\\"): result.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "x"):
                let digits = String(decoding: bytes.prefix(2), as: UTF8.self)
                guard digits.count == 2, let value = UInt8(digits, radix: 16) else {
                    throw FormatError(lineNumber: lineNumber, message: "bad \\x escape")
                }
                result.append(value)
                bytes = bytes.dropFirst(2)
            default:
                throw FormatError(lineNumber: lineNumber, message: "unknown escape")
            }
        }
        return result
    }
}
