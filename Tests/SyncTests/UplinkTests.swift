// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Hub
import Logging
import MessageStore
import SyncClient
import SyncProtocol
import Testing

@Suite("Uplink against a real hub", .serialized, .timeLimit(.minutes(1)))
struct UplinkTests {
    @Test("Every event reaches the hub exactly once and leaves the outbox; copies are answered duplicate")
    func exactlyOnce() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            let ids = try device.record(250)
            // When
            try await device.engine.uploadUntilDrained()
            try device.rerecord(eventID: ids[0])
            try device.rerecord(eventID: ids[249])
            let batch = EventBatch(
                deviceID: device.credentials.deviceID,
                batchID: UUID().uuidString,
                sentAt: Date(),
                clock: DeviceClock(bootID: "b", uptimeMilliseconds: 1),
                events: [
                    SyncEvent(eventID: ids[7], seq: 8, type: "sms.received", occurredAt: Date(), payload: .object([:]))
                ]
            )
            let answer = try await device.connection.send(
                "POST",
                "/v1/events",
                token: device.credentials.token,
                headers: [("Content-Type", "application/json")],
                body: try SyncJSON.encoder().encode(batch)
            )
            try await device.engine.uploadUntilDrained()
            // Then
            let response = try SyncJSON.decoder().decode(EventBatchResponse.self, from: answer.body)
            #expect(response.results.map(\.status) == [.duplicate])
            #expect(response.highWaterSeq >= 250)
            let counts = try hub.store.eventCounts()
            #expect(counts.events == 250)
            #expect(counts.distinct == 250)
            #expect(try device.store.syncBacklog() == 0)
            #expect(try device.store.syncState(.lastSuccessAt) != nil)
            #expect(try device.store.syncState(.clockOffsetMilliseconds) != nil)
        }
    }

    @Test("An event the hub rejects moves to the device's dead letters with the hub's reason")
    func rejectedBecomesDeadLetter() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            try device.record(2)
            let strange = try device.record(1, kind: "mystery.kind")[0]
            try device.record(2)
            // When
            try await device.engine.uploadUntilDrained()
            // Then
            #expect(try device.store.syncBacklog() == 0)
            let letters = try device.store.syncDeadLetters()
            #expect(letters.map(\.eventID) == [strange])
            #expect(letters.first?.error.hasPrefix("unknown_type") == true)
            #expect(try hub.store.eventCounts().events == 4)
        }
    }

    @Test("413 makes the batches smaller until they fit; an event too large for any batch is dead-lettered")
    func tooLargeShrinks() async throws {
        try await RunningHub.with(configuration: HubConfiguration(maxEvents: 7, maxBytes: 64 * 1024)) { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            try device.record(60)
            let huge = try device.record(1, textSize: 80_000)[0]
            try device.record(3)
            // When
            try await device.engine.uploadUntilDrained()
            // Then
            #expect(try hub.store.eventCounts().events == 63)
            #expect(try device.store.syncBacklog() == 0)
            #expect(try device.store.syncDeadLetters().map(\.eventID) == [huge])
            #expect(await device.engine.requests >= 10, "63 events at most 7 at a time, after the refused batch")
        }
    }

    @Test("500 and 503 with Retry-After are retried, waiting as the hub asked")
    func serverErrorsRetried() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            try device.record(30)
            await hub.faults.plan([.status(503, retryAfter: "1"), .status(500, retryAfter: nil)])
            let start = ContinuousClock.now
            // When
            try await device.engine.uploadUntilDrained()
            // Then
            #expect(ContinuousClock.now - start >= .seconds(1), "Retry-After: 1 was honoured")
            #expect(await hub.faults.injected == 2)
            #expect(try hub.store.eventCounts().events == 30)
            #expect(try device.store.syncBacklog() == 0)
        }
    }

    @Test("A connection dropped after the hub committed is retried and nothing is stored twice")
    func droppedAfterCommit() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            try device.record(40)
            await hub.faults.plan([.dropAfterCommit, .dropAfterCommit])
            // When
            try await device.engine.uploadUntilDrained()
            // Then
            #expect(await hub.faults.injected == 2)
            #expect(await device.engine.requests == 3, "two lost answers, then the stored answer")
            let counts = try hub.store.eventCounts()
            #expect(counts.events == 40)
            #expect(counts.distinct == 40)
            #expect(try device.store.syncBacklog() == 0)
        }
    }

    @Test("A reused Idempotency-Key returns the stored answer for the same body and 422 for another")
    func idempotencyKeys() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            func body(_ eventID: String) throws -> Data {
                let batch = EventBatch(
                    deviceID: device.credentials.deviceID,
                    batchID: "k-1",
                    sentAt: SyncJSON.parse("2024-05-01T10:00:00Z")!,
                    clock: DeviceClock(bootID: "b", uptimeMilliseconds: 1),
                    events: [
                        SyncEvent(
                            eventID: eventID,
                            seq: 1,
                            type: "sms.received",
                            occurredAt: Date(),
                            payload: .object([:])
                        )
                    ]
                )
                return try Gzip.compress(try SyncJSON.encoder().encode(batch))
            }
            let headers = [("Idempotency-Key", "\"k-1\""), ("Content-Encoding", "gzip")]
            let first = try body("e-1")
            // When
            let one = try await device.connection.send(
                "POST",
                "/v1/events",
                token: device.credentials.token,
                headers: headers,
                body: first
            )
            try await Task.sleep(for: .milliseconds(20))
            let two = try await device.connection.send(
                "POST",
                "/v1/events",
                token: device.credentials.token,
                headers: headers,
                body: first
            )
            let other = try await device.connection.send(
                "POST",
                "/v1/events",
                token: device.credentials.token,
                headers: headers,
                body: try body("e-2")
            )
            let stranger = try await device.connection.send(
                "POST",
                "/v1/events",
                token: "not-a-token",
                headers: headers,
                body: first
            )
            // Then
            #expect(one.status == 200)
            #expect(two.body == one.body, "the stored answer, byte for byte, with the first server_time")
            #expect(other.status == 422)
            #expect(try SyncJSON.decoder().decode(Problem.self, from: other.body).status == 422)
            #expect(stranger.status == 401)
            #expect(try hub.store.eventCounts().events == 1)
        }
    }

    @Test("A refused token stops the uplink until the credentials change")
    func unauthorizedStops() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            try device.record(3)
            var wrong = device.credentials
            wrong.token = "revoked"
            let engine = SyncEngine(
                store: device.store,
                connection: device.connection,
                credentials: wrong,
                settings: TestDevice.fastSettings,
                logger: .init(label: "test")
            )
            // When
            let first = await engine.uploadOnce()
            let second = await engine.uploadOnce()
            // Then
            #expect(first == .needsCredentials)
            #expect(second == .needsCredentials)
            #expect(await engine.requests == 1, "the second step did not call the hub")
            #expect(try device.store.syncBacklog() == 3)
        }
    }
}
