// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB

/// A sender's conversation state as stored.
public struct ContactState: Hashable, Sendable {
    public var optedOut: Bool
    public var language: String?
    public var awaitingFollowUpFor: Int64?

    public init(optedOut: Bool = false, language: String? = nil, awaitingFollowUpFor: Int64? = nil) {
        self.optedOut = optedOut
        self.language = language
        self.awaitingFollowUpFor = awaitingFollowUpFor
    }
}

/// Recent history of a sender, for loop and flood protection.
public struct ContactHistory: Hashable, Sendable {
    public var repliesLastHour: Int
    public var repliesLastDay: Int
    public var isRecentDuplicate: Bool
}

/// Everything the conversation step decided for one message, applied in one transaction.
public struct ConversationOutcome: Hashable, Sendable {
    /// Feedback score 1–6 (the national FFT columns), if the text held one.
    public var score: Int?
    public var comment: String?
    public var category: String?
    /// When the comment answers an earlier score, that message's id: its feedback record gains the comment.
    public var followUpTo: Int64?
    public var reply: String?
    public var suppressedReason: String?
    public var optedOut: Bool?
    public var language: String?
    /// `.some(id)` to await a comment for message `id`; `.some(nil)` to clear; nil to leave as is.
    public var awaitingFollowUpFor: Int64??

    public init(
        score: Int? = nil,
        comment: String? = nil,
        category: String? = nil,
        followUpTo: Int64? = nil,
        reply: String? = nil,
        suppressedReason: String? = nil,
        optedOut: Bool? = nil,
        language: String? = nil,
        awaitingFollowUpFor: Int64?? = nil
    ) {
        self.score = score
        self.comment = comment
        self.category = category
        self.followUpTo = followUpTo
        self.reply = reply
        self.suppressedReason = suppressedReason
        self.optedOut = optedOut
        self.language = language
        self.awaitingFollowUpFor = awaitingFollowUpFor
    }
}

extension MessageStore {
    // MARK: - Database Access: Reads

    /// The sender's conversation state (defaults for a number never seen).
    public func contact(_ number: String) throws -> ContactState {
        try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT opted_out, language, awaiting_followup_for FROM contact WHERE number = ?",
                    arguments: [number]
                )
            else { return ContactState() }
            return ContactState(
                optedOut: row["opted_out"],
                language: row["language"],
                awaitingFollowUpFor: row["awaiting_followup_for"]
            )
        }
    }

    /// Replies to `number` in the last hour and day, and whether `message` repeats a recent identical text.
    public func history(
        of number: String,
        message: InboundMessage,
        duplicateWindow: TimeInterval,
        now: Date
    ) throws -> ContactHistory {
        let ms = Self.milliseconds(now)
        return try writer.read { db in
            let hour = try Int.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) FROM outbound_message WHERE recipient = ? AND created_at > ? AND origin = 'reply'",
                arguments: [number, ms - 3_600_000]
            )
            let day = try Int.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) FROM outbound_message WHERE recipient = ? AND created_at > ? AND origin = 'reply'",
                arguments: [number, ms - 86_400_000]
            )
            let duplicate = try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM inbound_message
                    WHERE sender = ? AND text = ? AND id < ? AND received_at >= ?
                    """,
                arguments: [
                    number, message.text, message.id ?? Int64.max,
                    message.receivedAt - Int64(duplicateWindow * 1_000),
                ]
            )
            return ContactHistory(
                repliesLastHour: hour ?? 0,
                repliesLastDay: day ?? 0,
                isRecentDuplicate: (duplicate ?? 0) > 0
            )
        }
    }

    // MARK: - Database Access: Writes

    /// Applies a conversation step in one transaction: feedback recorded (or joined to its score), contact
    /// updated, reply queued, sync events appended, message marked handled. Running it again for a message
    /// already handled does nothing, so a crash before or after it never doubles a reply.
    ///
    /// - Returns: the queued reply's outbound id, if a reply was queued.
    @discardableResult
    public func applyConversation(
        _ outcome: ConversationOutcome,
        to message: InboundMessage,
        now: Date
    ) throws -> Int64? {
        guard let messageID = message.id else { return nil }
        let ms = Self.milliseconds(now)
        return try writer.write { db in
            let handled = try Int64.fetchOne(
                db,
                sql: "SELECT handled_at FROM inbound_message WHERE id = ?",
                arguments: [messageID]
            )
            guard handled == nil else { return nil }

            try Self.appendEvent(
                "sms.received",
                payload: [
                    "message_id": messageID, "from": message.sender, "text": message.text, "parts": message.partCount,
                    "missing_parts": message.missingParts, "sent_at": message.sentAt as Any,
                ],
                now: ms,
                db: db
            )
            if outcome.score != nil || outcome.comment != nil {
                try Self.recordFeedback(outcome, message: message, language: outcome.language, now: ms, db: db)
            }
            if outcome.optedOut != nil || outcome.language != nil || outcome.awaitingFollowUpFor != nil {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO contact (number, updated_at) VALUES (?, ?)",
                    arguments: [message.sender, ms]
                )
                if let optedOut = outcome.optedOut {
                    try db.execute(
                        sql: "UPDATE contact SET opted_out = ?, opted_out_at = ?, updated_at = ? WHERE number = ?",
                        arguments: [optedOut, optedOut ? ms : nil, ms, message.sender]
                    )
                    try Self.appendEvent(
                        optedOut ? "contact.opted_out" : "contact.opted_in",
                        payload: ["from": message.sender, "message_id": messageID],
                        now: ms,
                        db: db
                    )
                }
                if let language = outcome.language {
                    try db.execute(
                        sql: "UPDATE contact SET language = ?, updated_at = ? WHERE number = ?",
                        arguments: [language, ms, message.sender]
                    )
                }
                if let awaiting = outcome.awaitingFollowUpFor {
                    try db.execute(
                        sql: "UPDATE contact SET awaiting_followup_for = ?, updated_at = ? WHERE number = ?",
                        arguments: [awaiting, ms, message.sender]
                    )
                }
            }
            var replyID: Int64?
            if let reply = outcome.reply {
                var outbound = OutboundMessage(
                    id: nil,
                    recipient: message.sender,
                    text: reply,
                    state: .queued,
                    origin: "reply",
                    inReplyTo: messageID,
                    commandID: nil,
                    statusReport: true,
                    attempts: 0,
                    nextAttemptAt: ms,
                    createdAt: ms,
                    updatedAt: ms,
                    lastError: nil
                )
                try outbound.insert(db)
                replyID = outbound.id
            }
            try db.execute(sql: "UPDATE inbound_message SET handled_at = ? WHERE id = ?", arguments: [ms, messageID])
            return replyID
        }
    }

    private static func recordFeedback(
        _ outcome: ConversationOutcome,
        message: InboundMessage,
        language: String?,
        now: Int64,
        db: Database
    ) throws {
        guard let messageID = message.id else { return }
        // A follow-up comment joins the record of the score it answers, so score and comment stay together.
        if outcome.score == nil, let followUpTo = outcome.followUpTo,
            let row = try Row.fetchOne(
                db,
                sql: "SELECT id, uuid, score FROM sms_feedback WHERE message_id = ? AND comment IS NULL",
                arguments: [followUpTo]
            )
        {
            try db.execute(
                sql: """
                    UPDATE sms_feedback SET comment = ?, category = ?, comment_message_id = ?, updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [outcome.comment, outcome.category, messageID, now, row["id"] as Int64]
            )
            try appendFeedbackEvent(
                uuid: row["uuid"],
                score: row["score"],
                outcome: outcome,
                message: message,
                now: now,
                db: db
            )
            return
        }
        let uuid = UUID().uuidString.lowercased()
        try db.execute(
            sql: """
                INSERT INTO sms_feedback (uuid, message_id, contact, score, comment, category, language, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                uuid, messageID, message.sender, outcome.score, outcome.comment, outcome.category, language, now, now,
            ]
        )
        try appendFeedbackEvent(uuid: uuid, score: outcome.score, outcome: outcome, message: message, now: now, db: db)
    }

    private static func appendFeedbackEvent(
        uuid: String,
        score: Int?,
        outcome: ConversationOutcome,
        message: InboundMessage,
        now: Int64,
        db: Database
    ) throws {
        var answers: [String: Any] = [:]
        if let score { answers["fft"] = String(score) }
        if let comment = outcome.comment { answers["why"] = comment }
        try appendEvent(
            "feedback.fft",
            payload: [
                "feedback_id": uuid, "questionnaire": "nhs-fft-2020|1", "channel": "sms", "answers": answers,
                "category": outcome.category as Any, "message_id": message.id as Any,
            ],
            now: now,
            db: db
        )
    }

    /// Appends one event to the sync outbox inside the caller's transaction.
    static func appendEvent(_ kind: String, payload: [String: Any], now: Int64, db: Database) throws {
        // Optionals arrive boxed in Any; JSON needs null or the wrapped value.
        func unwrap(_ value: Any) -> Any {
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return value }
            return mirror.children.first.map { unwrap($0.value) } ?? NSNull()
        }
        let cleaned = payload.mapValues(unwrap)
        let data = try JSONSerialization.data(withJSONObject: cleaned, options: [.sortedKeys])
        try db.execute(
            sql: "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
            arguments: [UUID().uuidString.lowercased(), kind, String(decoding: data, as: UTF8.self), now]
        )
    }
}
