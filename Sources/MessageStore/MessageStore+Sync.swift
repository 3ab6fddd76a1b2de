// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB

extension MessageStore {
    // MARK: - Uplink

    /// The oldest events of the sync outbox, in `seq` order: at most `maxEvents`, and no more than `maxBytes` of
    /// payload, except that the first event is always included so that a large one is still tried.
    public func nextSyncBatch(maxEvents: Int, maxBytes: Int) throws -> [SyncOutboxEvent] {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT seq, event_id, kind, payload, created_at FROM sync_outbox ORDER BY seq LIMIT ?",
                arguments: [max(1, maxEvents)]
            )
            var events: [SyncOutboxEvent] = []
            var bytes = 0
            while let row = try rows.next() {
                let payload: String = row["payload"]
                let size = payload.utf8.count
                if !events.isEmpty, bytes + size > maxBytes { break }
                bytes += size
                let createdAt: Int64 = row["created_at"]
                events.append(
                    SyncOutboxEvent(
                        seq: row["seq"],
                        eventID: row["event_id"],
                        kind: row["kind"],
                        payload: payload,
                        createdAt: Date(timeIntervalSince1970: Double(createdAt) / 1_000)
                    )
                )
            }
            return events
        }
    }

    /// Applies the hub's verdicts in one transaction: delivered events leave the outbox; rejected ones move to the
    /// dead letters (source `sync`, reference the event id) with the hub's reason. Unknown ids are ignored, so
    /// applying the same verdicts twice changes nothing.
    ///
    /// - Returns: how many events left the outbox.
    @discardableResult
    public func acknowledgeSync(_ acknowledgements: [SyncAcknowledgement], now: Date) throws -> Int {
        let ms = Self.milliseconds(now)
        return try writer.write { db in
            var removed = 0
            for acknowledgement in acknowledgements {
                if case .rejected(let error) = acknowledgement.outcome {
                    try db.execute(
                        sql: """
                            INSERT INTO dead_letter (source, reference, payload, error, created_at)
                            SELECT 'sync', event_id, json_object('kind', kind, 'seq', seq, 'payload', json(payload)), ?, ?
                            FROM sync_outbox WHERE event_id = ?
                            """,
                        arguments: [error, ms, acknowledgement.eventID]
                    )
                }
                try db.execute(
                    sql: "DELETE FROM sync_outbox WHERE event_id = ?",
                    arguments: [acknowledgement.eventID]
                )
                removed += db.changesCount
            }
            return removed
        }
    }

    /// Moves one event to the dead letters with a reason of the device's own (for example an event too large for
    /// any batch the hub accepts).
    public func deadLetterSyncEvent(eventID: String, error: String, now: Date) throws {
        try acknowledgeSync([SyncAcknowledgement(eventID: eventID, outcome: .rejected(error: error))], now: now)
    }

    /// How many events wait in the sync outbox.
    public func syncBacklog() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_outbox") ?? 0 }
    }

    /// The dead letters the sync service made, newest first: (reference, error).
    public func syncDeadLetters() throws -> [(eventID: String, error: String)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT reference, error FROM dead_letter WHERE source = 'sync' ORDER BY id DESC"
            )
            .map { (eventID: $0["reference"] ?? "", error: $0["error"]) }
        }
    }

    // MARK: - Sync state

    /// One value of the sync service's state, or nil when it was never set.
    public func syncState(_ key: SyncStateKey) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = ?", arguments: [key.rawValue])
        }
    }

    /// Sets several values of the sync service's state in one transaction.
    public func setSyncState(_ values: [SyncStateKey: String], now: Date) throws {
        let ms = Self.milliseconds(now)
        try writer.write { db in
            for (key, value) in values {
                try Self.setSyncState(key, value, at: ms, db: db)
            }
        }
    }

    static func setSyncState(_ key: SyncStateKey, _ value: String, at ms: Int64, db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """,
            arguments: [key.rawValue, value, ms]
        )
    }

    // MARK: - Downlink

    /// Stores commands read from the hub and moves the downlink cursor, in one transaction, so that each command
    /// is executed at most once.
    ///
    /// A command seen before is left alone. A new one is recorded, then: past its `expiresAt` it is `expired`;
    /// an `sendSMS` action queues the text exactly like ``enqueueOutbound(to:text:origin:inReplyTo:commandID:statusReport:now:)``
    /// with the command's id (origin `hub`) and the command becomes `queued`, unless the recipient opted out
    /// (texted STOP), which makes it `rejected` with reason ``optedOutReason`` and queues nothing; a `reject`
    /// action makes it `rejected`. Each new state is reported upstream as a `command.status` event in the sync outbox.
    ///
    /// - Returns: the ids of the commands that were new.
    @discardableResult
    public func recordHubCommands(_ commands: [IncomingHubCommand], cursor: String?, now: Date) throws -> [String] {
        let ms = Self.milliseconds(now)
        return try writer.write { db in
            var new: [String] = []
            for command in commands {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO hub_command
                            (command_id, type, payload, created_at, expires_at, received_at, state, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'received', ?)
                        """,
                    arguments: [
                        command.commandID, command.type, command.payload, Self.milliseconds(command.createdAt),
                        Self.milliseconds(command.expiresAt), ms, ms,
                    ]
                )
                guard db.changesCount == 1 else { continue }
                new.append(command.commandID)
                if command.expiresAt <= now {
                    try Self.moveCommand(
                        command.commandID,
                        to: "expired",
                        reason: "expired before it arrived",
                        at: ms,
                        db: db
                    )
                    continue
                }
                switch command.action {
                case .sendSMS(let to, _) where try Self.hasOptedOut(to, db: db):
                    // The patient texted STOP: staff replies are not sent either.
                    try Self.moveCommand(
                        command.commandID,
                        to: "rejected",
                        reason: Self.optedOutReason,
                        at: ms,
                        db: db
                    )
                case .sendSMS(let to, let text):
                    let outboundID = try Self.enqueueCommandSMS(
                        to: to,
                        text: text,
                        commandID: command.commandID,
                        at: ms,
                        db: db
                    )
                    try db.execute(
                        sql: "UPDATE hub_command SET outbound_id = ? WHERE command_id = ?",
                        arguments: [outboundID, command.commandID]
                    )
                    try Self.moveCommand(command.commandID, to: "queued", reason: nil, at: ms, db: db)
                case .applyConfiguration:
                    break  // applied by the sync process, which then finishes the command
                case .reject(let reason):
                    try Self.moveCommand(command.commandID, to: "rejected", reason: reason, at: ms, db: db)
                }
            }
            if let cursor {
                try Self.setSyncState(.downlinkCursor, cursor, at: ms, db: db)
            }
            return new
        }
    }

    /// Follows the texts that commands queued: a text the gateway sent, had delivered or gave up on moves its
    /// command on and reports it upstream, in one transaction.
    ///
    /// - Returns: how many commands moved.
    @discardableResult
    public func advanceHubCommands(now: Date) throws -> Int {
        let ms = Self.milliseconds(now)
        return try writer.write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.command_id, c.state AS command_state, o.state AS message_state, o.last_error
                    FROM hub_command c JOIN outbound_message o ON o.id = c.outbound_id
                    WHERE c.state IN ('queued', 'sent')
                    """
            )
            var moved = 0
            for row in rows {
                let commandID: String = row["command_id"]
                let commandState: String = row["command_state"]
                let messageState: String = row["message_state"]
                let target: String? =
                    switch messageState {
                    case "sent" where commandState == "queued": "sent"
                    case "delivered": "delivered"
                    case "failed", "unconfirmed": "failed"
                    default: nil
                    }
                guard let target else { continue }
                let reason: String? = target == "failed" ? (row["last_error"] ?? messageState) : nil
                try Self.moveCommand(commandID, to: target, reason: reason, at: ms, db: db)
                moved += 1
            }
            return moved
        }
    }

    /// A command's state, or nil when the device never saw it.
    public func hubCommandState(_ commandID: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT state FROM hub_command WHERE command_id = ?", arguments: [commandID])
        }
    }

    static func moveCommand(
        _ commandID: String,
        to state: String,
        reason: String?,
        at ms: Int64,
        db: Database
    )
        throws
    {
        try db.execute(
            sql: "UPDATE hub_command SET state = ?, reason = ?, updated_at = ? WHERE command_id = ?",
            arguments: [state, reason, ms, commandID]
        )
        var payload: [String: Any] = ["command_id": commandID, "state": state]
        if let reason { payload["reason"] = reason }
        try appendEvent("command.status", payload: payload, now: ms, db: db)
    }

    /// The `reason` of a command refused, or a hub text not sent, because its recipient opted out.
    public static let optedOutReason = "opted_out"

    /// Whether `number` opted out (texted STOP and not START since), ignoring spaces and a leading `+`.
    static func hasOptedOut(_ number: String, db: Database) throws -> Bool {
        let digits = number.filter { $0 != " " && $0 != "+" }
        return try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM contact
                               WHERE opted_out = 1 AND (number = ? OR REPLACE(REPLACE(number, ' ', ''), '+', '') = ?))
                """,
            arguments: [number, digits]
        ) ?? false
    }

    /// Queues a command's text inside the caller's transaction, once per command id, as `enqueueOutbound` does.
    private static func enqueueCommandSMS(
        to recipient: String,
        text: String,
        commandID: String,
        at ms: Int64,
        db: Database
    )
        throws -> Int64
    {
        if let existing = try Int64.fetchOne(
            db,
            sql: "SELECT id FROM outbound_message WHERE command_id = ?",
            arguments: [commandID]
        ) {
            return existing
        }
        var message = OutboundMessage(
            id: nil,
            recipient: recipient,
            text: text,
            state: .queued,
            origin: "hub",
            inReplyTo: nil,
            commandID: commandID,
            statusReport: true,
            attempts: 0,
            nextAttemptAt: ms,
            createdAt: ms,
            updatedAt: ms,
            lastError: nil
        )
        try message.insert(db)
        return message.id ?? db.lastInsertedRowID
    }
}
