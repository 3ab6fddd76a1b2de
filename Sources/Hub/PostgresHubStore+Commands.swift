// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import Logging
import PostgresNIO
public import SyncProtocol

extension PostgresHubStore {
    /// Makes an `sms.send` command for the ward's SMS gateway (the one enrolled last) and announces it to every
    /// replica with `NOTIFY`.
    ///
    /// Command inserts take one advisory lock, so cursors are handed out in commit order: a device that has read
    /// past cursor N never later finds a command below N appear.
    public func createSMSCommand(
        ward: String,
        payload: SMSSendPayload,
        lifetime: TimeInterval,
        now: Date
    ) async throws -> String? {
        let ms = Self.milliseconds(now)
        let expires = Self.milliseconds(now.addingTimeInterval(lifetime))
        let commandID = "c-" + UUID().uuidString.lowercased()
        let body = String(decoding: try SyncJSON.encoder().encode(payload.json), as: UTF8.self)
        let type = CommandType.smsSend.rawValue
        let gateway = try await transaction { connection -> String? in
            try await Self.rows("SELECT pg_advisory_xact_lock(\(Self.commandLock))", on: connection, logger: logger)
            let deviceID = try await Self.rows(
                """
                SELECT device_id FROM device WHERE ward = \(ward) AND kind = 'sms-gateway'
                ORDER BY enrolled_at DESC, enrolled_order DESC LIMIT 1
                """,
                on: connection,
                logger: logger
            )
            .first?.decode(String.self)
            guard let deviceID else { return nil }
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
            return deviceID
        }
        guard let gateway else { return nil }
        commandSignal.signal(deviceID: gateway)
        return commandID
    }

    /// The device's commands after a cursor, oldest first, without changing anything.
    public func commands(
        for device: HubDevice,
        after cursor: String?,
        limit: Int,
        now: Date
    ) async throws -> CommandsResponse {
        let after = HubStore.cursorValue(cursor)
        let count = max(1, min(limit, 200))
        let rows = try await client.query(
            """
            SELECT cursor, command_id, type, payload, created_at, expires_at FROM command
            WHERE device_id = \(device.deviceID) AND cursor > \(after) ORDER BY cursor LIMIT \(count)
            """,
            logger: logger
        )
        .collect()
        var last = after
        var commands: [HubCommand] = []
        let decoder = SyncJSON.decoder()
        for row in rows {
            let (position, commandID, type, payload, created, expires) = try row.decode(
                (Int64, String, String, String, Int64, Int64).self
            )
            last = position
            commands.append(
                HubCommand(
                    commandID: commandID,
                    type: CommandType(rawValue: type),
                    createdAt: HubStore.date(created),
                    expiresAt: HubStore.date(expires),
                    payload: try decoder.decode(JSONValue.self, from: Data(payload.utf8))
                )
            )
        }
        return CommandsResponse(commands: commands, nextCursor: HubStore.cursorText(last), serverTime: now)
    }

    /// A command's state on the hub, or nil.
    public func commandState(_ commandID: String) async throws -> String? {
        try await client.query("SELECT state FROM command WHERE command_id = \(commandID)", logger: logger)
            .collect().first?.decode(String.self)
    }

    public func commandGeneration(deviceID: String) -> UInt64 {
        commandSignal.generation(deviceID: deviceID)
    }

    public func waitForCommands(deviceID: String, after generation: UInt64, timeout: Duration) async {
        await commandSignal.wait(deviceID: deviceID, after: generation, timeout: min(timeout, Self.commandPollInterval))
    }

    /// Inserts one command inside the caller's transaction (which holds the command lock) and announces it to
    /// every replica with `NOTIFY`.
    static func insertCommand(
        _ commandID: String,
        deviceID: String,
        type: String,
        body: String,
        createdAt ms: Int64,
        expiresAt expires: Int64,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO command (command_id, device_id, type, payload, created_at, expires_at, updated_at)
            VALUES (\(commandID), \(deviceID), \(type), \(body), \(ms), \(expires), \(ms))
            """,
            logger: logger
        )
        try await rows("SELECT pg_notify(\(commandsChannel), \(deviceID))", on: connection, logger: logger)
    }
}
