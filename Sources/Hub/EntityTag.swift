// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation

/// Reading `If-None-Match` (RFC 9110 section 13.1.2).
enum EntityTag {
    /// Whether an `If-None-Match` field value matches `current`: `*`, or any tag of its comma-separated list equal to
    /// `current` by the weak comparison the field uses (a `W/` prefix on either side is set aside). A tag sent without
    /// its quotes is read as if quoted.
    static func noneMatch(_ field: String, current: String) -> Bool {
        let wanted = opaque(current)
        return tags(field).contains { $0 == "*" || opaque($0) == wanted }
    }

    /// The tags of a field value, in order, as written (quotes kept); commas inside quotes do not split.
    static func tags(_ field: String) -> [String] {
        var tags: [String] = []
        var current = ""
        var quoted = false
        for character in field {
            switch character {
            case "\"":
                quoted.toggle()
                current.append(character)
            case "," where !quoted:
                tags.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        tags.append(current)
        return tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A tag without its weakness indicator, always quoted.
    static func opaque(_ tag: String) -> String {
        var tag = Substring(tag)
        if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
        if tag.count >= 2, tag.hasPrefix("\""), tag.hasSuffix("\"") { return String(tag) }
        return "\"\(tag)\""
    }
}
