// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB
public import SMSPDU

extension MessageStore {
    // MARK: - Database Access: Writes

    /// Queues a text for sending.
    ///
    /// With a `commandID` (an upstream staff reply), a second enqueue of the same command returns the first
    /// message's id instead of queueing it again.
    @discardableResult
    public func enqueueOutbound(
        to recipient: String,
        text: String,
        origin: String,
        inReplyTo: Int64? = nil,
        commandID: String? = nil,
        statusReport: Bool = true,
        now: Date
    ) throws -> Int64 {
        let ms = Self.milliseconds(now)
        return try writer.write { db in
            if let commandID,
                let existing = try Int64.fetchOne(
                    db,
                    sql: "SELECT id FROM outbound_message WHERE command_id = ?",
                    arguments: [commandID]
                )
            {
                return existing
            }
            var message = OutboundMessage(
                id: nil,
                recipient: recipient,
                text: text,
                state: .queued,
                origin: origin,
                inReplyTo: inReplyTo,
                commandID: commandID,
                statusReport: statusReport,
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

    /// Takes the next due message and marks it `sending` (attempts + 1) before any byte goes to the modem.
    ///
    /// A staff text from the hub (origin `hub`) to a number that has opted out since it was queued is marked
    /// `failed` with reason `opted_out` instead, and the next due message is taken.
    public func claimNextOutbound(now: Date) throws -> OutboundMessage? {
        let ms = Self.milliseconds(now)
        return try writer.write { db in
            var message: OutboundMessage
            while true {
                guard
                    let next = try OutboundMessage.filter(
                        sql: "state = 'queued' AND next_attempt_at <= ?",
                        arguments: [ms]
                    )
                    .order(sql: "next_attempt_at, id").fetchOne(db)
                else { return nil }
                message = next
                // A staff text queued before the patient texted STOP is not sent; its command fails with the reason.
                guard message.origin == "hub", try Self.hasOptedOut(message.recipient, db: db) else { break }
                message.state = .failed
                message.lastError = Self.optedOutReason
                message.updatedAt = ms
                try message.update(db)
            }
            message.state = .sending
            message.attempts += 1
            message.updatedAt = ms
            try message.update(db)
            return message
        }
    }

    /// Records that the modem accepted every part (`+CMGS: <mr>` for each), in part order, in one transaction.
    public func markSent(outboundID: Int64, references: [Int], now: Date) throws {
        let ms = Self.milliseconds(now)
        try writer.write { db in
            for (index, reference) in references.enumerated() {
                try Self.insertSentPart(outboundID: outboundID, part: index + 1, reference: reference, at: ms, db: db)
            }
            try Self.markStateSent(outboundID: outboundID, at: ms, db: db)
        }
    }

    /// Records one part accepted by the modem (`+CMGS: <mr>`), so a retry after a later part fails sends only
    /// the parts not yet sent.
    public func recordPartSent(outboundID: Int64, part: Int, reference: Int, now: Date) throws {
        try writer.write { db in
            try Self.insertSentPart(
                outboundID: outboundID,
                part: part,
                reference: reference,
                at: Self.milliseconds(now),
                db: db
            )
        }
    }

    private static func insertSentPart(outboundID: Int64, part: Int, reference: Int, at ms: Int64, db: Database) throws
    {
        try db.execute(
            sql: "INSERT OR REPLACE INTO outbound_part (outbound_id, part, reference, sent_at) VALUES (?, ?, ?, ?)",
            arguments: [outboundID, part, reference & 0xFF, ms]
        )
    }

    private static func markStateSent(outboundID: Int64, at ms: Int64, db: Database) throws {
        try db.execute(
            sql: "UPDATE outbound_message SET state = 'sent', updated_at = ?, last_error = NULL WHERE id = ?",
            arguments: [ms, outboundID]
        )
    }

    /// The parts of a message already accepted by the modem.
    public func sentParts(outboundID: Int64) throws -> Set<Int> {
        try writer.read { db in
            Set(
                try Int.fetchAll(
                    db,
                    sql: "SELECT part FROM outbound_part WHERE outbound_id = ?",
                    arguments: [outboundID]
                )
            )
        }
    }

    /// Records that every part was accepted.
    public func completeSend(outboundID: Int64, now: Date) throws {
        try writer.write { db in try Self.markStateSent(outboundID: outboundID, at: Self.milliseconds(now), db: db) }
    }

    /// Records that the modem may or may not have sent the message (a timeout or a lost port during
    /// `AT+CMGS`): it is not sent again automatically.
    public func markUnconfirmed(outboundID: Int64, error: String, now: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE outbound_message SET state = 'unconfirmed', updated_at = ?, last_error = ? WHERE id = ?",
                arguments: [Self.milliseconds(now), error, outboundID]
            )
        }
    }

    /// Records a failed attempt: back to `queued` for a later retry, or `failed` for good.
    public func markSendFailed(outboundID: Int64, error: String, retryAt: Date?, now: Date) throws {
        let ms = Self.milliseconds(now)
        try writer.write { db in
            if let retryAt {
                try db.execute(
                    sql: """
                        UPDATE outbound_message SET state = 'queued', next_attempt_at = ?, updated_at = ?, last_error = ?
                        WHERE id = ?
                        """,
                    arguments: [Self.milliseconds(retryAt), ms, error, outboundID]
                )
            } else {
                try db.execute(
                    sql: "UPDATE outbound_message SET state = 'failed', updated_at = ?, last_error = ? WHERE id = ?",
                    arguments: [ms, error, outboundID]
                )
            }
        }
    }

    /// After a restart: messages left in `sending` become `unconfirmed` and are not sent again.
    ///
    /// - Returns: how many were found.
    @discardableResult
    public func recoverInterruptedSends(now: Date) throws -> Int {
        let ms = Self.milliseconds(now)
        return try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE outbound_message SET state = 'unconfirmed', updated_at = ?,
                        last_error = 'interrupted while sending; not repeated automatically'
                    WHERE state = 'sending'
                    """,
                arguments: [ms]
            )
            return db.changesCount
        }
    }

    /// Matches a status report to the most recent sent part with its reference (within 7 days) and records
    /// the outcome; a message whose every part is delivered becomes `delivered`, any permanent failure
    /// makes it `failed`.
    static func recordStatusReport(_ report: SMSStatusReport, at now: Int64, db: Database) throws -> Int64? {
        let weekAgo = now - 7 * 86_400_000
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT p.outbound_id, p.part FROM outbound_part p
                    JOIN outbound_message m ON m.id = p.outbound_id
                    WHERE p.reference = ? AND p.sent_at >= ? AND p.delivery_status IS NULL
                    ORDER BY p.sent_at DESC, p.outbound_id DESC LIMIT 1
                    """,
                arguments: [Int(report.messageReference), weekAgo]
            )
        else { return nil }
        let outboundID: Int64 = row["outbound_id"]
        let status = report.status
        try db.execute(
            sql: "UPDATE outbound_part SET delivery_status = ?, reported_at = ? WHERE outbound_id = ? AND part = ?",
            arguments: [Int(status.rawValue), now, outboundID, row["part"] as Int]
        )
        switch status.category {
        case .pending:
            // Still trying; a final report follows. Clear the status so that report matches too.
            try db.execute(
                sql: "UPDATE outbound_part SET delivery_status = NULL WHERE outbound_id = ? AND part = ?",
                arguments: [outboundID, row["part"] as Int]
            )
        case .failed:
            try db.execute(
                sql: "UPDATE outbound_message SET state = 'failed', updated_at = ?, last_error = ? WHERE id = ?",
                arguments: [now, "status report: \(status)", outboundID]
            )
        case .delivered:
            let undelivered = try Int.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) FROM outbound_part WHERE outbound_id = ? AND (delivery_status IS NULL OR delivery_status > 31)",
                arguments: [outboundID]
            )
            if undelivered == 0 {
                try db.execute(
                    sql:
                        "UPDATE outbound_message SET state = 'delivered', updated_at = ? WHERE id = ? AND state = 'sent'",
                    arguments: [now, outboundID]
                )
            }
        }
        return outboundID
    }

    /// Records a status report delivered directly (`+CDS`), outside modem storage.
    @discardableResult
    public func recordStatusReport(_ report: SMSStatusReport, now: Date) throws -> Int64? {
        try writer.write { db in try Self.recordStatusReport(report, at: Self.milliseconds(now), db: db) }
    }

    // MARK: - Database Access: Reads

    /// One outbound message by id.
    public func outbound(id: Int64) throws -> OutboundMessage? {
        try writer.read { db in try OutboundMessage.fetchOne(db, key: id) }
    }

    /// How many messages were sent (or are being sent) to `recipient` since `since`, for reply caps.
    public func outboundCount(to recipient: String, since: Date) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM outbound_message WHERE recipient = ? AND created_at >= ?",
                arguments: [recipient, Self.milliseconds(since)]
            ) ?? 0
        }
    }
}
