// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB

/// The upstream ledger: for targets without idempotency (Care Connect API v0.1), what became of each event that
/// was, or may have been, posted there.
///
/// A row is written as `posting` and committed *before* the request is sent, and becomes `done` with the
/// target's reference after its answer. A `posting` row found by a later process means the answer was lost: the
/// target may or may not have the event, so it becomes `unknown` and is never posted again by itself. Staff
/// resolve it by hand: ``resolveUpstreamPost(eventID:reference:now:)`` when the target has it,
/// ``repostUpstreamEvent(eventID:now:)`` when it does not.
extension MessageStore {
    /// One row of the upstream ledger.
    public struct UpstreamLedgerEntry: Sendable, Hashable {
        /// Where an event stands with its target.
        public enum State: String, Sendable, Hashable, CaseIterable {
            /// The request is (or was, when found after a restart) on its way; the answer is not known yet.
            case posting
            /// The target has it, under `reference`.
            case done
            /// The request may have reached the target but no answer came back: check by hand.
            case unknown
            /// The target refused it for good (`detail` has its reasons).
            case rejected
            /// Staff asked for it to be posted once more.
            case repost
        }

        public var eventID: String
        public var target: String
        public var state: State
        /// The target's reference, such as `P42`, once known.
        public var reference: String?
        /// Why it is `unknown` or `rejected`, or how it was resolved.
        public var detail: String?
        /// How many times it was posted.
        public var attempts: Int
        public var createdAt: Date
        public var updatedAt: Date
    }

    /// A ledger action that does not fit the row's state.
    public struct UpstreamLedgerError: Error, Sendable, Hashable, CustomStringConvertible {
        public enum Code: Sendable, Hashable {
            /// No row for this event.
            case notFound
            /// The row is not in a state that allows the action.
            case wrongState
            /// The event's copy in the dead letters is missing, so it cannot be queued again.
            case noDeadLetter
        }

        public var code: Code
        public var description: String
    }

    // MARK: - Database Access: Writes

    /// Records, and commits, that `eventID` is about to be posted to `target`. Allowed for an event with no row
    /// or one staff marked `repost`; any other row means an earlier post's result is known or unknown, and
    /// posting again could make a second copy upstream.
    public func beginUpstreamPost(eventID: String, target: String, now: Date) throws {
        let ms = Self.milliseconds(now)
        try writer.write { db in
            if let state = try String.fetchOne(
                db,
                sql: "SELECT state FROM upstream_ledger WHERE event_id = ?",
                arguments: [eventID]
            ) {
                guard state == UpstreamLedgerEntry.State.repost.rawValue else {
                    throw UpstreamLedgerError(
                        code: .wrongState,
                        description: "event \(eventID) is already \(state) in the upstream ledger; not posting it again"
                    )
                }
                try db.execute(
                    sql: """
                        UPDATE upstream_ledger SET state = 'posting', target = ?, attempts = attempts + 1, updated_at = ?
                        WHERE event_id = ?
                        """,
                    arguments: [target, ms, eventID]
                )
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO upstream_ledger (event_id, target, state, attempts, created_at, updated_at)
                        VALUES (?, ?, 'posting', 1, ?, ?)
                        """,
                    arguments: [eventID, target, ms, ms]
                )
            }
        }
    }

    /// The target answered with its reference: the event is `done`.
    public func finishUpstreamPost(eventID: String, reference: String, now: Date) throws {
        try move(eventID, to: .done, reference: reference, detail: nil, now: now)
    }

    /// The target refused the event for good.
    public func rejectUpstreamPost(eventID: String, detail: String, now: Date) throws {
        try move(eventID, to: .rejected, reference: nil, detail: detail, now: now)
    }

    /// The request may have reached the target, and no answer came back.
    public func markUpstreamPostUnknown(eventID: String, detail: String, now: Date) throws {
        try move(eventID, to: .unknown, reference: nil, detail: detail, now: now)
    }

    /// The request certainly did not create anything (it was never sent, or refused before any change): forget
    /// the row, so that the event is posted again in the normal way.
    public func abandonUpstreamPost(eventID: String) throws {
        try writer.write { db in
            try db.execute(
                sql: "DELETE FROM upstream_ledger WHERE event_id = ? AND state = 'posting'",
                arguments: [eventID]
            )
        }
    }

    /// At start-up: every `posting` row of `target` is from a process that stopped before it had the answer, so
    /// it becomes `unknown`.
    ///
    /// - Returns: how many rows became `unknown`.
    @discardableResult
    public func markInterruptedUpstreamPostsUnknown(target: String, now: Date) throws -> Int {
        let ms = Self.milliseconds(now)
        return try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE upstream_ledger
                    SET state = 'unknown', updated_at = ?,
                        detail = 'the process stopped after the request was sent and before its answer was stored'
                    WHERE state = 'posting' AND target = ?
                    """,
                arguments: [ms, target]
            )
            return db.changesCount
        }
    }

    /// Staff found the event upstream under `reference`: it becomes `done`, and its dead letter (if the sync
    /// service put it there) is removed.
    public func resolveUpstreamPost(eventID: String, reference: String, now: Date) throws {
        let ms = Self.milliseconds(now)
        try writer.write { db in
            let state = try Self.ledgerState(eventID, db: db)
            guard state == .unknown || state == .posting else {
                throw UpstreamLedgerError(
                    code: .wrongState,
                    description: "event \(eventID) is \(state.rawValue), not unknown; there is nothing to resolve"
                )
            }
            try db.execute(
                sql: """
                    UPDATE upstream_ledger SET state = 'done', reference = ?, detail = 'resolved by hand', updated_at = ?
                    WHERE event_id = ?
                    """,
                arguments: [reference, ms, eventID]
            )
            try db.execute(
                sql: "DELETE FROM dead_letter WHERE source = 'sync' AND reference = ?",
                arguments: [eventID]
            )
        }
    }

    /// Staff found that the target does not have the event (or fixed what made it refuse it): the event goes back
    /// into the sync outbox from its dead letter under its own id, and is posted once more.
    public func repostUpstreamEvent(eventID: String, now: Date) throws {
        let ms = Self.milliseconds(now)
        try writer.write { db in
            let state = try Self.ledgerState(eventID, db: db)
            guard state == .unknown || state == .rejected else {
                throw UpstreamLedgerError(
                    code: .wrongState,
                    description:
                        "event \(eventID) is \(state.rawValue); only unknown or rejected events are posted again"
                )
            }
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO sync_outbox (event_id, kind, payload, created_at)
                    SELECT reference, json_extract(payload, '$.kind'), json_extract(payload, '$.payload'), ?
                    FROM dead_letter WHERE source = 'sync' AND reference = ?
                    ORDER BY id DESC LIMIT 1
                    """,
                arguments: [ms, eventID]
            )
            let queued = try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM sync_outbox WHERE event_id = ?",
                arguments: [eventID]
            )
            guard queued == 1 else {
                throw UpstreamLedgerError(
                    code: .noDeadLetter,
                    description: "event \(eventID) has no dead letter to queue again"
                )
            }
            try db.execute(
                sql: "DELETE FROM dead_letter WHERE source = 'sync' AND reference = ?",
                arguments: [eventID]
            )
            try db.execute(
                sql:
                    "UPDATE upstream_ledger SET state = 'repost', detail = 'repost asked by hand', updated_at = ? WHERE event_id = ?",
                arguments: [ms, eventID]
            )
        }
    }

    // MARK: - Database Access: Reads

    /// One event's ledger row, or nil.
    public func upstreamLedgerEntry(eventID: String) throws -> UpstreamLedgerEntry? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM upstream_ledger WHERE event_id = ?", arguments: [eventID])
                .map(Self.ledgerEntry)
        }
    }

    /// The ledger's rows in `states` (all when empty), oldest first.
    public func upstreamLedger(states: [UpstreamLedgerEntry.State] = []) throws -> [UpstreamLedgerEntry] {
        try writer.read { db in
            let filter = states.isEmpty ? "" : "WHERE state IN (\(states.map { _ in "?" }.joined(separator: ",")))"
            return try Row.fetchAll(
                db,
                sql: "SELECT * FROM upstream_ledger \(filter) ORDER BY created_at, event_id",
                arguments: StatementArguments(states.map(\.rawValue))
            )
            .map(Self.ledgerEntry)
        }
    }

    /// How many ledger rows are in each state.
    public func upstreamLedgerCounts() throws -> [UpstreamLedgerEntry.State: Int] {
        try writer.read { db in
            var counts: [UpstreamLedgerEntry.State: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM upstream_ledger GROUP BY state") {
                if let state = UpstreamLedgerEntry.State(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    /// The SMS sender behind a piece of SMS feedback (`feedback.fft` events carry only its id), or nil.
    public func smsFeedbackSender(feedbackID: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT contact FROM sms_feedback WHERE uuid = ?", arguments: [feedbackID])
        }
    }

    // MARK: - Helpers

    private func move(
        _ eventID: String,
        to state: UpstreamLedgerEntry.State,
        reference: String?,
        detail: String?,
        now: Date
    ) throws {
        let ms = Self.milliseconds(now)
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE upstream_ledger SET state = ?, reference = COALESCE(?, reference), detail = ?, updated_at = ?
                    WHERE event_id = ?
                    """,
                arguments: [state.rawValue, reference, detail, ms, eventID]
            )
            guard db.changesCount == 1 else {
                throw UpstreamLedgerError(
                    code: .notFound,
                    description: "event \(eventID) is not in the upstream ledger"
                )
            }
        }
    }

    private static func ledgerState(_ eventID: String, db: Database) throws -> UpstreamLedgerEntry.State {
        guard
            let raw = try String.fetchOne(
                db,
                sql: "SELECT state FROM upstream_ledger WHERE event_id = ?",
                arguments: [eventID]
            ), let state = UpstreamLedgerEntry.State(rawValue: raw)
        else {
            throw UpstreamLedgerError(code: .notFound, description: "event \(eventID) is not in the upstream ledger")
        }
        return state
    }

    private static func ledgerEntry(_ row: Row) -> UpstreamLedgerEntry {
        UpstreamLedgerEntry(
            eventID: row["event_id"],
            target: row["target"],
            state: UpstreamLedgerEntry.State(rawValue: row["state"]) ?? .unknown,
            reference: row["reference"],
            detail: row["detail"],
            attempts: row["attempts"],
            createdAt: Date(timeIntervalSince1970: Double(row["created_at"] as Int64) / 1_000),
            updatedAt: Date(timeIntervalSince1970: Double(row["updated_at"] as Int64) / 1_000)
        )
    }
}
