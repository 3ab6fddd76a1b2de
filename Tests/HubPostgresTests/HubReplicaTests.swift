// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import Glibc
import Logging
import MessageStore
import PostgresNIO
import SyncClient
import SyncProtocol
import Testing

@testable import Hub

/// Several hub replicas sharing one PostgreSQL database, as behind a load balancer.
@Suite(
    "Hub replicas on one PostgreSQL database",
    .serialized,
    .timeLimit(.minutes(5)),
    .enabled(if: TestPostgres.isConfigured, TestPostgres.skipNote)
)
struct HubReplicaTests {
    /// Runs `body` with two hub servers, each with its own connection pool and listener, on one new database.
    static func withReplicas<T: Sendable>(_ body: (TestHub, TestHub) async throws -> T) async throws -> T {
        try await TestPostgres.withDatabase { settings in
            try await PostgresHubStore.withRunning(settings: settings, logger: Backend.logger) { first in
                try await PostgresHubStore.withRunning(settings: settings, logger: Backend.logger) { second in
                    try await TestHub.with(storage: first) { a in
                        try await TestHub.with(storage: second) { b in try await body(a, b) }
                    }
                }
            }
        }
    }

    @Test("Overlapping batches sent at once through two replicas store every event exactly once")
    func overlappingBatchesThroughTwoReplicas() async throws {
        try await Self.withReplicas { a, b in
            // Given: three devices, each with 300 events in windows of 100 that overlap by half
            var devices: [DeviceCredentials] = []
            for ward in ["Ward 1", "Ward 2", "Ward 3"] { devices.append(try await a.enrol(ward: ward)) }
            let perDevice = 300
            var sends: [(hub: TestHub, batch: EventBatch, token: String)] = []
            var all: Set<String> = []
            for device in devices {
                let events = TestEvents.texts(perDevice)
                all.formUnion(events.map(\.eventID))
                for start in stride(from: 0, to: perDevice, by: 50) {
                    let window = Array(events[start..<min(start + 100, perDevice)])
                    // The same window through both replicas at once, as a device retrying through the balancer.
                    sends.append((a, TestEvents.batch(window, device: device.deviceID), device.token))
                    sends.append((b, TestEvents.batch(window.reversed(), device: device.deviceID), device.token))
                }
            }
            // When
            let answers = try await withThrowingTaskGroup(of: EventBatchResponse.self) { group in
                for send in sends {
                    group.addTask {
                        let answer = try await send.hub.post(send.batch, token: send.token)
                        guard answer.status == 200 else {
                            throw TestFailure(
                                "a batch was answered \(answer.status): \(String(decoding: answer.body, as: UTF8.self))"
                            )
                        }
                        return try SyncJSON.decoder().decode(EventBatchResponse.self, from: answer.body)
                    }
                }
                return try await group.reduce(into: [EventBatchResponse]()) { $0.append($1) }
            }
            // Then
            let results = answers.flatMap(\.results)
            let accepted = results.filter { $0.status == .accepted }.map(\.eventID)
            #expect(accepted.count == all.count, "each event accepted exactly once across both replicas")
            #expect(Set(accepted) == all)
            #expect(results.allSatisfy { $0.status != .rejected })
            let counts = try await a.storage.eventCounts()
            #expect(counts.events == all.count)
            #expect(counts.distinct == all.count)
        }
    }

    @Test("A real sync client and raw retries through another replica store each event once")
    func syncClientAndRetriesThroughOtherReplica() async throws {
        try await Self.withReplicas { a, b in
            // Given: a device with 600 events in its outbox
            let credentials = try await a.enrol()
            let directory = NSTemporaryDirectory() + "careconnect-replica-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let store = try MessageStore(path: directory + "/careconnect.sqlite")
            let count = 600
            try await store.writer.write { db in
                for index in 0..<count {
                    try db.execute(
                        sql: "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                        arguments: [
                            UUID().uuidString.lowercased(), "sms.received",
                            #"{"from":"+447700900\#(100 + index % 800)","text":"text \#(index)","parts":1}"#,
                            Int64(Date().timeIntervalSince1970 * 1_000),
                        ]
                    )
                }
            }
            let outbox = try store.nextSyncBatch(maxEvents: count, maxBytes: 100 * 1024 * 1024)
            let copies = outbox.map { event in
                SyncEvent(
                    eventID: event.eventID,
                    seq: event.seq,
                    type: event.kind,
                    occurredAt: event.createdAt,
                    payload: (try? SyncJSON.decoder().decode(JSONValue.self, from: Data(event.payload.utf8))) ?? .null
                )
            }
            var logger = Logger(label: "test.sync")
            logger.logLevel = .critical
            let engine = SyncEngine(
                store: store,
                connection: b.connection,
                credentials: credentials,
                settings: SyncSettings(
                    backoff: FullJitterBackoff(base: .milliseconds(10), cap: .milliseconds(200)),
                    maxEvents: 100,
                    longPollSeconds: 1,
                    idleInterval: .milliseconds(50)
                ),
                logger: logger
            )
            // When: the engine uploads through B while the same events arrive through A in batches of 75
            async let uploaded: Void = engine.uploadUntilDrained()
            for start in stride(from: 0, to: count, by: 75) {
                let batch = TestEvents.batch(
                    Array(copies[start..<min(start + 75, count)]),
                    device: credentials.deviceID
                )
                let answer = try await a.post(batch, token: credentials.token)
                #expect(answer.status == 200)
            }
            try await uploaded
            // Then
            let counts = try await b.storage.eventCounts()
            #expect(counts.events == count)
            #expect(counts.distinct == count)
            #expect(try store.syncBacklog() == 0, "the device's outbox drained")
        }
    }

    @Test("A long-poll on one replica wakes at once for a command made on another")
    func longPollWakesAcrossReplicas() async throws {
        try await Self.withReplicas { a, b in
            // Given
            let device = try await a.enrol(ward: "Ward 5")
            let start = try await a.commands(token: device.token)
            // When
            let began = ContinuousClock.now
            async let polled = a.commands(token: device.token, after: start.nextCursor, wait: 20)
            try await Task.sleep(for: .milliseconds(500))
            let reply = try await b.connection.send(
                "POST",
                "/wards/Ward%205/replies",
                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Data("to=%2B447700900123&text=On+our+way".utf8)
            )
            let woken = try await polled
            let waited = ContinuousClock.now - began
            // Then
            // The client follows the 303 back to the ward page, which confirms the reply.
            #expect(reply.status == 200)
            #expect(String(decoding: reply.body, as: UTF8.self).contains("on its way"))
            #expect(woken.commands.map { $0.payload["text"]?.stringValue } == ["On our way"])
            // The fallback re-query runs every 5 s: waking well before that is the notification's doing.
            #expect(waited < .milliseconds(2_500), "woke after \(waited)")
            print("hub replicas: a long-poll on replica A woke \(waited) after it began (command made at 0.5 s on B)")
        }
    }

    @Test("A second request with an Idempotency-Key still in flight is refused with 409, then replayed")
    func idempotencyKeyInFlight() async throws {
        try await Self.withReplicas { a, _ in
            let device = try await a.enrol()
            let batch = TestEvents.batch(TestEvents.texts(2), device: device.deviceID)
            let settings = try #require((a.storage as? PostgresHubStore)?.settings)
            // Given: another replica is answering key k-busy (its transaction holds the key's lock)
            let (held, release) = AsyncStream.makeStream(of: Void.self)
            let (done, finish) = AsyncStream.makeStream(of: Void.self)
            let holder = Task {
                try await TestPostgres.withClient(settings, timeout: .seconds(60)) { client in
                    try await client.withTransaction(logger: Backend.logger) { connection in
                        _ = try await connection.query(
                            "SELECT pg_advisory_xact_lock(hashtext(\(device.deviceID)), hashtext('k-busy'))",
                            logger: Backend.logger
                        )
                        .collect()
                        release.yield()
                        for await _ in done { break }
                    }
                }
            }
            for await _ in held { break }
            // When
            let busy = try await a.post(batch, token: device.token, key: "k-busy")
            finish.yield()
            try await holder.value
            let later = try await a.post(batch, token: device.token, key: "k-busy")
            let replay = try await a.post(batch, token: device.token, key: "k-busy")
            // Then
            #expect(busy.status == 409)
            #expect(later.status == 200)
            #expect(replay.body == later.body)
            #expect(try await a.storage.eventCounts().events == 2)
        }
    }

    @Test("Replicas starting at once migrate the database once, safely")
    func concurrentMigrations() async throws {
        try await TestPostgres.withDatabase { settings in
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await PostgresHubStore.withRunning(settings: settings, logger: Backend.logger) { store in
                            try await store.appliedSchemaVersion()
                        }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(versions == Array(repeating: PostgresHubStore.schemaVersion, count: 4))
            let rows = try await TestPostgres.withClient(settings) { client in
                try await client.query("SELECT version FROM hub_migrations ORDER BY version").collect()
                    .map { try $0.decode(Int32.self) }
            }
            #expect(rows.map(Int.init) == PostgresHubStore.migrations.map(\.version))
        }
    }

    @Test("A database migrated by a newer hub is refused with a clear error")
    func schemaNewerThanBinary() async throws {
        try await TestPostgres.withDatabase { settings in
            // Given
            try await PostgresHubStore.withRunning(settings: settings, logger: Backend.logger) { _ in }
            _ = try await TestPostgres.withClient(settings) { client in
                try await client.query("INSERT INTO hub_migrations (version, name) VALUES (9999, 'from the future')")
                    .collect()
            }
            // When
            let error = await #expect(throws: HubDatabaseError.self) {
                try await PostgresHubStore.withRunning(settings: settings, logger: Backend.logger) { _ in }
            }
            // Then
            #expect(error?.code == .schemaTooNew)
            #expect(error?.detail.contains("9999") == true)
        }
    }

    @Test("An unreachable server or a missing database is reported clearly, without the password")
    func unreachableServer() async throws {
        let settings = try TestPostgres.settings()
        let port = try FreePort.pick()
        let nowhere = try PostgresHubSettings(
            url: "postgres://careconnect_test@127.0.0.1:\(port)/hub?sslmode=disable&connect_timeout=2",
            environment: ["PGPASSWORD": "s3cret-never-shown"]
        )
        let began = ContinuousClock.now
        let refused = await #expect(throws: HubDatabaseError.self) {
            try await PostgresHubStore.withRunning(settings: nowhere, logger: Backend.logger) { _ in }
        }
        #expect(refused?.code == .unreachable)
        #expect(refused?.detail.contains("127.0.0.1:\(port)") == true)
        #expect(refused?.detail.contains("s3cret") == false)
        #expect(ContinuousClock.now - began < .seconds(20))
        let missing = await #expect(throws: HubDatabaseError.self) {
            try await PostgresHubStore.withRunning(
                settings: settings.with(database: "no_such_database"),
                logger: Backend.logger
            ) { _ in }
        }
        #expect(missing?.code == .unreachable)
        #expect(missing?.detail.contains("no_such_database") == true)
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on (bound once, then closed).
enum FreePort {
    static func pick() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestFailure("socket() failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else { throw TestFailure("bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
