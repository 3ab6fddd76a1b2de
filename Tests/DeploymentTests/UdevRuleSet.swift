// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Rules files in the order udev reads them, applied to a recorded device the way udev applies them to an event.
///
/// Per rule: the device keys (`ACTION`, `KERNEL`, `SUBSYSTEM`, `DRIVER`, `ATTR`, `ENV`, `TAG`) are compared with the
/// event's device; the parent keys (`KERNELS`, `SUBSYSTEMS`, `DRIVERS`, `ATTRS`) must all hold on one device of the
/// chain, the nearest that does, which then answers `$attr{…}`; only when everything matches are the assignments
/// made, in order, and a `GOTO` jumps to its `LABEL`. Patterns are shell globs (`*`, `?`, `[…]`) with `|` between
/// alternatives. What this does not model (`PROGRAM`, `IMPORT`, `TEST`, `RUN`) is an error, so a rule using it
/// cannot pass unexamined.
struct UdevRuleSet: Sendable {
    var rules: [UdevRule]

    init(files: [(name: String, text: String)]) throws {
        rules = try files.sorted { $0.name < $1.name }.flatMap { try UdevRuleParser.parse($0.text, file: $0.name) }
    }

    /// What the rules did to one device.
    struct Outcome: Sendable {
        /// The exported properties (private `.NAME` ones are dropped, as udev does).
        var properties: [String: String]
        var symlinks: [String] = []
        var owner: String?
        var group: String?
        var mode: String?
        var tags: Set<String> = []
        /// The rules that matched, as `file:line`.
        var matched: [String] = []
    }

    func apply(to device: UdevDeviceDump, action: String = "add") throws -> Outcome {
        var environment = device.properties
        var outcome = Outcome(properties: [:])
        var final: Set<String> = []
        var index = 0
        while index < rules.count {
            let rule = rules[index]
            index += 1
            guard let parent = try matches(rule, device: device, environment: environment, action: action) else {
                continue
            }
            outcome.matched.append("\(rule.file):\(rule.line)")
            for token in rule.assignments {
                let value = try substitute(token.value, device: device, parent: parent, environment: environment)
                if token.op == .assignFinal { final.insert(token.key) }
                switch token.key {
                case "ENV":
                    let name = token.attribute ?? ""
                    if token.op == .add, let existing = environment[name], !existing.isEmpty {
                        environment[name] = value.isEmpty ? existing : existing + " " + value
                    } else if value.isEmpty {
                        environment[name] = nil
                    } else {
                        environment[name] = value
                    }
                case "SYMLINK":
                    guard !final.contains("SYMLINK") || token.op == .assignFinal else { continue }
                    let links = value.split(separator: " ").map(String.init)
                    switch token.op {
                    case .remove: outcome.symlinks.removeAll { links.contains($0) }
                    case .add: outcome.symlinks += links.filter { !outcome.symlinks.contains($0) }
                    default: outcome.symlinks = links
                    }
                case "OWNER" where !final.contains("OWNER") || token.op == .assignFinal: outcome.owner = value
                case "GROUP" where !final.contains("GROUP") || token.op == .assignFinal: outcome.group = value
                case "MODE" where !final.contains("MODE") || token.op == .assignFinal: outcome.mode = value
                case "OWNER", "GROUP", "MODE": continue
                case "TAG":
                    switch token.op {
                    case .remove: outcome.tags.remove(value)
                    case .add: outcome.tags.insert(value)
                    default: outcome.tags = [value]
                    }
                case "GOTO":
                    guard let target = rules[index...].firstIndex(where: { $0.file == rule.file && $0.label == value })
                    else {
                        throw UdevRuleError(file: rule.file, line: rule.line, message: "GOTO \"\(value)\": no label")
                    }
                    index = target
                case "LABEL": continue
                default:
                    throw UdevRuleError(
                        file: rule.file,
                        line: rule.line,
                        message: "\(token.name) is valid udev but not modelled by this test"
                    )
                }
            }
        }
        outcome.properties = environment.filter { !$0.key.hasPrefix(".") }
        return outcome
    }

    /// Nil when the rule does not match; otherwise the device its parent keys matched (or the device itself).
    private func matches(
        _ rule: UdevRule,
        device: UdevDeviceDump,
        environment: [String: String],
        action: String
    ) throws -> UdevDeviceDump.SysDevice?? {
        let own = device.chain[0]
        var parentTokens: [UdevToken] = []
        for token in rule.matches {
            let actual: String?
            switch token.key {
            case "ACTION": actual = action
            case "DEVPATH": actual = device.properties["DEVPATH"]
            case "KERNEL": actual = own.kernel
            case "SUBSYSTEM": actual = own.subsystem
            case "DRIVER": actual = own.driver
            case "ATTR": actual = own.attributes[token.attribute ?? ""]
            case "ENV": actual = environment[token.attribute ?? ""]
            case "TAG", "TAGS":
                let tags = (device.properties["TAGS"] ?? "").split(separator: ":").map(String.init)
                if Self.matches(token, any: tags) { continue } else { return nil }
            case "KERNELS", "SUBSYSTEMS", "DRIVERS", "ATTRS":
                parentTokens.append(token)
                continue
            default:
                throw UdevRuleError(
                    file: rule.file,
                    line: rule.line,
                    message: "\(token.name) is valid udev but not modelled by this test"
                )
            }
            if !Self.matches(token, actual) { return nil }
        }
        guard !parentTokens.isEmpty else { return .some(nil) }
        for candidate in device.chain {
            let all = parentTokens.allSatisfy { token in
                switch token.key {
                case "KERNELS": Self.matches(token, candidate.kernel)
                case "SUBSYSTEMS": Self.matches(token, candidate.subsystem)
                case "DRIVERS": Self.matches(token, candidate.driver)
                default: Self.matches(token, candidate.attributes[token.attribute ?? ""])
                }
            }
            if all { return .some(candidate) }
        }
        return nil
    }

    private static func matches(_ token: UdevToken, _ actual: String?) -> Bool {
        // udev ignores trailing white space of sysfs values unless the pattern ends in some.
        var value = actual ?? ""
        if !token.value.hasSuffix(" ") {
            while value.last == " " || value.last == "\n" { value.removeLast() }
        }
        let found = token.value.split(separator: "|", omittingEmptySubsequences: false).contains { alternative in
            Glob.matches(String(alternative), value)
        }
        return token.op == .match ? found : !found
    }

    private static func matches(_ token: UdevToken, any values: [String]) -> Bool {
        let found = values.contains { Glob.matches(token.value, $0) }
        return token.op == .match ? found : !found
    }

    /// `$attr{…}`/`%s{…}`, `$env{…}`/`%E{…}`, `$kernel`/`%k`, `$$`, `%%`.
    private func substitute(
        _ value: String,
        device: UdevDeviceDump,
        parent: UdevDeviceDump.SysDevice?,
        environment: [String: String]
    ) throws -> String {
        var result = ""
        var rest = Substring(value)
        while let character = rest.first {
            rest = rest.dropFirst()
            guard character == "$" || character == "%" else {
                result.append(character)
                continue
            }
            if rest.first == character {
                result.append(character)
                rest = rest.dropFirst()
                continue
            }
            let word = String(rest.prefix { $0.isLetter })
            rest = rest.dropFirst(word.count)
            var argument: String?
            if rest.first == "{", let close = rest.firstIndex(of: "}") {
                argument = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
            }
            switch (word, argument) {
            case ("attr", .some(let name)), ("s", .some(let name)):
                result += parent?.attributes[name] ?? device.chain[0].attributes[name] ?? ""
            case ("env", .some(let name)), ("E", .some(let name)):
                result += environment[name] ?? ""
            case ("kernel", nil), ("k", nil):
                result += device.chain[0].kernel
            default:
                throw UdevDeviceDump.DumpError("substitution \(character)\(word) in \"\(value)\" is not modelled")
            }
        }
        return result
    }
}

/// fnmatch(3) without flags: `*`, `?`, `[abc]`, `[a-z]`, `[!…]`, and `\` escapes.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        matches(Array(pattern), 0, Array(text), 0)
    }

    private static func matches(_ pattern: [Character], _ p: Int, _ text: [Character], _ t: Int) -> Bool {
        if p == pattern.count { return t == text.count }
        switch pattern[p] {
        case "*":
            return (t...text.count).contains { matches(pattern, p + 1, text, $0) }
        case "?":
            return t < text.count && matches(pattern, p + 1, text, t + 1)
        case "[":
            guard t < text.count, let close = pattern[(p + 1)...].dropFirst().firstIndex(of: "]") else {
                return t < text.count && text[t] == "[" && matches(pattern, p + 1, text, t + 1)
            }
            var set = Array(pattern[(p + 1)..<close])
            let negated = set.first == "!" || set.first == "^"
            if negated { set.removeFirst() }
            var found = false
            var i = 0
            while i < set.count {
                if i + 2 < set.count, set[i + 1] == "-" {
                    if set[i] <= text[t] && text[t] <= set[i + 2] { found = true }
                    i += 3
                } else {
                    if set[i] == text[t] { found = true }
                    i += 1
                }
            }
            return found != negated && matches(pattern, close + 1, text, t + 1)
        case "\\" where p + 1 < pattern.count:
            return t < text.count && text[t] == pattern[p + 1] && matches(pattern, p + 2, text, t + 1)
        default:
            return t < text.count && text[t] == pattern[p] && matches(pattern, p + 1, text, t + 1)
        }
    }
}
