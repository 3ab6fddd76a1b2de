// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation

/// The `Idempotency-Key` request header: a UUID written as a structured-field string (`"…"`).
public enum IdempotencyKey {
    /// The header's name.
    public static let headerName = "Idempotency-Key"

    /// The header value for a key.
    public static func headerValue(_ key: String) -> String {
        "\"\(key)\""
    }

    /// The key in a header value, or nil when the value is not a quoted string of printable characters.
    public static func parse(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 3, trimmed.first == "\"", trimmed.last == "\"" else { return nil }
        let key = trimmed.dropFirst().dropLast()
        let allowed: ClosedRange<UInt8> = 0x21...0x7E
        let forbidden: Set<Character> = ["\"", "\\"]
        guard key.allSatisfy({ allowed.contains($0.asciiValue ?? 0) && !forbidden.contains($0) }) else { return nil }
        return String(key)
    }
}
