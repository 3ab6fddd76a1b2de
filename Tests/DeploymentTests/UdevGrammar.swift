// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The keys udev (systemd 252) knows, whether each takes an `{attribute}`, and which operators it accepts.
///
/// From udev(7), "Rules Syntax": match keys compare with `==` and `!=`; assignment keys take `=`, `+=`, `-=` or `:=`
/// as listed per key. Where udev only warns and guesses (for example `+=` on `GROUP`, which it reads as `=`), the
/// operator is refused here, so a rule means what it says.
enum UdevGrammar {
    enum Attribute: Sendable {
        case required, optional, forbidden
    }

    struct Key: Sendable {
        var attribute: Attribute
        /// Whether `==` and `!=` are allowed.
        var matches: Bool
        /// The assignment operators allowed.
        var assignments: Set<UdevToken.Operator>
    }

    static let keys: [String: Key] = [
        // Matched against the event's device.
        "ACTION": Key(attribute: .forbidden, matches: true, assignments: []),
        "DEVPATH": Key(attribute: .forbidden, matches: true, assignments: []),
        "KERNEL": Key(attribute: .forbidden, matches: true, assignments: []),
        "SUBSYSTEM": Key(attribute: .forbidden, matches: true, assignments: []),
        "DRIVER": Key(attribute: .forbidden, matches: true, assignments: []),
        "TAGS": Key(attribute: .forbidden, matches: true, assignments: []),
        "CONST": Key(attribute: .required, matches: true, assignments: []),
        "TEST": Key(attribute: .optional, matches: true, assignments: []),
        "PROGRAM": Key(attribute: .forbidden, matches: true, assignments: []),
        "RESULT": Key(attribute: .forbidden, matches: true, assignments: []),
        // Matched against the device or one of its parents (all of one rule's on the same one).
        "KERNELS": Key(attribute: .forbidden, matches: true, assignments: []),
        "SUBSYSTEMS": Key(attribute: .forbidden, matches: true, assignments: []),
        "DRIVERS": Key(attribute: .forbidden, matches: true, assignments: []),
        "ATTRS": Key(attribute: .required, matches: true, assignments: []),
        // Both.
        "NAME": Key(attribute: .forbidden, matches: true, assignments: [.assign, .assignFinal]),
        "SYMLINK": Key(attribute: .forbidden, matches: true, assignments: [.assign, .add, .remove, .assignFinal]),
        "ATTR": Key(attribute: .required, matches: true, assignments: [.assign]),
        "SYSCTL": Key(attribute: .required, matches: true, assignments: [.assign]),
        "ENV": Key(attribute: .required, matches: true, assignments: [.assign, .add]),
        "TAG": Key(attribute: .forbidden, matches: true, assignments: [.assign, .add, .remove]),
        "IMPORT": Key(attribute: .required, matches: true, assignments: [.assign]),
        // Assignments only.
        "OWNER": Key(attribute: .forbidden, matches: false, assignments: [.assign, .assignFinal]),
        "GROUP": Key(attribute: .forbidden, matches: false, assignments: [.assign, .assignFinal]),
        "MODE": Key(attribute: .forbidden, matches: false, assignments: [.assign, .assignFinal]),
        "SECLABEL": Key(attribute: .required, matches: false, assignments: [.assign, .add]),
        "RUN": Key(attribute: .optional, matches: false, assignments: [.assign, .add, .assignFinal]),
        "LABEL": Key(attribute: .forbidden, matches: false, assignments: [.assign]),
        "GOTO": Key(attribute: .forbidden, matches: false, assignments: [.assign]),
        "OPTIONS": Key(attribute: .forbidden, matches: false, assignments: [.assign, .add]),
    ]

    /// Checks one token against the table and the value rules udev applies; nil when it is fine.
    static func problem(with token: UdevToken) -> String? {
        guard let key = keys[token.key] else {
            return "unknown key \(token.key)"
        }
        switch (key.attribute, token.attribute) {
        case (.required, nil): return "\(token.key) needs an {attribute}"
        case (.required, .some(let attribute)) where attribute.isEmpty: return "\(token.key) needs an {attribute}"
        case (.forbidden, .some): return "\(token.key) takes no {attribute}"
        default: break
        }
        if token.op.isMatch {
            guard key.matches else { return "\(token.name) is an assignment key; \(token.op.rawValue) cannot match it" }
        } else if !key.assignments.contains(token.op) {
            if key.assignments.isEmpty {
                return "\(token.name) is a match key; use == or !=, not \(token.op.rawValue)"
            }
            let allowed = key.assignments.map(\.rawValue).sorted().joined(separator: " ")
            return "\(token.name) does not take \(token.op.rawValue) (allowed: == != \(allowed))"
        }
        switch token.key {
        case "MODE" where !token.op.isMatch:
            let digits = token.value.allSatisfy { ("0"..."7").contains($0) }
            if !digits || !(3...4).contains(token.value.count) { return "MODE \"\(token.value)\" is not an octal mode" }
        case "OWNER", "GROUP", "LABEL", "GOTO":
            if token.value.isEmpty { return "\(token.key) needs a value" }
        case "ENV":
            let name = token.attribute ?? ""
            let allowed = name.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" || $0 == "." }
            if !allowed {
                return "ENV{\(name)}: property names are upper case, digits, _ (and a leading . for private)"
            }
        case "SYMLINK" where !token.op.isMatch:
            if token.value.hasPrefix("/") { return "SYMLINK is relative to /dev, not \"\(token.value)\"" }
        default: break
        }
        return nil
    }
}
