// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import Foundation
import Hub
import Logging
import SyncProtocol

extension CareConnect.HubCommand {
    /// `careconnect hub config`: a ward's managed settings.
    struct Config: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config",
            abstract: "Show or change the settings the hub manages for a ward's devices.",
            discussion: """
                A ward's managed settings are one versioned document in the device configuration file's own \
                TOML, limited to the keys that belong to the ward rather than to one box: [ward] names and \
                codes, [conversation] limits and languages, [templates.<language>] reply texts, and the kiosk's \
                survey, languages, audience, staff PIN and timeouts. Setting them makes a config.update command \
                for every device of the ward; each device checks them against its own file, applies them \
                without a restart, and reports back. Keys left out fall back to each device's own file.
                """,
            subcommands: [Show.self, Replace.self, Clear.self],
            defaultSubcommand: Show.self
        )
    }
}

/// The options every `hub config` subcommand takes.
struct HubWardOptions: ParsableArguments {
    @Option(help: "The hub's SQLite database file, or a postgres:// URL (as for hub serve).")
    var database: String

    @Option(help: "A file holding the PostgreSQL password (else PGPASSWORD is used).")
    var databasePasswordFile: String?

    @Option(help: "The ward.")
    var ward: String

    /// Runs `body` with the hub's storage.
    func withStorage<T: Sendable>(_ body: (any HubStorage) async throws -> T) async throws -> T {
        let location = try HubDatabase.open(database, passwordFile: databasePasswordFile)
        var logger = Logger(label: "careconnect.hub")
        logger.logLevel = .warning
        return try await HubDatabase.run(location, logger: logger, body)
    }
}

extension CareConnect.HubCommand.Config {
    /// `careconnect hub config show --ward NAME`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a ward's managed settings as TOML, and which version each device has applied."
        )

        @OptionGroup var options: HubWardOptions

        @Flag(help: "Print the document as JSON, as devices receive it.")
        var json = false

        func run() async throws {
            let ward = options.ward
            let (document, devices) = try await options.withStorage { storage in
                (try await storage.wardConfiguration(ward), try await storage.deviceStatuses(ward: ward))
            }
            if json {
                print(String(decoding: try SyncJSON.encoder().encode(document), as: UTF8.self))
                return
            }
            print("# Managed settings for \(ward), version \(document.etag)")
            let settings = try ManagedSettings(etag: document.etag, json: SyncJSON.encoder().encode(document.config))
            if settings.keys.isEmpty {
                print("# (none: every device uses its own file)")
            } else {
                print(settings.tomlText, terminator: settings.tomlText.hasSuffix("\n") ? "" : "\n")
            }
            print("")
            if devices.isEmpty { print("# No devices are enrolled for this ward.") }
            for device in devices {
                let applied = device.configETag ?? "none"
                let state: String
                if device.lastHeartbeatAt == nil {
                    state = "no heartbeat yet"
                } else if applied == document.etag {
                    state = "current"
                } else {
                    state = "behind"
                }
                print("# \(device.deviceID) (\(device.kind)): applied \(applied), \(state)")
            }
        }
    }

    /// `careconnect hub config set --ward NAME FILE`.
    struct Replace: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Replace a ward's managed settings with a TOML file and tell its devices.",
            discussion: """
                The file holds only managed keys, for example:

                  [ward]
                  name = "Ward 7 (Cardiology)"

                  [templates.en]
                  help = "Text a number from 1 (very good) to 5 (very poor), or tell us what happened."

                A key the hub does not manage, or a wrong value, is refused with the key named and nothing \
                changes. The new document replaces the old one entirely.
                """
        )

        @OptionGroup var options: HubWardOptions

        @Argument(help: "The TOML file, or - for standard input.")
        var file: String

        func run() async throws {
            let text: String
            do {
                if file == "-" {
                    text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                } else {
                    text = try String(contentsOfFile: file, encoding: .utf8)
                }
            } catch {
                throw CommandError("cannot read \(file): \(error.localizedDescription)")
            }
            let settings: ManagedSettings
            do {
                // The hub gives the version; any valid tag will do for checking the keys.
                settings = try ManagedSettings(etag: ConfigurationDocument.emptyETag, toml: text)
            } catch {
                throw CommandError("\(file == "-" ? "standard input" : file): \(error)")
            }
            let config = try SyncJSON.decoder().decode(JSONValue.self, from: settings.jsonData)
            let ward = options.ward
            let change = try await options.withStorage { storage in
                try await storage.setWardConfiguration(ward: ward, config: config, now: Date())
            }
            print(
                "\(ward): managed settings are now version \(change.etag) (\(settings.keys.count) keys); "
                    + "sent to \(change.commandIDs.count) device(s)"
            )
        }
    }

    /// `careconnect hub config clear --ward NAME`.
    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a ward's managed settings: every device goes back to its own file."
        )

        @OptionGroup var options: HubWardOptions

        func run() async throws {
            let ward = options.ward
            let change = try await options.withStorage { storage in
                try await storage.setWardConfiguration(ward: ward, config: .object([:]), now: Date())
            }
            print(
                "\(ward): managed settings cleared (version \(change.etag)); "
                    + "sent to \(change.commandIDs.count) device(s)"
            )
        }
    }
}
