// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import Foundation
import Logging
import MessageStore
import ServiceLifecycle
import ServiceSupport
import SyncClient
import SyncProtocol
import UnixSignals

extension CareConnect {
    /// `careconnect sync`: the only process that talks to the network.
    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Send the device's events to the hub and carry out the hub's commands.",
            discussion: """
                Uploads the sync outbox in batches until it is empty (gzip bodies, per-event results), backs off \
                with full jitter and honours Retry-After, opens a circuit breaker after repeated failures and \
                probes /v1/health, and long-polls for commands: each staff reply becomes exactly one queued \
                text, and the ward's managed settings (config.update, or GET /v1/config at each heartbeat) are \
                checked against the configuration file and written beside it for smsd and the kiosk, or refused \
                with the key at fault; either way the hub is told. A device.heartbeat (settings version, queue \
                depth, oldest unsent age) is recorded every --heartbeat-seconds. Needs the token written by `careconnect provision`. Stops on SIGTERM or SIGINT. With \
                --until-drained it uploads until the outbox is empty and exits. With --target \
                careconnect-v0.1 (SMS comments become Care Connect problems, remembered in the upstream ledger: \
                see `careconnect sync ledger`) or --target fhir-r4 (FFT answers as QuestionnaireResponses) it \
                sends there instead, and no commands come back; events a target has no place for go to the \
                dead letters as not_applicable.
                """,
            subcommands: [Ledger.self]
        )

        @OptionGroup var state: SyncStateOptions

        @OptionGroup var upstream: UpstreamTargetOptions

        @Option(help: "The hub's base URL, for example https://hub.example.nhs.uk (default: [sync] hub).")
        var hub: String?

        @Option(
            name: .customLong("ca-file"),
            help: "Trust only these CA certificates (PEM) for the hub (default: [sync] ca_file)."
        )
        var caFile: String?

        @Option(help: "The most events in one batch (the hub may ask for fewer).")
        var maxEvents = 100

        @Option(help: "The long-poll wait for commands, in seconds.")
        var longPoll = 25

        @Option(help: "Seconds between heartbeats for the hub, each also asking for the ward's managed settings.")
        var heartbeatSeconds = 900

        @Flag(help: "Upload until the outbox is empty, then exit (no command polling).")
        var untilDrained = false

        @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
        var logLevel: LogLevel = .info

        func validate() throws {
            guard (10...86_400).contains(heartbeatSeconds) else {
                throw ValidationError("--heartbeat-seconds must be between 10 and 86400, got \(heartbeatSeconds)")
            }
        }

        func run() async throws {
            var logger = Logger(label: "careconnect.sync")
            logger.logLevel = logLevel.level
            let directory = try state.resolve()
            // Flags win; otherwise the configuration file's [sync] section.
            let syncSettings = try state.configuration().sync
            let targetName = try upstream.targetName(syncSettings)
            if targetName != "hub" {
                return try await runUpstream(
                    targetName,
                    options: upstream,
                    configuration: try state.configuration(),
                    tokenPath: syncSettings.tokenPath(stateDirectory: directory),
                    settings: SyncSettings(maxEvents: maxEvents, longPollSeconds: longPoll),
                    logger: logger
                )
            }
            guard let hub = hub ?? syncSettings.hub else {
                throw CommandError(
                    "no hub: give --hub, or set [sync] hub in \(state.configPath) (careconnect provision --hub)"
                )
            }
            if hub == syncSettings.hub, caFile == nil {
                do {
                    try syncSettings.checkFiles()
                } catch {
                    throw CommandError("\(state.configPath): \(error)")
                }
            }
            let credentials: DeviceCredentials
            do {
                credentials = try DeviceCredentials.load(path: syncSettings.tokenPath(stateDirectory: directory))
            } catch {
                throw CommandError("no usable hub token (run `careconnect provision` first): \(error)")
            }
            let store = try MessageStore(path: try state.databasePath())
            let connection: HubConnection
            do {
                connection = try HubConnection(
                    baseURL: hub,
                    caFile: caFile ?? syncSettings.caFile,
                    clientCertificate: syncSettings.clientCertificate,
                    clientKey: syncSettings.clientKey
                )
            } catch {
                throw CommandError("\(error)")
            }
            let settings = SyncSettings(
                maxEvents: maxEvents,
                longPollSeconds: longPoll,
                heartbeatInterval: .seconds(heartbeatSeconds),
                appVersion: CareConnect.configuration.version
            )
            // Managed settings are checked against, and stored beside, the configuration file that smsd and the
            // kiosk read; without one there is nothing to apply them to.
            let managed =
                FileManager.default.fileExists(atPath: state.configPath)
                ? ManagedSettingsFile(configurationPath: state.configPath) : nil
            let engine = SyncEngine(
                store: store,
                connection: connection,
                credentials: credentials,
                settings: settings,
                managedSettings: managed,
                logger: logger
            )
            if untilDrained {
                do {
                    try await engine.uploadUntilDrained()
                } catch {
                    await connection.shutdown()
                    throw CommandError("\(error)")
                }
                await connection.shutdown()
                return
            }
            let notifier = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [
                        .init(service: SyncService(engine: engine, settings: settings, logger: logger)),
                        SystemdKeepalive(notifier: notifier).configuration,
                    ],
                    gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger
                )
            )
            try? notifier.ready(status: "syncing with \(hub)")
            do {
                try await group.run()
            } catch {
                await connection.shutdown()
                throw error
            }
            await connection.shutdown()
        }
    }
}
