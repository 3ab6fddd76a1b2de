// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import TOMLKit

extension DeviceConfiguration {
    /// The overlay file's first lines; the etag line follows.
    static let overlayHeader =
        "# Settings managed by the hub for this ward; replaced by the next update. Edit them on the hub, not here."
    static let etagPrefix = "# etag: "

    /// Where the overlay lives: `<stateDirectory>/managed-settings.toml`.
    public static func managedSettingsPath(stateDirectory: String) -> String {
        (stateDirectory as NSString).appendingPathComponent("managed-settings.toml")
    }

    /// Reads a configuration file and merges the hub's managed settings over it; a missing file gives the
    /// defaults (with any managed settings).
    ///
    /// The overlay is found through the file's own `[storage] state_directory`. Its keys win over the file's;
    /// keys it leaves out keep the file's values. An overlay that cannot be read or does not fit the file never
    /// stops the device: the file alone applies and ``managed`` says what is wrong.
    ///
    /// - Throws: ``ConfigurationError`` for a mistake in the file itself.
    public static func load(path: String) throws -> DeviceConfiguration {
        let root = try readTable(path: path)
        var configuration = try parse(table: root, complete: true)
        let overlayPath = managedSettingsPath(stateDirectory: configuration.storage.stateDirectory)
        guard FileManager.default.fileExists(atPath: overlayPath) else { return configuration }
        var status = ManagedStatus(path: overlayPath, etag: nil, keys: [])
        do {
            let text = try readOverlay(overlayPath)
            status.etag = etag(inOverlay: text)
            guard let etag = status.etag else {
                throw ConfigurationError(key: nil, line: nil, message: "the \(etagPrefix)line is missing")
            }
            let settings = try ManagedSettings(etag: etag, toml: text)
            merge(try table(settings.tomlText), into: root)
            var merged = try parse(table: root, complete: true)
            status.keys = settings.keys
            merged.managed = status
            return merged
        } catch {
            status.problem = "\(error)"
            configuration.managed = status
            return configuration
        }
    }

    /// Checks that `settings` apply on top of the configuration file at `configurationPath`, then writes the
    /// overlay atomically (mode 0640, group careconnect) into the state directory that file names.
    ///
    /// An empty document writes an overlay with no keys, so the file's values all apply again. Writing the same
    /// document again changes nothing on disk.
    ///
    /// - Throws: ``ConfigurationError`` naming the key when the merged configuration does not parse (a default
    ///   language with no reply texts, say), or when the file cannot be written.
    public static func applyManagedSettings(_ settings: ManagedSettings, configurationPath: String) throws {
        let root: TOMLTable
        let file: DeviceConfiguration
        do {
            root = try readTable(path: configurationPath)
            file = try parse(table: root, complete: true)
        } catch var error as ConfigurationError {
            error.message += " (in the device's own file \(configurationPath))"
            throw error
        }
        merge(try table(settings.tomlText), into: root)
        _ = try parse(table: root, complete: true)
        let text = overlayHeader + "\n" + etagPrefix + settings.etag + "\n" + settings.tomlText
        let path = managedSettingsPath(stateDirectory: file.storage.stateDirectory)
        if let current = try? String(contentsOfFile: path, encoding: .utf8), current == text { return }
        try writeFile(text, to: path)
    }

    /// The applied overlay's etag and keys, or nil when none was ever applied or it cannot be read (so the next
    /// fetch from the hub replaces it).
    public static func appliedManagedSettings(configurationPath: String) -> (etag: String, keys: [String])? {
        let path = managedSettingsPath(stateDirectory: stateDirectory(configurationPath: configurationPath))
        guard let text = try? readOverlay(path), let etag = etag(inOverlay: text),
            let settings = try? ManagedSettings(etag: etag, toml: text)
        else { return nil }
        return (settings.etag, settings.keys)
    }

    /// The state directory a configuration file names, read leniently (a mistake elsewhere in the file does not
    /// hide it); the default when the file is missing or does not say.
    static func stateDirectory(configurationPath: String) -> String {
        let fallback = Storage().stateDirectory
        guard let root = try? readTable(path: configurationPath),
            let directory = root["storage"]?.table?["state_directory"]?.string
        else { return fallback }
        return directory
    }

    private static func readOverlay(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(key: nil, line: nil, message: "cannot read \(path): \(error.localizedDescription)")
        }
    }

    private static func etag(inOverlay text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("#") else { break }
            if line.hasPrefix(etagPrefix) {
                return String(line.dropFirst(etagPrefix.count)).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// Puts the managed values of `overlay` into `root`, key by key: each key it sets replaces the file's, and
    /// `conversation.languages` and each `templates.<code>` merge keyword by keyword and text by text.
    static func merge(_ overlay: TOMLTable, into root: TOMLTable) {
        for section in overlay.keys {
            guard let values = overlay[section]?.table else { continue }
            if root[section]?.table == nil { root[section] = TOMLTable() }
            guard let target = root[section]?.table else { continue }
            for key in values.keys {
                guard let value = values[key] else { continue }
                let open = section == "templates" || (section == "conversation" && key == "languages")
                if open, let inner = value.table {
                    if target[key]?.table == nil { target[key] = TOMLTable() }
                    guard let merged = target[key]?.table else { continue }
                    for name in inner.keys { merged[name] = inner[name] }
                } else {
                    target[key] = value
                }
            }
        }
    }
}
