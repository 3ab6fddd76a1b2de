// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB

/// A `config.update` command stored but not yet applied.
public struct PendingConfigurationCommand: Hashable, Sendable {
    public var commandID: String
    /// The command's payload as the hub sent it (JSON text).
    public var payload: String
    public var expiresAt: Date
}

/// The sync outbox and the text queue at one moment, for a `device.heartbeat`.
public struct SyncQueueSnapshot: Hashable, Sendable {
    /// Events waiting in the sync outbox.
    public var queueDepth: Int
    /// How long the oldest of them has waited, in whole seconds; nil when none waits.
    public var oldestUnsentSeconds: Int?
    /// Texts waiting for the modem (queued or being sent).
    public var outgoingTexts: Int
}

extension MessageStore {
    /// The `config.update` commands stored but not finished, oldest first: the sync process applies them in this
    /// order, so the newest settings win. After a crash between applying and finishing, a command is here again;
    /// applying the same settings twice is harmless.
    public func pendingConfigurationCommands() throws -> [PendingConfigurationCommand] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT command_id, payload, expires_at FROM hub_command
                    WHERE type = 'config.update' AND state = 'received' ORDER BY received_at, rowid
                    """
            )
            .map { row in
                let expires: Int64 = row["expires_at"]
                return PendingConfigurationCommand(
                    commandID: row["command_id"],
                    payload: row["payload"],
                    expiresAt: Date(timeIntervalSince1970: Double(expires) / 1_000)
                )
            }
        }
    }

    /// Moves a command that is still `received` to its final `state` (`delivered`, `rejected` or `expired`) and
    /// reports it upstream as a `command.status` event, in one transaction.
    ///
    /// - Returns: false when the command is unknown or already moved on, which changes nothing.
    @discardableResult
    public func finishHubCommand(_ commandID: String, state: String, reason: String?, now: Date) throws -> Bool {
        precondition(["delivered", "rejected", "expired", "failed"].contains(state), "not a final state: \(state)")
        let ms = Self.milliseconds(now)
        return try writer.write { db in
            let current = try String.fetchOne(
                db,
                sql: "SELECT state FROM hub_command WHERE command_id = ?",
                arguments: [commandID]
            )
            guard current == "received" else { return false }
            try Self.moveCommand(commandID, to: state, reason: reason, at: ms, db: db)
            return true
        }
    }

    /// Records a `device.heartbeat` event unless one still waits in the sync outbox (an offline device keeps one,
    /// not a backlog of them). `payload` turns the queues, read in the same transaction, into the event's JSON
    /// object text.
    ///
    /// - Returns: whether a heartbeat was recorded.
    @discardableResult
    public func recordHeartbeat(now: Date, payload: (SyncQueueSnapshot) throws -> String) throws -> Bool {
        let ms = Self.milliseconds(now)
        return try writer.write { db in
            let waiting = try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE kind = 'device.heartbeat')"
            )
            guard waiting != true else { return false }
            let depth = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_outbox") ?? 0
            let oldest = try Int64.fetchOne(db, sql: "SELECT MIN(created_at) FROM sync_outbox")
            let outgoing =
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM outbound_message WHERE state IN ('queued', 'sending')"
                ) ?? 0
            let snapshot = SyncQueueSnapshot(
                queueDepth: depth,
                oldestUnsentSeconds: oldest.map { Int(max(0, ms - $0) / 1_000) },
                outgoingTexts: outgoing
            )
            let text = try payload(snapshot)
            try db.execute(
                sql: "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                arguments: [UUID().uuidString.lowercased(), "device.heartbeat", text, ms]
            )
            try Self.setSyncState(.lastHeartbeatAt, String(ms), at: ms, db: db)
            return true
        }
    }
}
