// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A systemd unit or drop-in file read as `[Section]` and `Key=value` lines (comments skipped, keys repeatable).
struct UnitFile: Sendable {
    var name: String
    /// (section, key, value) in file order.
    var entries: [(section: String, key: String, value: String)]

    init(name: String, text: String) {
        self.name = name
        var section = ""
        var entries: [(section: String, key: String, value: String)] = []
        for raw in text.split(separator: "\n") {
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            entries.append(
                (
                    section,
                    String(line[..<equals]).trimmingWhitespace(),
                    String(line[line.index(after: equals)...]).trimmingWhitespace()
                )
            )
        }
        self.entries = entries
    }

    /// Every value of `key` in `section`.
    func values(_ key: String, in section: String = "Service") -> [String] {
        entries.filter { $0.section == section && $0.key == key }.map(\.value)
    }

    /// The last value of `key` (what systemd uses for single-valued settings).
    func value(_ key: String, in section: String = "Service") -> String? {
        values(key, in: section).last
    }

    /// The space-separated words of every value of a list setting such as `After=`.
    func words(_ key: String, in section: String = "Unit") -> [String] {
        values(key, in: section).flatMap { $0.split(separator: " ").map(String.init) }
    }
}
