// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB
public import SyncProtocol

extension HubStore {
    /// Replaces the ward's managed settings with `config` as the next version and, in the same transaction, makes a
    /// `config.update` command with the new document for every device enrolled in the ward.
    ///
    /// - Throws: ``HubError/Code/badRequest`` when `config` is not a JSON object.
    public func setWardConfiguration(ward: String, config: JSONValue, now: Date) throws -> HubConfigurationChange {
        let text = try Self.configurationText(config)
        let ms = Self.milliseconds(now)
        let expires = Self.milliseconds(now.addingTimeInterval(HubStorageDefaults.configurationCommandLifetime))
        let encoder = SyncJSON.encoder()
        let (change, devices) = try writer.write { db -> (HubConfigurationChange, [String]) in
            // One statement reads and bumps the version, so it takes the write lock before reading anything.
            let version = try Int64.fetchOne(
                db,
                sql: """
                    INSERT INTO ward_settings (ward, version, config, updated_at) VALUES (?, 1, ?, ?)
                    ON CONFLICT (ward) DO UPDATE SET version = ward_settings.version + 1, config = excluded.config,
                        updated_at = excluded.updated_at
                    RETURNING version
                    """,
                arguments: [ward, text, ms]
            )
            let etag = HubConfigurationChange.etag(version: version ?? 1)
            let payload = ConfigurationDocument(etag: etag, config: config).json
            let body = String(decoding: try encoder.encode(payload), as: UTF8.self)
            let devices = try String.fetchAll(
                db,
                sql: "SELECT device_id FROM device WHERE ward = ? ORDER BY enrolled_at, rowid",
                arguments: [ward]
            )
            var commandIDs: [String] = []
            for deviceID in devices {
                let commandID = "c-" + UUID().uuidString.lowercased()
                try Self.insertCommand(
                    commandID,
                    deviceID: deviceID,
                    type: .configUpdate,
                    body: body,
                    createdAt: ms,
                    expiresAt: expires,
                    db: db
                )
                commandIDs.append(commandID)
            }
            return (HubConfigurationChange(etag: etag, commandIDs: commandIDs), devices)
        }
        for deviceID in devices { commandSignal.signal(deviceID: deviceID) }
        return change
    }

    /// The ward's current managed settings, or the empty document when none were ever set.
    public func wardConfiguration(_ ward: String) throws -> ConfigurationDocument {
        try writer.read { db in try Self.wardConfiguration(ward, db: db) }
    }

    /// Every device enrolled in the ward with what its latest heartbeat said, by device name.
    public func deviceStatuses(ward: String) throws -> [HubDeviceStatus] {
        try writer.read { db in try Self.deviceStatuses(ward: ward, db: db) }
    }

    static func wardConfiguration(_ ward: String, db: Database) throws -> ConfigurationDocument {
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT version, config FROM ward_settings WHERE ward = ?",
                arguments: [ward]
            )
        else { return ConfigurationDocument(etag: ConfigurationDocument.emptyETag, config: .object([:])) }
        return try configurationDocument(version: row["version"], text: row["config"])
    }

    static func deviceStatuses(ward: String, db: Database) throws -> [HubDeviceStatus] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT d.device_id, d.kind, d.enrolled_at, d.last_upload_at, d.app_version AS enrolled_version,
                    s.heartbeat_at, s.config_etag, s.queue_depth, s.oldest_unsent_seconds, s.outgoing_texts,
                    s.signal_bars, s.app_version
                FROM device d LEFT JOIN device_status s USING (device_id)
                WHERE d.ward = ? ORDER BY d.device_id
                """,
            arguments: [ward]
        )
        .map { row in
            HubDeviceStatus(
                deviceID: row["device_id"],
                kind: row["kind"],
                enrolledAt: date(row["enrolled_at"]),
                lastUploadAt: (row["last_upload_at"] as Int64?).map(date),
                lastHeartbeatAt: (row["heartbeat_at"] as Int64?).map(date),
                configETag: row["config_etag"],
                queueDepth: row["queue_depth"],
                oldestUnsentSeconds: row["oldest_unsent_seconds"],
                outgoingTexts: row["outgoing_texts"],
                signalBars: row["signal_bars"],
                appVersion: row["app_version"] ?? row["enrolled_version"]
            )
        }
    }

    /// Keeps what a heartbeat says about its device, unless the hub already holds one recorded later (heartbeats
    /// may arrive late, out of order or twice).
    static func recordHeartbeat(
        _ heartbeat: DeviceHeartbeat,
        occurredAt: Date,
        deviceID: String,
        at ms: Int64,
        db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO device_status (device_id, heartbeat_at, received_at, config_etag, queue_depth,
                    oldest_unsent_seconds, outgoing_texts, signal_bars, app_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (device_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at,
                    received_at = excluded.received_at, config_etag = excluded.config_etag,
                    queue_depth = excluded.queue_depth, oldest_unsent_seconds = excluded.oldest_unsent_seconds,
                    outgoing_texts = excluded.outgoing_texts, signal_bars = excluded.signal_bars,
                    app_version = excluded.app_version
                WHERE excluded.heartbeat_at > device_status.heartbeat_at
                """,
            arguments: [
                deviceID, milliseconds(occurredAt), ms, heartbeat.configETag, heartbeat.queueDepth,
                heartbeat.oldestUnsentSeconds, heartbeat.outgoingTexts, heartbeat.signalBars, heartbeat.appVersion,
            ]
        )
    }

    /// The text a ward's settings are stored as; refuses anything but a JSON object.
    static func configurationText(_ config: JSONValue) throws -> String {
        guard case .object = config else {
            throw HubError(
                .badRequest,
                "Managed settings must be a JSON object of tables, such as {\"ward\": {\"name\": \"Ward 7\"}}."
            )
        }
        return String(decoding: try SyncJSON.encoder().encode(config), as: UTF8.self)
    }

    /// A stored document read back.
    static func configurationDocument(version: Int64, text: String) throws -> ConfigurationDocument {
        ConfigurationDocument(
            etag: HubConfigurationChange.etag(version: version),
            config: try SyncJSON.decoder().decode(JSONValue.self, from: Data(text.utf8))
        )
    }
}
