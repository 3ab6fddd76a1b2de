// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB
import SMSPDU

/// What happened to one PDU handed to ``MessageStore/storeInboundPart(pdu:storage:slot:receivedAt:)``.
/// One PDU to store with ``MessageStore/storeInboundParts(_:receivedAt:)``.
public struct InboundPartInput: Hashable, Sendable {
    /// The hex as the modem listed it (SMSC address first).
    public var pdu: String
    /// The modem storage (`"SM"`, `"ME"`), or `"CMT"`/`"CDS"` for direct delivery.
    public var storage: String
    /// The storage index; -1 for direct delivery.
    public var slot: Int

    public init(pdu: String, storage: String, slot: Int) {
        self.pdu = pdu
        self.storage = storage
        self.slot = slot
    }
}

public enum InboundPartOutcome: Hashable, Sendable {
    /// Stored; `completed` is the message it finished, if any (a single part, or the last part of a set).
    case stored(partID: Int64, completed: InboundMessage?)
    /// The same PDU from the same storage slot was stored before (a re-read after a crash).
    case duplicate(partID: Int64)
    /// Kept raw with the decoding error; surfaced by ``MessageStore/status()``.
    case undecodable(partID: Int64, error: String)
    /// A status report, matched to the sent part with its reference when one was found.
    case statusReport(partID: Int64, matchedOutboundID: Int64?)
}

extension MessageStore {
    // MARK: - Database Access: Writes

    /// Durably stores one PDU read from the modem, before it is deleted there.
    ///
    /// The raw hex is kept whatever it holds. A PDU already stored from the same slot is recognised and not
    /// stored again, so re-reading the SIM after a crash is harmless. A part that completes a concatenated
    /// message creates the message in the same transaction.
    ///
    /// - Parameters:
    ///   - pdu: the hex as the modem listed it (SMSC address first).
    ///   - storage: the modem storage (`"SM"`, `"ME"`), or `"CMT"`/`"CDS"` for direct delivery.
    ///   - slot: the storage index; -1 for direct delivery.
    public func storeInboundPart(
        pdu: String,
        storage: String,
        slot: Int,
        receivedAt: Date
    ) throws -> InboundPartOutcome {
        let now = Self.milliseconds(receivedAt)
        return try writer.write { db in
            try insertPart(Self.normalisedHex(pdu), storage: storage, slot: slot, now: now, db: db)
        }
    }

    /// Durably stores several PDUs read in one sweep of the modem's storage, in a single transaction (one
    /// `fsync` rather than one per message), before any of them is deleted there.
    ///
    /// Each part is handled exactly as ``storeInboundPart(pdu:storage:slot:receivedAt:)`` would; the outcomes are
    /// in the order of `parts`.
    public func storeInboundParts(_ parts: [InboundPartInput], receivedAt: Date) throws -> [InboundPartOutcome] {
        guard !parts.isEmpty else { return [] }
        let now = Self.milliseconds(receivedAt)
        return try writer.write { db in
            try parts.map { part in
                try insertPart(Self.normalisedHex(part.pdu), storage: part.storage, slot: part.slot, now: now, db: db)
            }
        }
    }

    private static func normalisedHex(_ pdu: String) -> String {
        pdu.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    private func insertPart(
        _ hex: String,
        storage: String,
        slot: Int,
        now: Int64,
        db: Database
    ) throws
        -> InboundPartOutcome
    {
        if let existing = try Int64.fetchOne(
            db,
            sql: "SELECT id FROM inbound_part WHERE pdu = ? AND storage = ? AND slot = ?",
            arguments: [hex, storage, slot]
        ) {
            return .duplicate(partID: existing)
        }
        let decoded: PDU
        do {
            decoded = try PDU.decode(hex: hex, smsc: .automatic)
        } catch {
            try db.execute(
                sql: """
                    INSERT INTO inbound_part (pdu, storage, slot, received_at, decode_error)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [hex, storage, slot, now, "\(error)"]
            )
            return .undecodable(partID: db.lastInsertedRowID, error: "\(error)")
        }
        switch decoded {
        case .deliver(let deliver):
            return try storeDeliver(deliver, hex: hex, storage: storage, slot: slot, now: now, db: db)
        case .statusReport(let report):
            try db.execute(
                sql:
                    "INSERT INTO inbound_part (pdu, storage, slot, received_at, kind, sender) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [hex, storage, slot, now, "status-report", report.recipient.description]
            )
            let partID = db.lastInsertedRowID
            let matched = try Self.recordStatusReport(report, at: now, db: db)
            return .statusReport(partID: partID, matchedOutboundID: matched)
        case .submit(let submit):
            // A message stored on the SIM by someone else's software; kept, never answered.
            try db.execute(
                sql:
                    "INSERT INTO inbound_part (pdu, storage, slot, received_at, kind, sender) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [hex, storage, slot, now, "submit", submit.destination.description]
            )
            return .stored(partID: db.lastInsertedRowID, completed: nil)
        }
    }

    private func storeDeliver(
        _ deliver: SMSDeliver,
        hex: String,
        storage: String,
        slot: Int,
        now: Int64,
        db: Database
    ) throws -> InboundPartOutcome {
        let sender = deliver.originator.description
        let concat = deliver.userData.header?.concatenation
        let key = concat.map { "\(sender)|\($0.reference)|\($0.total)|\($0.referenceIs16Bit ? 16 : 8)" }
        try db.execute(
            sql: """
                INSERT INTO inbound_part
                    (pdu, storage, slot, received_at, kind, sender, concat_key, concat_part, concat_total)
                VALUES (?, ?, ?, ?, 'deliver', ?, ?, ?, ?)
                """,
            arguments: [hex, storage, slot, now, sender, key, concat?.part, concat?.total]
        )
        let partID = db.lastInsertedRowID
        guard let key, let concat, concat.total > 1 else {
            let message = try Self.createMessage(from: [(partID, deliver)], total: 1, now: now, db: db)
            return .stored(partID: partID, completed: message)
        }
        // Complete when every part number 1…total is present among the unassigned parts with this key.
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, pdu, concat_part FROM inbound_part
                WHERE concat_key = ? AND message_id IS NULL ORDER BY concat_part, id
                """,
            arguments: [key]
        )
        var firstOfEach: [Int: (Int64, String)] = [:]
        for row in rows {
            let part: Int = row["concat_part"]
            if firstOfEach[part] == nil {
                firstOfEach[part] = (row["id"], row["pdu"])
            }
        }
        guard firstOfEach.count == concat.total else {
            return .stored(partID: partID, completed: nil)
        }
        let parts = try (1...concat.total).compactMap { number -> (Int64, SMSDeliver)? in
            guard let (id, pdu) = firstOfEach[number],
                case .deliver(let part) = try PDU.decode(hex: pdu, smsc: .automatic)
            else { return nil }
            return (id, part)
        }
        let message = try Self.createMessage(from: parts, total: concat.total, now: now, db: db)
        return .stored(partID: partID, completed: message)
    }

    /// Creates the message for the given parts (in order) and links them to it.
    static func createMessage(
        from parts: [(id: Int64, pdu: SMSDeliver)],
        total: Int,
        now: Int64,
        db: Database
    ) throws -> InboundMessage {
        guard let first = parts.first?.pdu else {
            throw DatabaseError(message: "a message needs at least one part")
        }
        let (text, encoding) = Reassembly.text(of: parts.map(\.pdu), total: total)
        var message = InboundMessage(
            id: nil,
            sender: first.originator.description,
            senderIsAlphanumeric: first.originator.isAlphanumeric,
            text: text,
            encoding: encoding,
            sentAt: first.serviceCentreTimestamp.description,
            receivedAt: now,
            partCount: total,
            missingParts: total - parts.count,
            handledAt: nil
        )
        try message.insert(db)
        for part in parts {
            try db.execute(
                sql: "UPDATE inbound_part SET message_id = ? WHERE id = ?",
                arguments: [message.id, part.id]
            )
        }
        return message
    }

    /// Releases concatenated messages still incomplete after `timeout`, as partial messages.
    ///
    /// - Returns: the messages released, each with ``InboundMessage/missingParts`` above zero.
    public func releaseIncompleteMessages(timeout: TimeInterval, now: Date) throws -> [InboundMessage] {
        let cutoff = Self.milliseconds(now.addingTimeInterval(-timeout))
        let nowMS = Self.milliseconds(now)
        return try writer.write { db in
            let keys = try String.fetchAll(
                db,
                sql: """
                    SELECT concat_key FROM inbound_part WHERE message_id IS NULL AND concat_key IS NOT NULL
                    GROUP BY concat_key HAVING MIN(received_at) <= ?
                    """,
                arguments: [cutoff]
            )
            var released: [InboundMessage] = []
            for key in keys {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, pdu, concat_part, concat_total FROM inbound_part
                        WHERE concat_key = ? AND message_id IS NULL ORDER BY concat_part, id
                        """,
                    arguments: [key]
                )
                var seen = Set<Int>()
                var parts: [(id: Int64, pdu: SMSDeliver)] = []
                var total = 1
                for row in rows {
                    let number: Int = row["concat_part"]
                    total = row["concat_total"]
                    let hex: String = row["pdu"]
                    guard seen.insert(number).inserted,
                        case .deliver(let pdu) = try PDU.decode(hex: hex, smsc: .automatic)
                    else { continue }
                    parts.append((row["id"], pdu))
                }
                guard !parts.isEmpty else { continue }
                released.append(try Self.createMessage(from: parts, total: total, now: nowMS, db: db))
                // Extra parts with a repeated number (a reused reference) become messages of their own.
                for row in rows
                where try Int64.fetchOne(
                    db,
                    sql: "SELECT message_id FROM inbound_part WHERE id = ?",
                    arguments: [row["id"] as Int64]
                ) == nil {
                    let hex: String = row["pdu"]
                    if case .deliver(let pdu) = try PDU.decode(hex: hex, smsc: .automatic) {
                        released.append(
                            try Self.createMessage(from: [(row["id"], pdu)], total: total, now: nowMS, db: db)
                        )
                    }
                }
            }
            return released
        }
    }

    /// Marks the conversation step for a message as done.
    public func markHandled(messageID: Int64, at date: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE inbound_message SET handled_at = ? WHERE id = ? AND handled_at IS NULL",
                arguments: [Self.milliseconds(date), messageID]
            )
        }
    }

    // MARK: - Database Access: Reads

    /// Messages whose conversation step has not finished (after a crash, these are handled again).
    public func unhandledMessages() throws -> [InboundMessage] {
        try writer.read { db in
            try InboundMessage.filter(sql: "handled_at IS NULL").order(sql: "id").fetchAll(db)
        }
    }

    /// Every stored message, oldest first.
    public func allMessages() throws -> [InboundMessage] {
        try writer.read { db in try InboundMessage.order(sql: "id").fetchAll(db) }
    }
}
