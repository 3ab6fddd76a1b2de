// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import Hub
import MessageStore
import SyncClient
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// kill -9 of `careconnect sync` at random moments: the hub ends with every event exactly once and the device's
/// outbox empties. Sizes come from SYNC_CRASH_EVENTS and SYNC_CRASH_KILLS (defaults 1,000 and 5).
@Suite("careconnect sync under kill -9", .serialized, .timeLimit(.minutes(10)))
struct SyncCrashTests {
    static var events: Int { Int(ProcessInfo.processInfo.environment["SYNC_CRASH_EVENTS"] ?? "") ?? 1_000 }
    static var kills: Int { Int(ProcessInfo.processInfo.environment["SYNC_CRASH_KILLS"] ?? "") ?? 5 }

    static var binary: URL {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [directory, Bundle.main.bundleURL].map { $0.appendingPathComponent("careconnect") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    @Test("Killing the sync process never loses or doubles an event")
    func killNine() async throws {
        try await RunningHub.with(configuration: HubConfiguration(maxEvents: 20)) { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            let state = try temporaryDirectory("sync-crash")
            let store = try MessageStore(path: state + "/careconnect.sqlite")
            try device.credentials.save(path: DeviceCredentials.path(stateDirectory: state))
            try await store.writer.write { db in
                for index in 0..<Self.events {
                    try db.execute(
                        sql:
                            "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, 'sms.received', ?, ?)",
                        arguments: [
                            UUID().uuidString.lowercased(), #"{"from":"+447700900123","text":"n\#(index)"}"#,
                            1_000 + index,
                        ]
                    )
                }
            }
            var backlogs: [Int] = []
            // When
            for _ in 0..<Self.kills {
                let process = try Self.start(state: state, hub: hub.url, untilDrained: false)
                try await Task.sleep(for: .milliseconds(Int.random(in: 150...600)))
                kill(process.processIdentifier, SIGKILL)
                await Self.waitForExit(process)
                backlogs.append(try store.syncBacklog())
            }
            let last = try Self.start(state: state, hub: hub.url, untilDrained: true)
            await Self.waitForExit(last)
            // Then
            #expect(last.terminationStatus == 0)
            // Each start of the service also records a heartbeat; only the texts are counted here.
            let counts = try ChaosTests.hubDatabase(hub).read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) AS n, COUNT(DISTINCT event_id) AS d FROM event WHERE type = 'sms.received'
                        """
                )
            }
            #expect(counts?["n"] == Self.events)
            #expect(counts?["d"] == Self.events)
            #expect(try store.syncBacklog() == 0)
            print("sync crash test: \(Self.events) events, \(Self.kills) kills, backlog after each kill \(backlogs)")
        }
    }

    /// Waits for a process without blocking one of the few threads the hub in this process also needs.
    static func waitForExit(_ process: Process) async {
        while process.isRunning {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    static func start(state: String, hub: String, untilDrained: Bool) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments =
            ["sync", "--state-dir", state, "--hub", hub, "--max-events", "50", "--log-level", "critical"]
            + (untilDrained ? ["--until-drained"] : [])
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
