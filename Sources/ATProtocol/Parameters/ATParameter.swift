// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// One comma-separated parameter of an information response or result code.
///
/// In `+CMGL: 2,1,,23` the parameters are `2`, `1`, an empty one and `23`; in
/// `+CPMS: ("SM","ME"),("SM")` they are two parenthesised lists.
///
/// Related specification: ITU-T V.250 §5.7.2 and 3GPP TS 27.007 §4.1 (string constants, `\HH` escapes)
public struct ATParameter: Hashable, Sendable {
    /// How the parameter was written.
    public enum Kind: Hashable, Sendable {
        /// A numeric or other unquoted value; empty when nothing stood between the commas.
        case bare
        /// A string constant in double quotes.
        case quoted
        /// A list in parentheses, as in test command responses: `(0-2)`, `("SM","ME")`.
        case parenthesised
    }

    /// How the parameter was written.
    public var kind: Kind

    /// The value: trimmed text for ``Kind/bare``, the unescaped contents for ``Kind/quoted``, and the text
    /// between the parentheses for ``Kind/parenthesised``.
    public var value: String

    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// Whether nothing stood between the commas (a quoted empty string `""` is not empty in this sense).
    public var isEmpty: Bool {
        self.kind == .bare && self.value.isEmpty
    }

    /// The value as a decimal integer, if it is one (quoted or not).
    public var intValue: Int? {
        self.kind == .parenthesised ? nil : Int(self.value)
    }

    /// The value as text, or `nil` when the parameter is empty or a list.
    public var stringValue: String? {
        switch self.kind {
        case .quoted: self.value
        case .bare: self.value.isEmpty ? nil : self.value
        case .parenthesised: nil
        }
    }

    /// For a parenthesised list, its items: `("SM","ME")` gives the quoted strings `SM` and `ME`.
    public var listItems: [ATParameter]? {
        guard self.kind == .parenthesised else { return nil }
        return Array(ATParameters(parsing: self.value[...]))
    }

    /// For a parenthesised list of integers and ranges such as `(0-2)`, `(0,2)` or `(1-3,5)`, its ranges.
    ///
    /// An empty list `()` gives no ranges; any item that is not an integer or range gives `nil`.
    public var integerRanges: [ClosedRange<Int>]? {
        guard let items = self.listItems else { return nil }
        var ranges: [ClosedRange<Int>] = []
        for item in items where !item.isEmpty {
            let parts = item.value.split(separator: "-", omittingEmptySubsequences: false)
            switch parts.count {
            case 1:
                guard let value = Int(parts[0].trimmingCharacters(in: " ")) else { return nil }
                ranges.append(value...value)
            case 2:
                guard let low = Int(parts[0].trimmingCharacters(in: " ")),
                    let high = Int(parts[1].trimmingCharacters(in: " ")), low <= high
                else { return nil }
                ranges.append(low...high)
            default:
                return nil
            }
        }
        return ranges
    }
}

extension ATParameter {
    /// Writes `text` as an AT string constant: in double quotes, with `"`, `\`, CR and LF escaped as
    /// `\22`, `\5C`, `\0D` and `\0A`.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"", "\\", "\r", "\n": result += "\\" + String.hexByte(UInt8(character.value))
            default: result.unicodeScalars.append(character)
            }
        }
        return result + "\""
    }
}
