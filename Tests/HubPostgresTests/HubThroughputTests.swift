// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import Hub
import Logging
import MessageStore
import SyncClient
import SyncProtocol
import Testing

/// Events per second into the hub from real sync clients, on each storage. The size comes from
/// HUB_BENCH_EVENTS (default 2,000 per device) and HUB_BENCH_DEVICES (default 2, uploading at once).
@Suite("Hub ingest throughput", .serialized, .timeLimit(.minutes(10)))
struct HubThroughputTests {
    static var events: Int { Int(ProcessInfo.processInfo.environment["HUB_BENCH_EVENTS"] ?? "") ?? 2_000 }
    static var devices: Int { Int(ProcessInfo.processInfo.environment["HUB_BENCH_DEVICES"] ?? "") ?? 2 }

    @Test("Backlogs from several devices drain completely", arguments: Backend.available)
    func drainBacklogs(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given
                var engines: [(engine: SyncEngine, store: MessageStore)] = []
                var directories: [String] = []
                defer { for directory in directories { try? FileManager.default.removeItem(atPath: directory) } }
                for index in 0..<Self.devices {
                    let credentials = try await hub.enrol(ward: "Ward \(index)")
                    let directory = NSTemporaryDirectory() + "careconnect-bench-\(UUID().uuidString)"
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    directories.append(directory)
                    let store = try MessageStore(path: directory + "/careconnect.sqlite")
                    try Self.record(Self.events, in: store)
                    var logger = Logger(label: "test.sync")
                    logger.logLevel = .critical
                    let engine = SyncEngine(
                        store: store,
                        connection: hub.connection,
                        credentials: credentials,
                        settings: SyncSettings(maxEvents: 250, maxBytes: 512 * 1024),
                        logger: logger
                    )
                    engines.append((engine, store))
                }
                // When
                let start = ContinuousClock.now
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (engine, _) in engines { group.addTask { try await engine.uploadUntilDrained() } }
                    try await group.waitForAll()
                }
                let elapsed = ContinuousClock.now - start
                // Then
                let total = Self.events * Self.devices
                #expect(try await storage.eventCounts().events == total)
                for (_, store) in engines { #expect(try store.syncBacklog() == 0) }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                print(
                    "hub bench (\(backend)): \(total) events from \(Self.devices) devices in "
                        + "\(String(format: "%.2f", seconds)) s, \(Int(Double(total) / max(seconds, 0.001))) events/s"
                )
            }
        }
    }

    static func record(_ count: Int, in store: MessageStore) throws {
        try store.writer.write { db in
            for index in 0..<count {
                try db.execute(
                    sql: "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                    arguments: [
                        UUID().uuidString.lowercased(), "sms.received",
                        #"{"from":"+447700900\#(100 + index % 800)","text":"\#(String(repeating: "x", count: 120))","parts":1}"#,
                        Int64(Date().timeIntervalSince1970 * 1_000),
                    ]
                )
            }
        }
    }
}
