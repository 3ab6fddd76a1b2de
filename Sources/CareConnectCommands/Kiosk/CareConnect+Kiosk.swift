// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import Foundation
import GatewayDaemons
import KioskLinux
import KioskRendering
import KioskUI
import Logging
import MessageStore
import ServiceLifecycle
import ServiceSupport
import UnixSignals

extension CareConnect {
    /// `careconnect kiosk`: the ward's touchscreen survey on the Linux framebuffer, or PNG snapshots of it.
    struct Kiosk: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kiosk",
            abstract: "Run the touchscreen feedback kiosk on the framebuffer, or write PNG snapshots of its screens.",
            discussion: """
                Without --snapshot: draws the NHS Friends and Family Test survey straight to the framebuffer \
                ([kiosk] framebuffer, default /dev/fb0) with touch from evdev ([kiosk] touch, or the touchscreen \
                udev reports), switching the console ([kiosk] console) to graphics mode while it runs and back to \
                text on exit or crash. Every answer goes into the device database, queued for sync. Stops \
                cleanly on SIGTERM or SIGINT; under systemd (Type=notify) it reports READY and WATCHDOG. Changed \
                settings (the hub's managed settings, or an edited [ward] or [kiosk]) are taken within about \
                5 seconds once the survey is at rest on its first screen, never while a patient is answering.

                With --snapshot DIR: renders every screen (start, answer selected, free text, keyboard, topics, \
                thank-you, idle prompt, language picker, staff PIN, staff status, calibration) with Cairo and \
                Pango to DIR/<language>-<screen>.png at the given size, and reports any text that does not fit \
                its box or lacks a font. Needs no display, touchscreen or database.
                """
        )

        @OptionGroup var device: DeviceOptions

        @Option(help: "Write PNG snapshots of every screen into this directory instead of running.")
        var snapshot: String?

        @Option(help: "Snapshot width in pixels (before --rotate).")
        var width = 800

        @Option(help: "Snapshot height in pixels (before --rotate).")
        var height = 480

        @Option(help: "Snapshot panel diagonal in inches (sets the millimetres that layout works in).")
        var diagonal = 7.0

        @Option(
            help: ArgumentHelp(
                "Snapshot language tags, comma-separated, or all.",
                valueName: "tags"
            )
        )
        var lang = "en"

        @Option(help: "Rotation in degrees (0, 90, 180, 270); for snapshots, 90 and 270 give a portrait panel.")
        var rotate: Int?

        @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
        var logLevel: LogLevel = .info

        func validate() throws {
            if let rotate, Rotation(rawValue: rotate) == nil {
                throw ValidationError("--rotate \(rotate): must be 0, 90, 180 or 270")
            }
            guard (16...8_192).contains(width), (16...8_192).contains(height) else {
                throw ValidationError("--width and --height must be between 16 and 8192 pixels")
            }
            guard diagonal > 1, diagonal < 100 else {
                throw ValidationError("--diagonal \(diagonal): expected a panel size in inches, such as 7 or 10.1")
            }
        }

        func run() async throws {
            // Watching starts before loading, so a change in between is not missed.
            let watcher = ConfigurationWatcher(configurationPath: device.configPath)
            let configuration = try device.load()
            if let snapshot {
                try writeSnapshots(configuration: configuration, directory: snapshot)
            } else {
                try await runKiosk(configuration: configuration, watcher: watcher)
            }
        }

        func languages() throws -> [KioskLanguage] {
            if lang == "all" { return KioskLanguage.allCases }
            return try lang.split(separator: ",").map { tag in
                guard let language = KioskLanguage(rawValue: String(tag)) else {
                    throw ValidationError(
                        "--lang \(tag): not a kiosk language; use one of "
                            + KioskLanguage.allCases.map(\.tag).joined(separator: ", ") + " or all"
                    )
                }
                return language
            }
        }

        func writeSnapshots(configuration: DeviceConfiguration, directory: String) throws {
            let rotation = Rotation(rawValue: rotate ?? 0) ?? .none
            let size =
                rotation.swapsAxes
                ? PixelSize(width: height, height: width) : PixelSize(width: width, height: height)
            let panel = PanelGeometry.diagonal(inches: diagonal, size: size)
            let settings = KioskSettings(configuration: configuration)
            var issues = 0
            for language in try languages() {
                let written = try KioskSnapshots.write(
                    settings: settings,
                    language: language,
                    panel: panel,
                    directory: URL(fileURLWithPath: directory),
                    prefix: "\(language.tag)-"
                )
                for snapshot in written {
                    print(snapshot.path)
                    for issue in snapshot.fitIssues {
                        print("  warning: \(issue)")
                        issues += 1
                    }
                }
            }
            if issues > 0 {
                throw CommandError("\(issues) text boxes do not fit or lack a font (listed above)")
            }
        }

        func runKiosk(configuration: DeviceConfiguration, watcher: ConfigurationWatcher) async throws {
            var logger = Logger(label: "careconnect.kiosk")
            logger.logLevel = logLevel.level
            logManagedSettings(configuration.managed, logger: logger)
            let kiosk = configuration.kiosk
            let rotation = Rotation(rawValue: rotate ?? kiosk.rotation) ?? .none
            let store: MessageStore
            do {
                store = try MessageStore(path: configuration.storage.databasePath)
            } catch {
                throw CommandError("cannot open the database at \(configuration.storage.databasePath): \(error)")
            }
            let display: FramebufferDisplay
            do {
                display = try FramebufferDisplay(
                    path: kiosk.framebuffer,
                    rotation: rotation,
                    configuredMillimetres: kiosk.widthMillimetres > 0 && kiosk.heightMillimetres > 0
                        ? Size(width: kiosk.widthMillimetres, height: kiosk.heightMillimetres) : nil
                )
            } catch {
                throw CommandError(
                    "cannot open the framebuffer \(kiosk.framebuffer): \(error) ([kiosk] framebuffer; "
                        + "careconnect doctor checks the display)"
                )
            }
            let calibration = CalibrationMatrix(parsing: kiosk.calibration)
            let touch = EvdevTouchInput(
                devicePath: kiosk.touch.isEmpty ? nil : kiosk.touch,
                calibration: calibration,
                rotation: rotation,
                log: { [logger] message in logger.info("\(message)") }
            )
            let console = VirtualTerminal(path: kiosk.console)
            do {
                try console.start()
            } catch {
                logger.warning(
                    "could not switch the console to graphics mode; kernel messages may show over the survey",
                    metadata: ["console": "\(kiosk.console)", "error": "\(error)"]
                )
            }
            defer { console.restore() }
            let daemon = KioskDaemon(
                settings: KioskSettings(configuration: configuration),
                display: display,
                touch: touch,
                store: store,
                audio: kiosk.audioPlayer.isEmpty
                    ? nil
                    : ProcessAudioPrompter(
                        directory: kiosk.audioDirectory,
                        player: kiosk.audioPlayer.split(separator: " ").map(String.init)
                    ),
                calibration: calibration ?? .identity,
                statusLines: { Self.statusLines(store: store) },
                logger: logger,
                notifier: SystemdNotifier(environment: ProcessInfo.processInfo.environment),
                watcher: watcher
            )
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [.init(service: daemon)],
                    gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger
                )
            )
            try await group.run()
        }

        /// What the staff status screen shows.
        static func statusLines(store: MessageStore) -> [String] {
            guard let status = try? store.status() else { return ["Database unreadable"] }
            let answers = (try? store.kioskResponses(limit: 1).first?.localTime) ?? nil
            return [
                "Answers waiting to sync: \(status.syncBacklog)",
                "Last kiosk answer: \(answers ?? "none yet")",
                "Texts received: \(status.messages)",
                "Dead letters: \(status.deadLetters)",
            ]
        }
    }
}
