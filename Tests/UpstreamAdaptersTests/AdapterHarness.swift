// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import Logging
import MessageStore
import SyncClient
import SyncProtocol

/// A device store in its own file, with helpers that record feedback the way the services do.
struct TestDevice {
    let store: MessageStore
    let path: String

    static func make() throws -> TestDevice {
        let directory = NSTemporaryDirectory() + "careconnect-upstream-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/careconnect.sqlite"
        return TestDevice(store: try MessageStore(path: path), path: path)
    }

    /// Reopens the same database file, as a new process would.
    func reopened() throws -> TestDevice {
        TestDevice(store: try MessageStore(path: path), path: path)
    }

    /// Records one received text from `sender` and applies a conversation step with this feedback, through the
    /// store's own transaction. Returns the id of the `feedback.fft` event it queued.
    @discardableResult
    func recordSMS(
        from sender: String,
        text: String,
        score: Int?,
        comment: String?,
        category: String? = nil
    ) throws
        -> String
    {
        let message = try store.writer.write { db -> InboundMessage in
            try db.execute(
                sql: """
                    INSERT INTO inbound_message (sender, sender_is_alphanumeric, text, encoding, received_at, part_count)
                    VALUES (?, 0, ?, 'gsm7', ?, 1)
                    """,
                arguments: [sender, text, Int64(Date().timeIntervalSince1970 * 1_000)]
            )
            return try InboundMessage.fetchOne(db, key: db.lastInsertedRowID)!
        }
        try store.applyConversation(
            ConversationOutcome(score: score, comment: comment, category: category),
            to: message,
            now: Date()
        )
        return try store.writer.read { db in
            try String.fetchOne(
                db,
                sql: "SELECT event_id FROM sync_outbox WHERE kind = 'feedback.fft' ORDER BY seq DESC"
            )!
        }
    }

    /// Records one kiosk answer; returns its event id.
    @discardableResult
    func recordKiosk(rating: Int, comment: String?) throws -> String {
        try store.recordKioskResponse(
            KioskResponseRecord(
                id: UUID().uuidString.lowercased(),
                createdAt: Date(),
                localTime: "2026-12-03T09:15:00+00:00",
                trustCode: "RXX",
                siteCode: "RXX01",
                ward: "Ward 7",
                surveyVersion: "nhs-fft-2020",
                language: "en",
                mode: "standard",
                rating: rating,
                comment: comment
            )
        )
        return try store.writer.read { db in
            try String.fetchOne(
                db,
                sql: "SELECT event_id FROM sync_outbox WHERE kind = 'kiosk.response' ORDER BY seq DESC"
            )!
        }
    }

    /// The kinds of events still in the outbox.
    func outboxKinds() throws -> [String] {
        try store.writer.read { db in try String.fetchAll(db, sql: "SELECT kind FROM sync_outbox ORDER BY seq") }
    }

    /// Puts a delivered event back in the outbox under its own id, as if its acknowledgement had been lost.
    func requeue(eventID: String, kind: String, payload: String) throws {
        try store.writer.write { db in
            try db.execute(
                sql: "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                arguments: [eventID, kind, payload, Int64(Date().timeIntervalSince1970 * 1_000)]
            )
        }
    }

    /// The engine over this store, uploading to `target` with fast pacing.
    func engine(_ target: any UpstreamTarget) -> SyncEngine {
        var logger = Logger(label: "test.upstream")
        logger.logLevel = .critical
        return SyncEngine(
            store: store,
            target: target,
            deviceID: "ward7-gateway",
            settings: SyncSettings(
                backoff: FullJitterBackoff(base: .milliseconds(5), cap: .milliseconds(50)),
                breakerThreshold: 3,
                maxEvents: 20,
                idleInterval: .milliseconds(20)
            ),
            logger: logger
        )
    }

    /// A batch of exactly these outbox events, as the engine would make it.
    func batch(_ eventIDs: [String]) throws -> EventBatch {
        let events = try store.nextSyncBatch(maxEvents: 1_000, maxBytes: 1 << 30).filter {
            eventIDs.contains($0.eventID)
        }
        return EventBatch(
            deviceID: "ward7-gateway",
            batchID: UUID().uuidString.lowercased(),
            sentAt: Date(),
            clock: DeviceClock(bootID: "test", uptimeMilliseconds: 1),
            events: events.map {
                SyncEvent(
                    eventID: $0.eventID,
                    seq: $0.seq,
                    type: $0.kind,
                    occurredAt: $0.createdAt,
                    payload: (try? SyncJSON.decoder().decode(JSONValue.self, from: Data($0.payload.utf8))) ?? .null
                )
            }
        )
    }
}

/// Runs `body` with a deadline, so that a retry loop that never ends fails the test instead of hanging it.
func withDeadline<T: Sendable>(_ seconds: Int = 30, _ body: @escaping @Sendable () async throws -> T) async throws -> T
{
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw CancellationError()
        }
        let result = try await group.next()!
        group.cancelAll()
        return result
    }
}
