// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Hub
import SyncClient
import SyncProtocol
import Testing

/// The hub's behaviour over HTTP, the same on SQLite and on PostgreSQL.
@Suite("Hub storage behaviour, on SQLite and PostgreSQL")
struct HubStorageBehaviourTests {
    @Test("PostgreSQL is configured for these tests", .enabled(if: TestPostgres.isConfigured, TestPostgres.skipNote))
    func postgresIsConfigured() async throws {
        // A server named by the variable but not answering fails here, loudly.
        try await TestPostgres.withDatabase { settings in
            #expect(settings.database.hasPrefix("hub_test_"))
        }
    }

    @Test("Each event is stored once; each gets its own result", arguments: Backend.available)
    func dedupeAndPerItemResults(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given
                let device = try await hub.enrol()
                let events = TestEvents.texts(5)
                var unknown = TestEvents.texts(1, firstSeq: 6)[0]
                unknown.type = "weather.report"
                var invalid = TestEvents.texts(1, firstSeq: 7)[0]
                invalid.payload = .string("not an object")
                // When
                let first = try await hub.post(
                    TestEvents.batch(Array(events[0..<3]) + [unknown, invalid], device: device.deviceID),
                    token: device.token
                )
                let second = try await hub.post(
                    TestEvents.batch(Array(events[2..<5]) + [events[4]], device: device.deviceID),
                    token: device.token
                )
                // Then
                #expect(first.status == 200)
                #expect(second.status == 200)
                let one = try SyncJSON.decoder().decode(EventBatchResponse.self, from: first.body)
                let two = try SyncJSON.decoder().decode(EventBatchResponse.self, from: second.body)
                #expect(one.results.map(\.status) == [.accepted, .accepted, .accepted, .rejected, .rejected])
                #expect(one.results[3].error?.code == "unknown_type")
                #expect(one.results[4].error?.code == "invalid_event")
                #expect(two.results.map(\.status) == [.duplicate, .accepted, .accepted, .duplicate])
                #expect(two.results[0].ref == one.results[2].ref, "a duplicate names the stored copy")
                #expect(two.results.map(\.eventID) == [events[2], events[3], events[4], events[4]].map(\.eventID))
                #expect(one.highWaterSeq == 7)
                #expect(two.highWaterSeq == 7, "the high-water mark never goes back")
                let counts = try await storage.eventCounts()
                #expect(counts.events == 5)
                #expect(counts.distinct == 5)
            }
        }
    }

    @Test("An event id another device used is rejected, not stored twice", arguments: Backend.available)
    func eventIDConflict(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                let first = try await hub.enrol()
                let second = try await hub.enrol(ward: "Ward 8")
                let event = TestEvents.texts(1)[0]
                _ = try await hub.post(TestEvents.batch([event], device: first.deviceID), token: first.token)
                let answer = try await hub.post(TestEvents.batch([event], device: second.deviceID), token: second.token)
                let response = try SyncJSON.decoder().decode(EventBatchResponse.self, from: answer.body)
                #expect(response.results.first?.status == .rejected)
                #expect(response.results.first?.error?.code == "event_id_conflict")
                #expect(try await storage.eventCounts().events == 1)
            }
        }
    }

    @Test(
        "An Idempotency-Key replays its answer for the same body and refuses another body",
        arguments: Backend.available
    )
    func idempotencyReplayAndReuse(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given
                let device = try await hub.enrol()
                let batch = TestEvents.batch(TestEvents.texts(3), device: device.deviceID)
                let other = TestEvents.batch(TestEvents.texts(2, firstSeq: 4), device: device.deviceID)
                // When
                let first = try await hub.post(batch, token: device.token, key: "k-1")
                let replay = try await hub.post(batch, token: device.token, key: "k-1")
                let reused = try await hub.post(other, token: device.token, key: "k-1")
                // Then
                #expect(first.status == 200)
                #expect(replay.status == 200)
                #expect(replay.body == first.body, "the stored answer, byte for byte")
                #expect(reused.status == 422)
                let problem = try SyncJSON.decoder().decode(Problem.self, from: reused.body)
                #expect(problem.type.hasSuffix("idempotency-key-reused"))
                #expect(try await storage.eventCounts().events == 3)
            }
        }
    }

    @Test("An enrolment code redeemed many times at once enrols exactly one device", arguments: Backend.available)
    func enrolmentCodeIsOneTime(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given
                let code = try await storage.createEnrolmentCode(ward: "Ward 9", lifetime: 3600, now: Date())
                // When
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<8 {
                        group.addTask {
                            let body = try SyncJSON.encoder().encode(
                                EnrollRequest(
                                    enrollmentCode: code,
                                    deviceUUID: UUID().uuidString,
                                    kind: "sms-gateway",
                                    appVersion: "test"
                                )
                            )
                            return try await hub.connection.send(
                                "POST",
                                "/v1/enroll",
                                headers: [("Content-Type", "application/json")],
                                body: body
                            )
                            .status
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                // Then
                #expect(statuses.filter { $0 == 200 }.count == 1)
                #expect(statuses.filter { $0 == 403 }.count == 7)
                let summary = try await storage.wardSummary("Ward 9")
                #expect(summary.devices == ["ward-9-gw-1"])
            }
        }
    }

    @Test("Devices of one ward enrolled at once get distinct names", arguments: Backend.available)
    func concurrentEnrolmentsAreNumbered(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                let names = try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<6 {
                        group.addTask { try await hub.enrol(ward: "Ward 3").deviceID }
                    }
                    return try await group.reduce(into: Set<String>()) { $0.insert($1) }
                }
                #expect(names == Set((1...6).map { "ward-3-gw-\($0)" }))
            }
        }
    }

    @Test(
        "A staff reply becomes a command; cursors move forward; a long-poll wakes for it",
        arguments: Backend.available
    )
    func staffReplyLongPollAndCursor(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given
                let device = try await hub.enrol(ward: "Ward 7")
                let text = TestEvents.texts(1)[0]
                _ = try await hub.post(TestEvents.batch([text], device: device.deviceID), token: device.token)
                let page = try await hub.connection.send("GET", "/wards/Ward%207")
                #expect(page.status == 200)
                #expect(String(decoding: page.body, as: UTF8.self).contains("hello 0"))
                let empty = try await hub.commands(token: device.token)
                #expect(empty.commands.isEmpty)
                // When: a long-poll waits while a member of staff replies through the page's form
                let started = ContinuousClock.now
                async let polled = hub.commands(token: device.token, after: empty.nextCursor, wait: 10)
                try await Task.sleep(for: .milliseconds(300))
                let reply = try await hub.connection.send(
                    "POST",
                    "/wards/Ward%207/replies",
                    headers: [("Content-Type", "application/x-www-form-urlencoded")],
                    body: Data("to=%2B447700900100&text=Thank+you&in_reply_to=\(text.eventID)".utf8)
                )
                let woken = try await polled
                let waited = ContinuousClock.now - started
                // Then
                // The client follows the 303 back to the ward page, which confirms the reply.
                #expect(reply.status == 200)
                #expect(String(decoding: reply.body, as: UTF8.self).contains("on its way"))
                #expect(woken.commands.count == 1)
                #expect(woken.commands.first?.payload["text"]?.stringValue == "Thank you")
                #expect(waited < .seconds(3), "woken by the reply, not by the 10 s timeout (took \(waited))")
                let again = try await hub.commands(token: device.token, after: woken.nextCursor)
                #expect(again.commands.isEmpty, "the cursor is past the command")
                #expect(again.nextCursor == woken.nextCursor)
                let second = try await storage.createSMSCommand(
                    ward: "Ward 7",
                    payload: SMSSendPayload(to: "+447700900101", text: "Second", inReplyTo: nil),
                    lifetime: 3600,
                    now: Date()
                )
                let next = try await hub.commands(token: device.token, after: woken.nextCursor)
                #expect(next.commands.map(\.commandID) == [second].compactMap { $0 })
                #expect(
                    HubStoreCursor.value(next.nextCursor) > HubStoreCursor.value(woken.nextCursor),
                    "cursors only grow"
                )
                let commandPage = try await hub.connection.send("GET", "/wards/Ward%207")
                #expect(String(decoding: commandPage.body, as: UTF8.self).contains("+447700900100"))
            }
        }
    }

    @Test("A command.status event moves its command forward, never back", arguments: Backend.available)
    func commandStatusMovesForward(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                let device = try await hub.enrol()
                let commandID = try #require(
                    try await storage.createSMSCommand(
                        ward: "Ward 7",
                        payload: SMSSendPayload(to: "+447700900100", text: "Hi", inReplyTo: nil),
                        lifetime: 3600,
                        now: Date()
                    )
                )
                func status(_ state: String, seq: Int64) -> SyncEvent {
                    SyncEvent(
                        eventID: UUID().uuidString.lowercased(),
                        seq: seq,
                        type: "command.status",
                        occurredAt: Date(),
                        payload: .object(["command_id": .string(commandID), "state": .string(state)])
                    )
                }
                let sent = status("sent", seq: 1)
                let answer = try await hub.post(
                    TestEvents.batch([sent, status("queued", seq: 2), sent], device: device.deviceID),
                    token: device.token
                )
                let response = try SyncJSON.decoder().decode(EventBatchResponse.self, from: answer.body)
                #expect(response.results.map(\.status) == [.accepted, .accepted, .duplicate])
                #expect(try await storage.commandState(commandID) == "sent", "queued came after sent: ignored")
                var unknown = status("sent", seq: 3)
                unknown.payload = .object(["command_id": .string("c-none"), "state": .string("sent")])
                let refused = try await hub.post(
                    TestEvents.batch([unknown], device: device.deviceID),
                    token: device.token
                )
                let refusal = try SyncJSON.decoder().decode(EventBatchResponse.self, from: refused.body)
                #expect(refusal.results.first?.error?.code == "unknown_command")
            }
        }
    }
}

/// Reads the opaque cursor text the hub hands out ("c" and a number), for checking order.
enum HubStoreCursor {
    static func value(_ text: String?) -> Int64 {
        guard let text, text.hasPrefix("c") else { return 0 }
        return Int64(text.dropFirst()) ?? 0
    }
}
