// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Parsing shared by the identification commands, whose response is free text on one or more lines.
enum InformationText {
    /// Joins the response lines, after removing a leading label such as `+CGMI:` or `Revision:` that some
    /// vendors add, and surrounding quotes and spaces.
    static func parse(_ lines: [ATLine], command: String, labels: [String]) throws -> String {
        let texts = lines.map { line -> String in
            var text = line.trimmedText
            for label in labels where text.uppercased().hasPrefix(label.uppercased()) {
                text = String(text.dropFirst(label.count)).trimmingCharacters(in: " ")
                break
            }
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
                text = String(text.dropFirst().dropLast())
            }
            return text
        }
        .filter { !$0.isEmpty }
        guard !texts.isEmpty else {
            throw ATParseError(code: .missingLine, command: command, line: nil, message: "empty response")
        }
        return texts.joined(separator: "\n")
    }

    /// Like parse(_:command:labels:), but the result must be decimal digits (IMEI, IMSI).
    static func parseDigits(_ lines: [ATLine], command: String, labels: [String]) throws -> String {
        let text = try parse(lines, command: command, labels: labels)
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw ATParseError(
                code: .invalidParameter,
                command: command,
                line: lines.first,
                message: "expected decimal digits, found \"\(text)\""
            )
        }
        return text
    }
}
