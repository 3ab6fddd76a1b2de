// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import Foundation
import GatewayDaemons
import Logging
import MessageStore
import ModemDiscovery
import ServiceLifecycle
import ServiceSupport
import UnixSignals

extension CareConnect {
    /// `careconnect smsd`: the SMS gateway service.
    struct SMSD: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "smsd",
            abstract: "Run the SMS gateway: receive patients' texts, store them, reply, and report deliveries.",
            discussion: """
                Finds the modem (the configured [modem] device, usually the udev rule's stable symlink, or a \
                known USB modem), sets it up, and from then on stores every message before deleting it from \
                the SIM, answers with the ward's Friends and Family Test conversation, and sends replies at \
                most once. Waits for the modem when it is unplugged and carries on when it comes back. \
                Stops cleanly on SIGTERM or SIGINT. Under systemd (Type=notify) it reports READY, STATUS and \
                WATCHDOG. Changed ward settings (the hub's managed settings, or an edited [ward], \
                [conversation] or [templates]) are taken between messages without a restart; [modem] changes \
                need one.
                """
        )

        @OptionGroup var device: DeviceOptions

        @Option(help: "Override [modem] device: the AT port to use.")
        var modem: String?

        @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
        var logLevel: LogLevel = .info

        func run() async throws {
            // Watching starts before loading, so a change in between is not missed.
            let watcher = ConfigurationWatcher(configurationPath: device.configPath)
            var configuration = try device.load()
            if let modem {
                configuration.modem.device = modem
            }
            var logger = Logger(label: "careconnect.smsd")
            logger.logLevel = logLevel.level
            logManagedSettings(configuration.managed, logger: logger)
            let store: MessageStore
            do {
                store = try MessageStore(path: configuration.storage.databasePath)
            } catch {
                throw CommandError("cannot open the database at \(configuration.storage.databasePath): \(error)")
            }
            let gateway = SMSGateway(
                settings: GatewaySettings(configuration: configuration),
                store: store,
                finder: UdevModemFinder(),
                notifier: SystemdNotifier(environment: ProcessInfo.processInfo.environment),
                logger: logger,
                watcher: watcher
            )
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [.init(service: gateway)],
                    gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger
                )
            )
            try await group.run()
        }
    }
}

/// Logs which managed settings a service starts with, or why they are not in force.
func logManagedSettings(_ managed: ManagedStatus?, logger: Logger) {
    guard let managed else { return }
    if let problem = managed.problem {
        logger.warning(
            "managed settings not applied; using the configuration file's own",
            metadata: ["path": "\(managed.path)", "problem": "\(problem)"]
        )
    } else {
        logger.info(
            "managed settings in force",
            metadata: ["etag": "\(managed.etag ?? "none")", "keys": "\(managed.keys.count)"]
        )
    }
}

/// A log level on the command line.
enum LogLevel: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .info }
}
