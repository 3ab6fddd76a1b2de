// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import Hub
import MessageStore
import SyncClient
import SyncProtocol
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real `careconnect sync` drains a device database through a ``FaultProxy`` to a real hub while it is killed
/// with SIGKILL at random moments. Size and seed come from SYNC_CHAOS_EVENTS (default 2,000; `make crash-test`
/// runs 10,000) and SYNC_CHAOS_SEED (default: a fresh one, printed).
@Suite("careconnect sync through a faulty network, killed at random", .serialized, .timeLimit(.minutes(40)))
struct ChaosTests {
    static var events: Int { Int(ProcessInfo.processInfo.environment["SYNC_CHAOS_EVENTS"] ?? "") ?? 2_000 }
    static var seed: UInt64 {
        UInt64(ProcessInfo.processInfo.environment["SYNC_CHAOS_SEED"] ?? "") ?? UInt64.random(in: 1...999_999_999)
    }
    /// One event as the device queued it.
    struct Queued: Sendable {
        var seq: Int64
        var eventID: String
    }

    /// Events of a type the hub does not know, mixed in on purpose: they must end as dead letters, nothing else.
    static let deliberatelyRejected = 5

    @Test("Through drops, stale and duplicated answers, error statuses and kill -9, every event arrives once")
    func chaos() async throws {
        let seed = Self.seed
        let total = Self.events
        print("sync chaos: \(total) events, seed \(seed) (SYNC_CHAOS_SEED=\(seed) repeats the fault draws)")
        try await RunningHub.with(configuration: HubConfiguration(maxEvents: 100)) { hub in
            // Given a device database with a backlog written through the kiosk's own store calls
            let state = try temporaryDirectory("sync-chaos")
            let store = try MessageStore(path: state + "/careconnect.sqlite")
            var random = SeededRandom(seed: seed)
            try Self.recordKioskAnswers(total - Self.deliberatelyRejected, into: store, using: &random)
            let rejectedIDs = try Self.recordUnknownEvents(Self.deliberatelyRejected, into: store)
            let expected = try await store.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT seq, event_id FROM sync_outbox").map {
                    Queued(seq: $0["seq"], eventID: $0["event_id"])
                }
            }
            let connection = try HubConnection(baseURL: hub.url, timeout: .seconds(10))
            let credentials = try await hub.enrolDevice(ward: "Ward 7", connection: connection)
            try credentials.save(path: DeviceCredentials.path(stateDirectory: state))
            let proxy = try FaultProxy(upstreamPort: hub.port, seed: seed)
            defer { proxy.stop() }

            // When sync runs through the proxy, killed after a random 0.3–3 s, and restarted until it exits drained
            let start = ContinuousClock.now
            let deadline = start + .seconds(max(120, total / 8))
            var kills = 0
            var runs = 0
            var backlogAfterKills: [Int] = []
            var drained = false
            while ContinuousClock.now < deadline {
                runs += 1
                let process = try Self.startSync(state: state, hub: proxy.url)
                let life = ContinuousClock.now + .milliseconds(proxy.draw(300...3_000))
                while process.isRunning, ContinuousClock.now < life {
                    try await Task.sleep(for: .milliseconds(10))
                }
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    kills += 1
                    await SyncCrashTests.waitForExit(process)
                    if kills % 25 == 0 {
                        let left = try store.syncBacklog()
                        backlogAfterKills.append(left)
                        print("sync chaos: \(kills) kills, \(left) events still queued")
                    }
                    continue
                }
                #expect(process.terminationStatus == 0, "careconnect sync exited \(process.terminationStatus)")
                if process.terminationStatus == 0 {
                    drained = true
                    break
                }
            }
            let elapsed = ContinuousClock.now - start
            proxy.stop()

            // Then the hub holds every event exactly once, with every sequence number, and the device is empty
            #expect(drained, "the outbox did not drain before the deadline")
            let hubRows = try Self.hubEvents(hub: hub, deviceID: credentials.deviceID)
            let expectedIDs = Set(expected.map(\.eventID)).subtracting(rejectedIDs)
            let hubIDs = hubRows.map(\.eventID)
            #expect(hubIDs.count == expectedIDs.count, "events on the hub")
            #expect(Set(hubIDs).count == hubIDs.count, "no event stored twice")
            #expect(Set(hubIDs) == expectedIDs, "the hub holds exactly the device's events")
            let deadLetters = try store.syncDeadLetters()
            #expect(Set(deadLetters.map(\.eventID)) == rejectedIDs, "only the unknown events are dead letters")
            #expect(deadLetters.allSatisfy { $0.error.contains("unknown_type") })
            let seqOnHub = Set(hubRows.map(\.seq))
            let seqRejected = Set(expected.filter { rejectedIDs.contains($0.eventID) }.map(\.seq))
            #expect(seqOnHub.union(seqRejected) == Set(expected.map(\.seq)), "no sequence number is missing")
            #expect(seqOnHub.isDisjoint(with: seqRejected))
            #expect(try Self.hubHighWater(hub: hub, deviceID: credentials.deviceID) == expected.map(\.seq).max())
            #expect(try store.syncBacklog() == 0)
            let counts = proxy.counts
            let faults = counts.filter { $0.key != .none }.values.reduce(0, +)
            #expect(faults > 0, "the proxy put faults into some exchanges")
            let byKind = counts.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }
            print(
                "sync chaos: \(total) events (\(Self.deliberatelyRejected) deliberately unknown) in "
                    + String(format: "%.1f s", Double(elapsed.milliseconds) / 1_000)
                    + "; \(runs) runs of careconnect sync, \(kills) killed with SIGKILL; "
                    + "\(counts.values.reduce(0, +)) exchanges, \(faults) with a fault: \(byKind.joined(separator: ", ")); "
                    + "backlog every 25 kills \(backlogAfterKills); hub: \(hubIDs.count) events, "
                    + "\(Set(hubIDs).count) distinct; dead letters \(deadLetters.count); seed \(seed)"
            )
        }
    }

    /// `careconnect sync --until-drained` on the device's state directory, with no configuration file.
    static func startSync(state: String, hub: String) throws -> Process {
        let process = Process()
        process.executableURL = SyncCrashTests.binary
        process.arguments = [
            "sync", "--config", "/nonexistent/careconnect.toml", "--state-dir", state, "--hub", hub, "--max-events",
            "50", "--until-drained", "--log-level", "critical",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Kiosk answers with varied ratings, languages, comments and categories, each in its own transaction as the
    /// kiosk writes them (synchronous off while the backlog is built, as only the sync side is under test).
    static func recordKioskAnswers(_ count: Int, into store: MessageStore, using random: inout SeededRandom) throws {
        let comments = [
            "The nurses were kind and explained everything.", "Waited a long time for pain relief at night.",
            "Food was cold twice.", "Clean ward, friendly staff.", "Nobody told me when I would go home.",
            "Excellent care from the physiotherapists.", "The call bell took too long to be answered.",
            "Parking was impossible.", nil, nil,
        ]
        let languages = ["en", "cy", "pl", "ur", "pa", "ro", "bn"]
        let categories = ["staff", "delays", "communication", "cleanliness", "food", "parking", "dignity"]
        try store.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        defer {
            _ = try? store.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        for index in 0..<count {
            let created = start.addingTimeInterval(Double(index) * 37)
            let comment = comments.randomElement(using: &random) ?? nil
            try store.recordKioskResponse(
                KioskResponseRecord(
                    id: UUID().uuidString.lowercased(),
                    createdAt: created,
                    localTime: ISO8601DateFormatter().string(from: created),
                    trustCode: "RXH",
                    siteCode: "RXH01",
                    ward: "Ward 7",
                    specialtyCodes: ["300"],
                    surveyVersion: "fft-2020-1",
                    language: languages.randomElement(using: &random) ?? "en",
                    mode: "Inpatient",
                    rating: Int.random(in: 1...6, using: &random),
                    comment: comment.map { "\($0) (\(index))" },
                    categories: comment == nil ? [] : [categories.randomElement(using: &random) ?? "other"]
                )
            )
        }
    }

    /// Events of a type no hub knows, written straight into the outbox: the hub must reject each of them.
    static func recordUnknownEvents(_ count: Int, into store: MessageStore) throws -> Set<String> {
        try store.writer.write { db in
            var ids: Set<String> = []
            for index in 0..<count {
                let id = UUID().uuidString.lowercased()
                try db.execute(
                    sql:
                        "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, 'ward.unknown', ?, ?)",
                    arguments: [id, #"{"n":\#(index)}"#, 1_795_000_000_000 + Int64(index)]
                )
                ids.insert(id)
            }
            return ids
        }
    }

    /// The hub's events of one device, read from its database file.
    static func hubEvents(hub: RunningHub, deviceID: String) throws -> [(eventID: String, seq: Int64)] {
        try hubDatabase(hub).read { db in
            try Row.fetchAll(db, sql: "SELECT event_id, seq FROM event WHERE device_id = ?", arguments: [deviceID])
                .map { (eventID: $0["event_id"] as String, seq: $0["seq"] as Int64) }
        }
    }

    static func hubHighWater(hub: RunningHub, deviceID: String) throws -> Int64? {
        try hubDatabase(hub).read { db in
            try Int64.fetchOne(
                db,
                sql: "SELECT high_water_seq FROM device WHERE device_id = ?",
                arguments: [deviceID]
            )
        }
    }

    static func hubDatabase(_ hub: RunningHub) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: hub.directory + "/hub.sqlite", configuration: configuration)
    }
}
