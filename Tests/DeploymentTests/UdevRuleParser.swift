// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Reads udev rules files as udev does: `#` comments and blank lines skipped, a trailing `\` joins the next line,
/// tokens `KEY[{attribute}]op"value"` separated by commas. Every token is checked against ``UdevGrammar`` and every
/// `GOTO` must name a `LABEL` further down the same file.
enum UdevRuleParser {
    static func parse(_ text: String, file: String) throws(UdevRuleError) -> [UdevRule] {
        var rules: [UdevRule] = []
        var pending = ""
        var pendingLine = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            var line = raw.trimmingWhitespace()
            if pending.isEmpty {
                if line.isEmpty || line.hasPrefix("#") { continue }
                pendingLine = number
            } else if line.hasPrefix("#") {
                throw UdevRuleError(file: file, line: number, message: "a comment inside a continued line")
            }
            if line.hasSuffix("\\") {
                line.removeLast()
                pending += line + " "
                continue
            }
            pending += line
            rules.append(
                UdevRule(file: file, line: pendingLine, tokens: try tokens(of: pending, file: file, line: pendingLine))
            )
            pending = ""
        }
        if !pending.isEmpty {
            throw UdevRuleError(file: file, line: pendingLine, message: "the file ends inside a continued line")
        }
        try checkLabels(rules, file: file)
        return rules
    }

    /// Splits one logical line into tokens and checks each.
    static func tokens(of line: String, file: String, line number: Int) throws(UdevRuleError) -> [UdevToken] {
        func fail(_ message: String) -> UdevRuleError { UdevRuleError(file: file, line: number, message: message) }
        var characters = Substring(line)
        var result: [UdevToken] = []
        while true {
            characters = characters.drop { $0 == " " || $0 == "\t" }
            if characters.isEmpty { break }
            let key = String(characters.prefix { $0.isUppercase || $0 == "_" })
            guard !key.isEmpty else { throw fail("expected a key at \"\(characters.prefix(20))\"") }
            characters = characters.dropFirst(key.count)
            var attribute: String?
            if characters.first == "{" {
                guard let close = characters.firstIndex(of: "}") else { throw fail("\(key){ is not closed") }
                attribute = String(characters[characters.index(after: characters.startIndex)..<close])
                characters = characters[characters.index(after: close)...]
            }
            characters = characters.drop { $0 == " " || $0 == "\t" }
            let op = UdevToken.Operator.allCases.filter { characters.hasPrefix($0.rawValue) }
                .max { $0.rawValue.count < $1.rawValue.count }
            guard let op else { throw fail("expected an operator after \(key)") }
            characters = characters.dropFirst(op.rawValue.count).drop { $0 == " " || $0 == "\t" }
            guard characters.first == "\"" else { throw fail("the value of \(key) must be in double quotes") }
            characters = characters.dropFirst()
            var value = ""
            var closed = false
            while let character = characters.first {
                characters = characters.dropFirst()
                if character == "\\", let next = characters.first {
                    value.append(next == "\"" ? "\"" : "\\\(next)")
                    characters = characters.dropFirst()
                } else if character == "\"" {
                    closed = true
                    break
                } else {
                    value.append(character)
                }
            }
            guard closed else { throw fail("the value of \(key) has no closing quote") }
            let token = UdevToken(key: key, attribute: attribute, op: op, value: value)
            if let problem = UdevGrammar.problem(with: token) { throw fail(problem) }
            result.append(token)
            characters = characters.drop { $0 == " " || $0 == "\t" }
            if characters.isEmpty { break }
            guard characters.first == "," else { throw fail("a comma must separate \(token.name) from what follows") }
            characters = characters.dropFirst()
            if characters.drop(while: { $0 == " " || $0 == "\t" }).isEmpty { throw fail("a rule ends with a comma") }
        }
        if result.contains(where: { $0.key == "LABEL" }) && result.count > 1 {
            throw fail("LABEL must stand alone on its line")
        }
        return result
    }

    /// Every GOTO names a label that comes later in the same file; labels are unique.
    static func checkLabels(_ rules: [UdevRule], file: String) throws(UdevRuleError) {
        var seen: Set<String> = []
        for rule in rules {
            if let label = rule.label {
                guard seen.insert(label).inserted else {
                    throw UdevRuleError(file: file, line: rule.line, message: "LABEL \"\(label)\" defined twice")
                }
            }
        }
        for (index, rule) in rules.enumerated() {
            for token in rule.tokens where token.key == "GOTO" {
                let later = rules[(index + 1)...].contains { $0.label == token.value }
                guard later else {
                    throw UdevRuleError(
                        file: file,
                        line: rule.line,
                        message: "GOTO \"\(token.value)\" has no LABEL after it in this file"
                    )
                }
            }
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
