// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import TOMLKit

/// The hub-managed part of the configuration: one versioned document, limited to the managed keys.
///
/// The document is shaped like the configuration file (`[ward]`, `[conversation]`, `[templates.<code>]`,
/// `[kiosk]`) and holds only keys the hub may set (``managedKeys``); each value passes the same checks as in the
/// file. Whether it fits the device's own file (a default language with reply texts, say) is checked when it is
/// applied (``DeviceConfiguration/applyManagedSettings(_:configurationPath:)``).
public struct ManagedSettings: Hashable, Sendable {
    /// HTTP entity tag with quotes, e.g. `"\"v3\""`.
    public var etag: String
    /// The dotted keys it sets, sorted (`kiosk.languages`, `templates.cy.help`, `ward.name`).
    public var keys: [String]
    /// Canonical TOML of the document (without the etag header).
    public var tomlText: String

    /// From the hub's JSON: `json` is the bytes of the `config` object.
    ///
    /// - Throws: ``ConfigurationError`` naming the first key (in sorted order) the hub may not set
    ///   (`modem.device: not a setting the hub may change; set it in the device's own file`), a wrong type or
    ///   value (the file's own checks), or JSON that is not an object.
    public init(etag: String, json: Data) throws {
        let node: JSONNode
        do {
            node = try JSONDecoder().decode(JSONNode.self, from: json)
        } catch {
            throw ConfigurationError(key: nil, line: nil, message: "the managed settings are not valid JSON")
        }
        guard case .object(let object) = node else {
            throw ConfigurationError(key: nil, line: nil, message: "the managed settings must be a JSON object")
        }
        try self.init(etag: etag, table: node.tomlTable(object, path: ""))
    }

    /// From TOML an administrator wrote (same rules), for `careconnect hub config set`.
    public init(etag: String, toml: String) throws {
        try self.init(etag: etag, table: DeviceConfiguration.table(toml))
    }

    init(etag: String, table: TOMLTable) throws {
        try Self.checkETag(etag)
        try Self.checkManaged(table)
        _ = try DeviceConfiguration.parse(table: table, complete: false)
        self.etag = etag
        self.keys = Self.leafKeys(table, path: "").sorted()
        self.tomlText = table.isEmpty ? "" : table.convert(to: .toml, options: Self.tomlOptions)
    }

    /// The document as the bytes of a JSON object (for the wire), tables as nested objects, keys sorted.
    public var jsonData: Data {
        let table = (try? TOMLTable(string: tomlText)) ?? TOMLTable()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(JSONNode(table))) ?? Data("{}".utf8)
    }

    /// The managed keys, for help texts and errors: section → keys.
    ///
    /// Two are open tables: `conversation.languages` takes any keyword (→ a language code), and `templates` takes
    /// one table per language code (`[templates.cy]`) with the fields listed here.
    public static let managedKeys: [String: [String]] = [
        "ward": ["name", "trust_ods", "site_code", "ward_code"],
        "conversation": [
            "default_language", "max_replies_per_hour", "max_replies_per_day", "duplicate_window_seconds",
            "thank_for_comments", "confirm_stop", "languages",
        ],
        "templates": ["thanks_and_follow_up", "thanks_for_comment", "stopped", "started", "help", "language_chosen"],
        "kiosk": [
            "mode", "survey_version", "specialty_codes", "default_language", "languages", "audience", "staff_pin",
            "idle_seconds", "free_text_idle_seconds", "suspect_repeat_seconds",
        ],
    ]

    /// The sections and keys the configuration file knows that stay with the device.
    static let localKeys: [String: [String]] = [
        "storage": [], "modem": [], "sync": [],
        "kiosk": [
            "framebuffer", "touch", "console", "rotation", "width_mm", "height_mm", "calibration", "mount_height_mm",
            "audio_directory", "audio_player",
        ],
    ]

    static var tomlOptions: FormatOptions { [.allowMultilineStrings, .allowUnicodeStrings, .indentations] }

    private static func checkETag(_ etag: String) throws {
        let opaque = etag.hasPrefix("W/") ? etag.dropFirst(2) : Substring(etag)
        let inner = opaque.dropFirst().dropLast()
        guard opaque.count >= 2, opaque.first == "\"", opaque.last == "\"",
            inner.unicodeScalars.allSatisfy({ $0 != "\"" && $0.value >= 0x21 && $0.value != 0x7F })
        else {
            throw ConfigurationError(
                key: nil,
                line: nil,
                message: "not an entity tag: '\(etag)'; expected a quoted version such as \"v3\""
            )
        }
    }

    /// Refuses the first key (in sorted order) that the hub may not set.
    private static func checkManaged(_ root: TOMLTable) throws {
        func refuse(_ key: String, known: Bool, expected: [String]) -> ConfigurationError {
            ConfigurationError(
                key: key,
                line: nil,
                message: known
                    ? "not a setting the hub may change; set it in the device's own file"
                    : "unknown key; the hub may set: \(expected.joined(separator: ", "))"
            )
        }
        let sections = ["conversation", "kiosk", "templates", "ward"]
        for section in root.keys.sorted() {
            guard sections.contains(section) else {
                // A local section names its first key, the setting the document tried to change.
                let known = localKeys[section] != nil
                let first = known ? root[section]?.table?.keys.sorted().first.map { "\(section).\($0)" } : nil
                throw refuse(first ?? section, known: known, expected: sections)
            }
            guard let table = root[section]?.table else { continue }  // the parser names a non-table
            let allowed = managedKeys[section] ?? []
            for key in table.keys.sorted() {
                if section == "templates" {
                    guard let fields = table[key]?.table else { continue }
                    for field in fields.keys.sorted() where !allowed.contains(field) {
                        throw refuse("templates.\(key).\(field)", known: false, expected: allowed)
                    }
                } else if !allowed.contains(key) {
                    throw refuse(
                        "\(section).\(key)",
                        known: localKeys[section]?.contains(key) == true,
                        expected: allowed
                    )
                }
            }
        }
    }

    /// The dotted names of the values in `table` (not of the tables holding them).
    static func leafKeys(_ table: TOMLTable, path: String) -> [String] {
        table.keys.flatMap { key -> [String] in
            let name = path.isEmpty ? key : "\(path).\(key)"
            guard let inner = table[key]?.table else { return [name] }
            return leafKeys(inner, path: name)
        }
    }
}
