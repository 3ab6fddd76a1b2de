// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Hub
import MessageStore
import SyncClient
import SyncProtocol
import Testing

/// Drains a backlog to a local hub and reports events per second and bytes per event on the wire. The size comes
/// from SYNC_BENCH_EVENTS (default 2,000).
@Suite("Sync throughput", .serialized, .timeLimit(.minutes(5)))
struct SyncBenchmarkTests {
    static var events: Int { Int(ProcessInfo.processInfo.environment["SYNC_BENCH_EVENTS"] ?? "") ?? 2_000 }

    @Test("A backlog drains completely, and gzip keeps each event small on the wire")
    func drainBacklog() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            try device.record(Self.events, textSize: 120)
            let start = ContinuousClock.now
            // When
            try await device.engine.uploadUntilDrained()
            let elapsed = ContinuousClock.now - start
            // Then
            let seconds = Double(elapsed.milliseconds) / 1_000
            let bytes = await device.engine.uploadedBytes
            let requests = await device.engine.requests
            #expect(try hub.store.eventCounts().events == Self.events)
            #expect(try device.store.syncBacklog() == 0)
            #expect(bytes < Self.events * 120, "compressed batches are smaller than the raw texts alone")
            print(
                "sync bench: \(Self.events) events in \(requests) batches, \(String(format: "%.2f", seconds)) s, "
                    + "\(Int(Double(Self.events) / max(seconds, 0.001))) events/s, "
                    + "\(bytes / max(Self.events, 1)) bytes/event on the wire (gzip)"
            )
        }
    }
}
