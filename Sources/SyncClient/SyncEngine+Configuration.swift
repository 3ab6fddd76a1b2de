// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Logging
import MessageStore
import SyncProtocol

extension SyncEngine {
    // MARK: - Managed settings

    /// Applies the stored `config.update` commands, oldest first, and finishes each: `delivered` once its
    /// settings are in force, `rejected` with the reason when the device refuses them (a key the hub may not set,
    /// a value out of range), `expired` past its expiry. A crash after applying and before finishing applies the
    /// same settings again on the next call, which changes nothing.
    ///
    /// - Returns: how many commands were finished.
    @discardableResult
    public func applyPendingConfiguration() throws -> Int {
        var finished = 0
        for command in try store.pendingConfigurationCommands() {
            let now = Date()
            let (state, reason) = outcome(of: command, now: now)
            if try store.finishHubCommand(command.commandID, state: state, reason: reason, now: now) {
                finished += 1
            }
        }
        return finished
    }

    private func outcome(of command: PendingConfigurationCommand, now: Date) -> (String, String?) {
        guard command.expiresAt > now else { return ("expired", "expired before it was applied") }
        guard let managedSettings else { return ("rejected", "this device does not take managed settings") }
        guard let json = try? SyncJSON.decoder().decode(JSONValue.self, from: Data(command.payload.utf8)),
            let document = ConfigurationDocument(json)
        else { return ("rejected", "config.update needs an etag and a config object") }
        do {
            try managedSettings.apply(document)
            try? store.setSyncState([.configurationProblem: ""], now: now)
            logger.notice(
                "applied the hub's managed settings",
                metadata: ["etag": "\(document.etag)", "command": "\(command.commandID)"]
            )
            return ("delivered", nil)
        } catch {
            let reason = "\(error)"
            try? store.setSyncState([.configurationProblem: "\(document.etag): \(reason)"], now: now)
            logger.warning(
                "refused the hub's managed settings",
                metadata: ["etag": "\(document.etag)", "reason": "\(reason)"]
            )
            return ("rejected", reason)
        }
    }

    /// Asks the hub for the ward's managed settings (`GET /v1/config` with `If-None-Match`), the catch-up for a
    /// `config.update` command that expired or was never made, and applies them when they differ from those in
    /// force. A document the device refuses is remembered in the sync state, logged, and asked for again later.
    ///
    /// - Returns: whether new settings were applied.
    @discardableResult
    public func refreshConfigurationOnce() async throws -> Bool {
        guard let connection = downlink, let credentials, let managedSettings else { return false }
        var headers: [(String, String)] = []
        let applied = managedSettings.appliedETag()
        if let applied { headers.append(("If-None-Match", applied)) }
        let answer = try await connection.send("GET", "/v1/config", token: credentials.token, headers: headers)
        switch answer.status {
        case 304: return false
        case 200: break
        default: throw SyncError(.status(answer.status), "managed settings answered \(answer.status)")
        }
        let document = try connection.decode(ConfigurationDocument.self, answer.body)
        guard case .object = document.config else {
            throw SyncError(.malformedResponse, "the hub's managed settings are not an object")
        }
        guard document.etag != applied else { return false }
        if applied == nil, document.etag == ConfigurationDocument.emptyETag, document.config == .object([:]) {
            return false  // nothing managed, and nothing was ever applied
        }
        do {
            try managedSettings.apply(document)
        } catch {
            try store.setSyncState([.configurationProblem: "\(document.etag): \(error)"], now: Date())
            logger.warning(
                "refused the hub's managed settings",
                metadata: ["etag": "\(document.etag)", "reason": "\(error)"]
            )
            return false
        }
        try store.setSyncState([.configurationProblem: ""], now: Date())
        logger.notice("applied the hub's managed settings", metadata: ["etag": "\(document.etag)"])
        return true
    }

    // MARK: - Heartbeat

    /// Records a `device.heartbeat` in the sync outbox: the managed settings' etag, the outbox's depth and oldest
    /// age, the texts waiting for the modem, and the software version. Nothing is recorded while an earlier
    /// heartbeat still waits to be sent.
    ///
    /// - Returns: whether one was recorded.
    @discardableResult
    public func recordHeartbeat(signalBars: Int? = nil) throws -> Bool {
        let etag = managedSettings?.appliedETag()
        let version = settings.appVersion
        return try store.recordHeartbeat(now: Date()) { snapshot in
            let heartbeat = DeviceHeartbeat(
                configETag: etag,
                queueDepth: snapshot.queueDepth,
                oldestUnsentSeconds: snapshot.oldestUnsentSeconds,
                outgoingTexts: snapshot.outgoingTexts,
                signalBars: signalBars,
                appVersion: version
            )
            return String(decoding: try SyncJSON.encoder().encode(heartbeat), as: UTF8.self)
        }
    }
}
