// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB
public import SyncProtocol

extension HubStore {
    /// Makes an `sms.send` command for the ward's SMS gateway (the one enrolled last), valid for `lifetime`.
    ///
    /// - Returns: the command's id, or nil when the ward has no gateway.
    public func createSMSCommand(
        ward: String,
        payload: SMSSendPayload,
        lifetime: TimeInterval = 24 * 3600,
        now: Date
    ) throws -> String? {
        let ms = Self.milliseconds(now)
        let commandID = "c-" + UUID().uuidString.lowercased()
        let body = String(decoding: try SyncJSON.encoder().encode(payload.json), as: UTF8.self)
        let gateway: String? = try writer.write { db in
            guard
                let deviceID = try String.fetchOne(
                    db,
                    sql: """
                        SELECT device_id FROM device WHERE ward = ? AND kind = 'sms-gateway'
                        ORDER BY enrolled_at DESC, rowid DESC LIMIT 1
                        """,
                    arguments: [ward]
                )
            else { return nil }
            try Self.insertCommand(
                commandID,
                deviceID: deviceID,
                type: .smsSend,
                body: body,
                createdAt: ms,
                expiresAt: Self.milliseconds(now.addingTimeInterval(lifetime)),
                db: db
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
    ) throws
        -> CommandsResponse
    {
        let after = Self.cursorValue(cursor)
        return try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT cursor, command_id, type, payload, created_at, expires_at FROM command
                    WHERE device_id = ? AND cursor > ? ORDER BY cursor LIMIT ?
                    """,
                arguments: [device.deviceID, after, max(1, min(limit, 200))]
            )
            var last = after
            var commands: [HubCommand] = []
            for row in rows {
                last = row["cursor"]
                let payload: String = row["payload"]
                commands.append(
                    HubCommand(
                        commandID: row["command_id"],
                        type: CommandType(rawValue: row["type"]),
                        createdAt: Self.date(row["created_at"]),
                        expiresAt: Self.date(row["expires_at"]),
                        payload: try SyncJSON.decoder().decode(JSONValue.self, from: Data(payload.utf8))
                    )
                )
            }
            return CommandsResponse(commands: commands, nextCursor: Self.cursorText(last), serverTime: now)
        }
    }

    /// A command's state on the hub (`pending` until the device reports), or nil.
    public func commandState(_ commandID: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT state FROM command WHERE command_id = ?", arguments: [commandID])
        }
    }

    /// The opaque text of a cursor.
    static func cursorText(_ value: Int64) -> String {
        "c\(value)"
    }

    /// The position a cursor names; the start for nil or anything unreadable.
    static func cursorValue(_ text: String?) -> Int64 {
        guard let text, text.hasPrefix("c"), let value = Int64(text.dropFirst()) else { return 0 }
        return value
    }

    /// Inserts one command inside the caller's transaction; its cursor is the next row id.
    static func insertCommand(
        _ commandID: String,
        deviceID: String,
        type: CommandType,
        body: String,
        createdAt ms: Int64,
        expiresAt expires: Int64,
        db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO command (command_id, device_id, type, payload, created_at, expires_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [commandID, deviceID, type.rawValue, body, ms, expires, ms]
        )
    }
}
