// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import MessageStore
import Testing

@Suite("MessageStore sync tables")
struct StoreSyncTests {
    func storeWithEvents(_ payloadSizes: [Int]) throws -> MessageStore {
        let store = try MessageStore.inMemory()
        try store.writer.write { db in
            for (index, size) in payloadSizes.enumerated() {
                try db.execute(
                    sql:
                        "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, 'sms.received', ?, ?)",
                    arguments: ["e-\(index)", #"{"t":"\#(String(repeating: "a", count: size))"}"#, 1_000 + index]
                )
            }
        }
        return store
    }

    @Test("A batch is read in seq order and bounded by count and by bytes")
    func batchBounds() throws {
        // Given
        let store = try storeWithEvents([10, 10, 10, 500, 10])
        // When
        let byCount = try store.nextSyncBatch(maxEvents: 2, maxBytes: 10_000)
        let byBytes = try store.nextSyncBatch(maxEvents: 10, maxBytes: 100)
        let oneLarge = try store.nextSyncBatch(maxEvents: 10, maxBytes: 1)
        // Then
        #expect(byCount.map(\.eventID) == ["e-0", "e-1"])
        #expect(byBytes.map(\.eventID) == ["e-0", "e-1", "e-2"])
        #expect(oneLarge.map(\.eventID) == ["e-0"])
        #expect(byCount.map(\.seq) == [1, 2])
    }

    @Test("Acknowledgements remove delivered events and dead-letter rejected ones, once")
    func acknowledgements() throws {
        // Given
        let store = try storeWithEvents([5, 5, 5])
        let acks = [
            SyncAcknowledgement(eventID: "e-0", outcome: .delivered),
            SyncAcknowledgement(eventID: "e-1", outcome: .rejected(error: "unknown_type: no")),
        ]
        // When
        let removed = try store.acknowledgeSync(acks, now: Date())
        let again = try store.acknowledgeSync(acks, now: Date())
        // Then
        #expect(removed == 2)
        #expect(again == 0)
        #expect(try store.nextSyncBatch(maxEvents: 10, maxBytes: 1_000).map(\.eventID) == ["e-2"])
        let letters = try store.syncDeadLetters()
        #expect(letters.count == 1)
        #expect(letters.first?.eventID == "e-1")
        #expect(letters.first?.error == "unknown_type: no")
        let payload = try store.writer.read { db in try String.fetchOne(db, sql: "SELECT payload FROM dead_letter") }
        #expect(payload?.contains("\"kind\":\"sms.received\"") == true)
    }

    @Test("A command is recorded and its text queued at most once, with the cursor, in one transaction")
    func commandsAtMostOnce() throws {
        // Given
        let store = try MessageStore.inMemory()
        let now = Date()
        let command = IncomingHubCommand(
            commandID: "c-1",
            type: "sms.send",
            payload: #"{"to":"+447700900123","text":"Hi"}"#,
            createdAt: now,
            expiresAt: now.addingTimeInterval(60),
            action: .sendSMS(to: "+447700900123", text: "Hi")
        )
        // When
        let first = try store.recordHubCommands([command], cursor: "c1", now: now)
        let second = try store.recordHubCommands([command], cursor: "c1", now: now)
        // Then
        #expect(first == ["c-1"])
        #expect(second.isEmpty)
        #expect(try store.hubCommandState("c-1") == "queued")
        #expect(try store.syncState(.downlinkCursor) == "c1")
        let (texts, statuses) = try store.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbound_message WHERE command_id = 'c-1'") ?? 0,
                try String.fetchAll(db, sql: "SELECT payload FROM sync_outbox WHERE kind = 'command.status'")
            )
        }
        #expect(texts == 1)
        #expect(statuses.count == 1)
        #expect(statuses.first?.contains("\"state\":\"queued\"") == true)
    }

    @Test("When the gateway sends the text, the command moves to sent and says so upstream")
    func commandFollowsText() throws {
        // Given
        let store = try MessageStore.inMemory()
        let now = Date()
        try store.recordHubCommands(
            [
                IncomingHubCommand(
                    commandID: "c-2",
                    type: "sms.send",
                    payload: "{}",
                    createdAt: now,
                    expiresAt: now.addingTimeInterval(60),
                    action: .sendSMS(to: "+447700900123", text: "Hi")
                )
            ],
            cursor: nil,
            now: now
        )
        let claimed = try #require(try store.claimNextOutbound(now: now))
        // When
        let before = try store.advanceHubCommands(now: now)
        try store.markSent(outboundID: claimed.id ?? 0, references: [7], now: now)
        let moved = try store.advanceHubCommands(now: now)
        let again = try store.advanceHubCommands(now: now)
        // Then
        #expect(before == 0)
        #expect(moved == 1)
        #expect(again == 0)
        #expect(try store.hubCommandState("c-2") == "sent")
        #expect(try store.syncState(.downlinkCursor) == nil)
    }

    @Test("The sync state keeps one value per key")
    func syncState() throws {
        // Given
        let store = try MessageStore.inMemory()
        // When
        try store.setSyncState([.lastError: "timeout", .clockOffsetMilliseconds: "-120"], now: Date())
        try store.setSyncState([.lastError: ""], now: Date())
        // Then
        #expect(try store.syncState(.lastError) == "")
        #expect(try store.syncState(.clockOffsetMilliseconds) == "-120")
        #expect(try store.syncState(.lastSuccessAt) == nil)
    }
}
