// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The comma-separated parameters of an information response or result code.
///
/// Commas inside double quotes or parentheses do not split, so `+CMGL: 1,0,"Ward 7, Bay 2",23` has four
/// parameters and `+CNMI: (0-2),(0,1,2)` has two. Empty fields are kept, so `+CMT: ,23` has two.
/// Inside quotes, `\HH` (a backslash and two hexadecimal digits) stands for the byte `0xHH`.
///
/// Related specification: ITU-T V.250 §5.7.2 and 3GPP TS 27.007 §4.1
public struct ATParameters: Hashable, Sendable, RandomAccessCollection {
    /// The parameters in order.
    public var items: [ATParameter]

    public init(_ items: [ATParameter]) {
        self.items = items
    }

    /// Splits text such as `"SM",3,30` into parameters. Empty text has no parameters.
    public init(parsing text: Substring) {
        self.items = Self.split(text)
    }

    /// Splits the value of a line such as `+CPMS: "SM",3,30`, if the line's name is `name` (`+CPMS`).
    public init?(line: ATLine, name: String) {
        guard line.responseName == name.uppercased(), let value = line.responseValue else { return nil }
        self.init(parsing: value)
    }

    public var startIndex: Int { self.items.startIndex }
    public var endIndex: Int { self.items.endIndex }
    public subscript(position: Int) -> ATParameter { self.items[position] }

    /// The parameter at `index`, or `nil` when there are fewer parameters.
    public func parameter(at index: Int) -> ATParameter? {
        self.items.indices.contains(index) ? self.items[index] : nil
    }

    private static func split(_ text: Substring) -> [ATParameter] {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 != .space }) else { return [] }
        var result: [ATParameter] = []
        var start = 0
        var inQuotes = false
        var depth = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case .quote: inQuotes.toggle()
            case UInt8(ascii: "(") where !inQuotes: depth += 1
            case UInt8(ascii: ")") where !inQuotes: depth = Swift.max(0, depth - 1)
            case UInt8(ascii: ",") where !inQuotes && depth == 0:
                result.append(Self.parameter(bytes[start..<index]))
                start = index + 1
            default: break
            }
        }
        result.append(Self.parameter(bytes[start...]))
        return result
    }

    private static func parameter(_ raw: ArraySlice<UInt8>) -> ATParameter {
        var token = raw
        while let first = token.first, first == .space || first == .tab { token = token.dropFirst() }
        while let last = token.last, last == .space || last == .tab { token = token.dropLast() }
        if token.first == .quote {
            var content = token.dropFirst()
            if content.last == .quote { content = content.dropLast() }
            return ATParameter(kind: .quoted, value: String(decoding: Self.unescape(content), as: UTF8.self))
        }
        if token.first == UInt8(ascii: "("), token.last == UInt8(ascii: ")") {
            let inner = token.dropFirst().dropLast()
            return ATParameter(kind: .parenthesised, value: String(decoding: inner, as: UTF8.self))
        }
        return ATParameter(kind: .bare, value: String(decoding: token, as: UTF8.self))
    }

    private static func unescape(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 2 < bytes.endIndex,
                let high = HexDigits.value(bytes[index + 1]), let low = HexDigits.value(bytes[index + 2])
            {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }
}
