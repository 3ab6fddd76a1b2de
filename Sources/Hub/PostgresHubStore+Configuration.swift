// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import Logging
import PostgresNIO
public import SyncProtocol

extension PostgresHubStore {
    /// Replaces the ward's managed settings with `config` as the next version and, in the same transaction, makes a
    /// `config.update` command with the new document for every device enrolled in the ward, announced to every
    /// replica with `NOTIFY`.
    ///
    /// The version is bumped by one `INSERT … ON CONFLICT DO UPDATE`, which waits for the ward's row, so two
    /// replicas setting the same ward at once get consecutive versions, never the same one; the commands take the
    /// command lock first, as every command insert does, so cursors stay in commit order.
    ///
    /// - Throws: ``HubError/Code/badRequest`` when `config` is not a JSON object.
    public func setWardConfiguration(
        ward: String,
        config: JSONValue,
        now: Date
    ) async throws -> HubConfigurationChange {
        let text = try HubStore.configurationText(config)
        let ms = Self.milliseconds(now)
        let expires = Self.milliseconds(now.addingTimeInterval(HubStorageDefaults.configurationCommandLifetime))
        let type = CommandType.configUpdate.rawValue
        let (change, devices) = try await transaction { connection -> (HubConfigurationChange, [String]) in
            try await Self.rows("SELECT pg_advisory_xact_lock(\(Self.commandLock))", on: connection, logger: logger)
            let version =
                try await Self.rows(
                    """
                    INSERT INTO ward_settings (ward, version, config, updated_at) VALUES (\(ward), 1, \(text), \(ms))
                    ON CONFLICT (ward) DO UPDATE SET version = ward_settings.version + 1, config = EXCLUDED.config,
                        updated_at = EXCLUDED.updated_at
                    RETURNING version
                    """,
                    on: connection,
                    logger: logger
                )
                .first?.decode(Int64.self) ?? 1
            let etag = HubConfigurationChange.etag(version: version)
            let payload = ConfigurationDocument(etag: etag, config: config).json
            let body = String(decoding: try SyncJSON.encoder().encode(payload), as: UTF8.self)
            let devices = try await Self.rows(
                "SELECT device_id FROM device WHERE ward = \(ward) ORDER BY enrolled_at, enrolled_order",
                on: connection,
                logger: logger
            )
            .map { try $0.decode(String.self) }
            var commandIDs: [String] = []
            for deviceID in devices {
                let commandID = "c-" + UUID().uuidString.lowercased()
                try await Self.insertCommand(
                    commandID,
                    deviceID: deviceID,
                    type: type,
                    body: body,
                    createdAt: ms,
                    expiresAt: expires,
                    on: connection,
                    logger: logger
                )
                commandIDs.append(commandID)
            }
            return (HubConfigurationChange(etag: etag, commandIDs: commandIDs), devices)
        }
        for deviceID in devices { commandSignal.signal(deviceID: deviceID) }
        return change
    }

    /// The ward's current managed settings, or the empty document when none were ever set.
    public func wardConfiguration(_ ward: String) async throws -> ConfigurationDocument {
        try await client.withConnection { connection in
            try await Self.wardConfiguration(ward, connection: connection, logger: logger)
        }
    }

    /// Every device enrolled in the ward with what its latest heartbeat said, by device name.
    public func deviceStatuses(ward: String) async throws -> [HubDeviceStatus] {
        try await client.withConnection { connection in
            try await Self.deviceStatuses(ward: ward, connection: connection, logger: logger)
        }
    }

    static func wardConfiguration(
        _ ward: String,
        connection: PostgresConnection,
        logger: Logger
    ) async throws -> ConfigurationDocument {
        let row = try await rows(
            "SELECT version, config FROM ward_settings WHERE ward = \(ward)",
            on: connection,
            logger: logger
        )
        .first
        guard let (version, text) = try row?.decode((Int64, String).self) else {
            return ConfigurationDocument(etag: ConfigurationDocument.emptyETag, config: .object([:]))
        }
        return try HubStore.configurationDocument(version: version, text: text)
    }

    static func deviceStatuses(
        ward: String,
        connection: PostgresConnection,
        logger: Logger
    ) async throws -> [HubDeviceStatus] {
        try await rows(
            """
            SELECT d.device_id, d.kind, d.enrolled_at, d.last_upload_at, COALESCE(s.app_version, d.app_version),
                s.heartbeat_at, s.config_etag, s.queue_depth, s.oldest_unsent_seconds, s.outgoing_texts, s.signal_bars
            FROM device d LEFT JOIN device_status s USING (device_id)
            WHERE d.ward = \(ward) ORDER BY d.device_id
            """,
            on: connection,
            logger: logger
        )
        .map { row in
            let (deviceID, kind, enrolledAt, uploadAt, version, heartbeatAt, etag, depth, oldest, texts, bars) =
                try row.decode(
                    (String, String, Int64, Int64?, String, Int64?, String?, Int64?, Int64?, Int64?, Int64?).self
                )
            return HubDeviceStatus(
                deviceID: deviceID,
                kind: kind,
                enrolledAt: HubStore.date(enrolledAt),
                lastUploadAt: uploadAt.map(HubStore.date),
                lastHeartbeatAt: heartbeatAt.map(HubStore.date),
                configETag: etag,
                queueDepth: depth.map { Int($0) },
                oldestUnsentSeconds: oldest.map { Int($0) },
                outgoingTexts: texts.map { Int($0) },
                signalBars: bars.map { Int($0) },
                appVersion: version
            )
        }
    }

    /// Keeps what a heartbeat says about its device, unless the hub already holds one recorded later.
    static func recordHeartbeat(
        _ heartbeat: DeviceHeartbeat,
        occurredAt: Date,
        deviceID: String,
        at ms: Int64,
        connection: PostgresConnection,
        logger: Logger
    ) async throws {
        let occurred = milliseconds(occurredAt)
        let depth = Int64(heartbeat.queueDepth)
        let oldest = heartbeat.oldestUnsentSeconds.map { Int64($0) }
        let texts = heartbeat.outgoingTexts.map { Int64($0) }
        let bars = heartbeat.signalBars.map { Int64($0) }
        try await connection.query(
            """
            INSERT INTO device_status (device_id, heartbeat_at, received_at, config_etag, queue_depth,
                oldest_unsent_seconds, outgoing_texts, signal_bars, app_version)
            VALUES (\(deviceID), \(occurred), \(ms), \(heartbeat.configETag), \(depth), \(oldest), \(texts), \(bars),
                \(heartbeat.appVersion))
            ON CONFLICT (device_id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at,
                received_at = EXCLUDED.received_at, config_etag = EXCLUDED.config_etag,
                queue_depth = EXCLUDED.queue_depth, oldest_unsent_seconds = EXCLUDED.oldest_unsent_seconds,
                outgoing_texts = EXCLUDED.outgoing_texts, signal_bars = EXCLUDED.signal_bars,
                app_version = EXCLUDED.app_version
            WHERE EXCLUDED.heartbeat_at > device_status.heartbeat_at
            """,
            logger: logger
        )
    }
}
