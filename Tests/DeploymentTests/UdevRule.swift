// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// One `KEY{attribute}op"value"` of a udev rule.
struct UdevToken: Hashable, Sendable {
    enum Operator: String, CaseIterable, Sendable {
        case match = "=="
        case noMatch = "!="
        case assign = "="
        case add = "+="
        case remove = "-="
        case assignFinal = ":="

        var isMatch: Bool { self == .match || self == .noMatch }
    }

    var key: String
    var attribute: String?
    var op: Operator
    var value: String

    /// The key as written, with its attribute: `ENV{ID_MM_DEVICE_IGNORE}`.
    var name: String { attribute.map { "\(key){\($0)}" } ?? key }
}

/// One rule: a logical line of a rules file (continuation lines joined).
struct UdevRule: Sendable {
    var file: String
    /// The first physical line, counting from 1.
    var line: Int
    var tokens: [UdevToken]

    /// The tokens that compare, then those that assign, in the order written (udev sorts them the same way).
    var matches: [UdevToken] { tokens.filter { $0.op.isMatch || $0.key == "IMPORT" } }
    var assignments: [UdevToken] { tokens.filter { !($0.op.isMatch || $0.key == "IMPORT") } }

    /// The label this rule defines, if it is a `LABEL="…"` rule.
    var label: String? { tokens.first { $0.key == "LABEL" }?.value }
}

/// A rules file that udev would reject or misread, with the file and line.
struct UdevRuleError: Error, CustomStringConvertible, Equatable {
    var file: String
    var line: Int
    var message: String

    var description: String { "\(file):\(line): \(message)" }
}
