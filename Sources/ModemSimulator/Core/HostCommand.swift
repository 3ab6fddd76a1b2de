// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// One command of a command line, such as `+CMGL=4` in `AT+CMEE=1;+CMGL=4` or `E0` in `ATE0V1`.
///
/// Related specification: ITU-T V.250 §5.3 (basic and extended syntax, `;` between extended commands)
/// and 3GPP TS 27.007 §4.1.
struct HostCommand: Hashable, Sendable {
    enum Mode: Hashable, Sendable {
        /// `+CSQ`, `E0`.
        case execute
        /// `+CPIN?`.
        case read
        /// `+CNMI=?`.
        case test
        /// `+CMGF=0`.
        case set
    }

    /// The command name in upper case: `+CMGL`, `^CURC`, `E`, `&F`, `S0`; empty for a bare `AT`.
    var name: String
    var mode: Mode
    /// The text after `=` (case kept), or a basic command's number (`0` in `E0`).
    var argument: String

    /// The name with its mode, as vendor tables key it: `+QURCCFG?`, `+QCFG=`, `+QINISTAT`.
    var key: String {
        switch self.mode {
        case .execute: self.name
        case .read: self.name + "?"
        case .test: self.name + "=?"
        case .set: self.name + "="
        }
    }

    /// Splits a command line. Returns nil when the line does not start with `AT`; a command that cannot
    /// be parsed comes back with the name `?`, which no handler accepts.
    static func parse(line: String) -> [HostCommand]? {
        var bytes = Array(line.utf8)[...]
        while let first = bytes.first, first == .space { bytes.removeFirst() }
        guard bytes.count >= 2, bytes.first! | 0x20 == 0x61, bytes[bytes.startIndex + 1] | 0x20 == 0x74 else {
            return nil
        }
        bytes.removeFirst(2)
        var commands: [HostCommand] = []
        while let first = bytes.first {
            switch first {
            case .space, .semicolon:
                bytes.removeFirst()
            case .plus, .caret, .dollar, .percent, .star:
                commands.append(Self.parseExtended(&bytes))
            default:
                commands.append(Self.parseBasic(&bytes))
            }
        }
        return commands.isEmpty ? [HostCommand(name: "", mode: .execute, argument: "")] : commands
    }

    private static func parseExtended(_ bytes: inout ArraySlice<UInt8>) -> HostCommand {
        var name: [UInt8] = [bytes.removeFirst()]
        while let byte = bytes.first, byte.isNameCharacter {
            name.append(byte)
            bytes.removeFirst()
        }
        let upperName = String(decoding: name, as: UTF8.self).uppercased()
        var mode = HostCommand.Mode.execute
        if bytes.starts(with: [.equals, .question]) {
            bytes.removeFirst(2)
            mode = .test
        } else if bytes.first == .question {
            bytes.removeFirst()
            mode = .read
        } else if bytes.first == .equals {
            bytes.removeFirst()
            mode = .set
        }
        var argument: [UInt8] = []
        var inQuotes = false
        while let byte = bytes.first {
            if byte == .quote { inQuotes.toggle() }
            if byte == .semicolon && !inQuotes { break }
            argument.append(byte)
            bytes.removeFirst()
        }
        let text = String(decoding: argument, as: UTF8.self)
        if mode != .set && !text.allSatisfy({ $0 == " " }) {
            return HostCommand(name: "?", mode: mode, argument: text)
        }
        return HostCommand(name: upperName, mode: mode, argument: mode == .set ? text : "")
    }

    private static func parseBasic(_ bytes: inout ArraySlice<UInt8>) -> HostCommand {
        var name = [bytes.removeFirst().uppercased]
        if name[0] == .ampersand, let letter = bytes.first {
            name.append(letter.uppercased)
            bytes.removeFirst()
        }
        if name == [UInt8(ascii: "D")] {
            let rest = String(decoding: bytes, as: UTF8.self)
            bytes.removeAll()
            return HostCommand(name: "D", mode: .execute, argument: rest)
        }
        guard name.allSatisfy({ $0 == .ampersand || (0x41...0x5A).contains($0) }) else {
            return HostCommand(name: "?", mode: .execute, argument: "")
        }
        var digits: [UInt8] = []
        while let byte = bytes.first, (0x30...0x39).contains(byte) {
            digits.append(byte)
            bytes.removeFirst()
        }
        if name == [UInt8(ascii: "S")] {
            let register = "S" + String(decoding: digits, as: UTF8.self)
            if bytes.first == .question {
                bytes.removeFirst()
                return HostCommand(name: register, mode: .read, argument: "")
            }
            if bytes.first == .equals {
                bytes.removeFirst()
                var value: [UInt8] = []
                while let byte = bytes.first, (0x30...0x39).contains(byte) {
                    value.append(byte)
                    bytes.removeFirst()
                }
                return HostCommand(name: register, mode: .set, argument: String(decoding: value, as: UTF8.self))
            }
            return HostCommand(name: register, mode: .execute, argument: "")
        }
        return HostCommand(
            name: String(decoding: name, as: UTF8.self),
            mode: .execute,
            argument: String(decoding: digits, as: UTF8.self)
        )
    }
}

extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let semicolon = UInt8(ascii: ";")
    static let plus = UInt8(ascii: "+")
    static let caret = UInt8(ascii: "^")
    static let dollar = UInt8(ascii: "$")
    static let percent = UInt8(ascii: "%")
    static let star = UInt8(ascii: "*")
    static let equals = UInt8(ascii: "=")
    static let question = UInt8(ascii: "?")
    static let quote = UInt8(ascii: "\"")
    static let ampersand = UInt8(ascii: "&")

    fileprivate var uppercased: UInt8 {
        (0x61...0x7A).contains(self) ? self - 0x20 : self
    }

    fileprivate var isNameCharacter: Bool {
        switch self {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "%"):
            true
        default:
            false
        }
    }
}
