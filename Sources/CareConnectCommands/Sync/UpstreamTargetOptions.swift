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
import UnixSignals
import UpstreamAdapters

/// `careconnect sync`'s choice of upstream: the hub (the default), the Care Connect API v0.1 or a FHIR R4 server.
/// Each option falls back to the configuration file's `[sync]` key of the same name.
struct UpstreamTargetOptions: ParsableArguments {
    @Option(help: "Where events go: hub, careconnect-v0.1 or fhir-r4 (default: [sync] target, else hub).")
    var target: String?

    @Option(
        name: .customLong("careconnect-url"),
        help: "The Care Connect API's base URL (default: [sync] careconnect_url)."
    )
    var careConnectURL: String?

    @Option(
        name: .customLong("careconnect-username"),
        help: "The Care Connect API user (default: [sync] careconnect_username)."
    )
    var careConnectUsername: String?

    @Option(
        name: .customLong("careconnect-password-file"),
        help:
            "A file (mode 0600 or 0640) holding the Care Connect API password (default: [sync] careconnect_password_file)."
    )
    var careConnectPasswordFile: String?

    @Option(help: "The ODS code the Care Connect problems are about (default: [ward] site_code, else trust_ods).")
    var organisation: String?

    @Option(help: "Care Connect's commissioned field: 0 local (the default) or 1 national.")
    var commissioned = 0

    @Option(name: .customLong("fhir-url"), help: "The FHIR R4 server's base URL (default: [sync] fhir_url).")
    var fhirURL: String?

    @Option(
        name: .customLong("device-id"),
        help: "The device's name upstream (default: its hub enrolment, else the host name)."
    )
    var deviceID: String?

    /// The chosen target's name.
    func targetName(_ sync: DeviceConfiguration.Sync) throws -> String {
        let name = target ?? sync.target.rawValue
        guard ["hub", CareConnectTarget.targetName, FHIRTarget.targetName].contains(name) else {
            throw CommandError("--target must be hub, careconnect-v0.1 or fhir-r4; got '\(name)'")
        }
        return name
    }

    /// An adapter for a target other than the hub, with what closes it.
    func makeTarget(
        _ name: String,
        configuration: DeviceConfiguration,
        store: MessageStore
    ) throws -> (target: any UpstreamTarget, shutdown: @Sendable () async -> Void) {
        let sync = configuration.sync
        switch name {
        case CareConnectTarget.targetName:
            guard let url = careConnectURL ?? sync.careConnectURL else {
                throw CommandError("no Care Connect URL: give --careconnect-url, or set [sync] careconnect_url")
            }
            guard let username = careConnectUsername ?? sync.careConnectUsername else {
                throw CommandError(
                    "no Care Connect user: give --careconnect-username, or set [sync] careconnect_username"
                )
            }
            guard let passwordFile = careConnectPasswordFile ?? sync.careConnectPasswordFile else {
                throw CommandError(
                    "no Care Connect password: give --careconnect-password-file, or set [sync] careconnect_password_file"
                )
            }
            let password = try Self.readSecret(passwordFile)
            let ward = configuration.ward
            let ods = organisation ?? (ward.siteCode.isEmpty ? ward.trustODSCode : ward.siteCode)
            guard !ods.isEmpty else {
                throw CommandError("no organisation: give --organisation ODS, or set [ward] site_code or trust_ods")
            }
            do {
                let target = try CareConnectTarget(
                    store: store,
                    settings: .init(
                        baseURL: url,
                        username: username,
                        password: password,
                        organisation: ods,
                        commissioned: commissioned
                    )
                )
                return (target, { await target.shutdown() })
            } catch {
                throw CommandError("\(error)")
            }
        case FHIRTarget.targetName:
            guard let url = fhirURL ?? sync.fhirURL else {
                throw CommandError("no FHIR server: give --fhir-url, or set [sync] fhir_url")
            }
            let ward = configuration.ward
            do {
                let target = try FHIRTarget(
                    baseURL: url,
                    site: ward.siteCode.isEmpty ? nil : ward.siteCode,
                    ward: ward.name
                )
                return (target, { await target.shutdown() })
            } catch {
                throw CommandError("\(error)")
            }
        default:
            throw CommandError("the hub is not an adapter target")
        }
    }

    /// The device's name upstream: --device-id, the hub enrolment's, or the host name.
    func resolvedDeviceID(tokenPath: String) -> String {
        if let deviceID { return deviceID }
        if let credentials = try? DeviceCredentials.load(path: tokenPath) { return credentials.deviceID }
        return ProcessInfo.processInfo.hostName
    }

    /// A password from a file that other users cannot read, without its trailing newline.
    static func readSecret(_ path: String) throws -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue, mode & 0o007 != 0 {
            throw CommandError(
                "\(path) can be read by every user (mode \(String(mode, radix: 8))); run chmod 0640 \(path)"
            )
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandError("the password file \(path) cannot be read")
        }
        let password = text.trimmingCharacters(in: .newlines)
        guard !password.isEmpty else { throw CommandError("the password file \(path) is empty") }
        return password
    }
}

extension CareConnect.Sync {
    /// Uploads to a target other than the hub (no commands come back from those): until drained, or as a service
    /// until SIGTERM or SIGINT.
    func runUpstream(
        _ name: String,
        options: UpstreamTargetOptions,
        configuration: DeviceConfiguration,
        tokenPath: String,
        settings: SyncSettings,
        logger: Logger
    ) async throws {
        let store = try MessageStore(path: try state.databasePath())
        let (target, shutdown) = try options.makeTarget(name, configuration: configuration, store: store)
        let unknown = try store.upstreamLedger(states: [.unknown]).count
        if unknown > 0 {
            logger.warning(
                "upstream posts with an unknown outcome wait for a check: see `careconnect sync ledger`",
                metadata: ["unknown": "\(unknown)"]
            )
        }
        let engine = SyncEngine(
            store: store,
            target: target,
            deviceID: options.resolvedDeviceID(tokenPath: tokenPath),
            settings: settings,
            logger: logger
        )
        if untilDrained {
            do {
                try await engine.uploadUntilDrained()
            } catch {
                await shutdown()
                throw CommandError("\(error)")
            }
            await shutdown()
            return
        }
        // Under systemd (Type=notify, WatchdogSec=): ready now, and alive at half the watchdog interval.
        let notifier = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
        try? notifier.ready(status: "syncing with \(name)")
        let keepalive = Task {
            guard let interval = notifier.watchdogInterval else { return }
            while !Task.isCancelled {
                try? notifier.watchdog()
                try? await Task.sleep(for: .seconds(interval))
            }
        }
        defer { keepalive.cancel() }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: SyncService(engine: engine, settings: settings, logger: logger))],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        do {
            try await group.run()
        } catch {
            await shutdown()
            throw error
        }
        await shutdown()
    }
}
