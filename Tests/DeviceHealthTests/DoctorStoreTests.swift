// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceHealth
import Foundation
import GRDB
import MessageStore
import ModemDiscovery
import Testing

/// The doctor's queue checks and the metrics file, against a real SQLite database with a backlog.
@Suite struct DoctorStoreTests {
    /// A database with `events` sync events, the oldest `age` seconds old, a queued reply and a dead letter.
    static func database(in directory: String, events: Int, age: TimeInterval, lastSync: Date?) throws -> MessageStore {
        let store = try MessageStore(path: directory + "/careconnect.sqlite")
        let now = Date()
        try store.enqueueOutbound(to: "+447700900123", text: "Thank you", origin: "conversation", now: now)
        let queue = try DatabaseQueue(path: directory + "/careconnect.sqlite")
        try queue.write { db in
            for index in 0..<events {
                let created = Int64((now.timeIntervalSince1970 - age + Double(index)) * 1_000)
                try db.execute(
                    sql:
                        "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, 'test.event', '{}', ?)",
                    arguments: ["event-\(index)", created]
                )
            }
        }
        try store.deadLetterSyncEvent(eventID: "event-0", error: "rejected by the hub", now: now)
        if let lastSync {
            try store.setSyncState([.lastSuccessAt: "\(Int64(lastSync.timeIntervalSince1970 * 1_000))"], now: now)
        }
        return store
    }

    func report(_ directory: String) async throws -> HealthReport {
        try write(
            "[ward]\nname = \"Ward 7\"\ntrust_ods = \"RXX\"\n[sync]\nhub = \"https://hub.example.nhs.uk\"\n",
            to: directory + "/c.toml"
        )
        let doctor = DeviceDoctor(
            configurationPath: directory + "/c.toml",
            stateDirectory: directory,
            finder: StaticModemFinder([]),
            modem: InMemoryModemProber(ModemFacts(port: .missing)),
            hub: InMemoryHubProber(.reachable(serverTime: Date(), roundTrip: .milliseconds(3))),
            services: InMemorySystemServices(states: nil),
            kiosk: InMemoryKioskProber(screen: nil, touch: nil),
            checksKiosk: false
        )
        return await doctor.run()
    }

    @Test func dayOldBacklogFails() async throws {
        let directory = try temporaryDirectory("doctor-store")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Self.database(
            in: directory,
            events: 40,
            age: 2 * 86_400,
            lastSync: Date().addingTimeInterval(-3 * 86_400)
        )
        let report = try await report(directory)
        // One of the 40 events became a dead letter.
        #expect(report["sync.backlog"]?.verdict == .failure)
        #expect(report["sync.backlog"]?.summary == "39 events waiting for the hub, the oldest for 2 days")
        #expect(report["sync.last_success"]?.verdict == .failure)
        #expect(report["sync.last_success"]?.summary.hasPrefix("Last successful sync 3 days ago") == true)
        #expect(report["errors"]?.verdict == .warning)
        #expect(report["errors"]?.summary.contains("1 dead letter") == true)
        #expect(report["queue.replies"]?.summary == "1 reply waiting to be texted")
        #expect(report.exitStatus == 2)
    }

    @Test func freshBacklogIsFine() async throws {
        let directory = try temporaryDirectory("doctor-store")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Self.database(in: directory, events: 3, age: 60, lastSync: Date().addingTimeInterval(-30))
        let report = try await report(directory)
        #expect(report["sync.backlog"]?.verdict == .ok)
        #expect(report["sync.last_success"]?.verdict == .ok)
    }

    @Test func aPINRefusalRecordedBySmsdIsAFailureWithoutShowingThePIN() async throws {
        let directory = try temporaryDirectory("doctor-store")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Self.database(in: directory, events: 1, age: 10, lastSync: Date())
        try store.recordSIMPINRefusal(
            sim: "8944303212345678901",
            pin: "1111",
            attemptsLeft: 2,
            answer: "+CME ERROR: 16",
            now: Date()
        )
        let report = try await report(directory)
        let check = try #require(report["modem.pin_refused"])
        #expect(check.verdict == .failure)
        #expect(check.summary.contains("SIM 8944303212345678901 refused the PIN (+CME ERROR: 16, 2 attempts left)"))
        #expect(!check.summary.contains("1111"))
        #expect(report.exitStatus == 2)
    }

    @Test func hourOldBacklogWarns() async throws {
        let directory = try temporaryDirectory("doctor-store")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Self.database(in: directory, events: 5, age: 2 * 3_600, lastSync: nil)
        let report = try await report(directory)
        #expect(report["sync.backlog"]?.verdict == .warning)
        #expect(report["sync.last_success"]?.summary == "Never synced with the hub yet")
    }
}
