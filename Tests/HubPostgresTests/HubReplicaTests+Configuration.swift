// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Hub
import SyncClient
import SyncProtocol
import Testing

/// A ward's managed settings set through several replicas at once.
extension HubReplicaTests {
    @Test("Settings set at once through two replicas get distinct versions, and commands follow their order")
    func concurrentSettingsGetDistinctVersions() async throws {
        try await Self.withReplicas { a, b in
            // Given
            let gateway = try await a.enrol(ward: "Ward 1")
            let kiosk = try await b.enrol(ward: "Ward 1", kind: "kiosk")
            let count = 16
            // When: half through each replica, all at once
            let changes = try await withThrowingTaskGroup(of: HubConfigurationChange.self) { group in
                for index in 0..<count {
                    let storage = index % 2 == 0 ? a.storage : b.storage
                    group.addTask {
                        try await storage.setWardConfiguration(
                            ward: "Ward 1",
                            config: .object(["conversation": .object(["max_replies_per_day": .integer(Int64(index))])]),
                            now: Date()
                        )
                    }
                }
                return try await group.reduce(into: [HubConfigurationChange]()) { $0.append($1) }
            }
            // Then
            let etags = changes.map(\.etag)
            #expect(Set(etags) == Set((1...count).map { "\"v\($0)\"" }), "each version exactly once: \(etags)")
            #expect(try await a.storage.wardConfiguration("Ward 1").etag == "\"v\(count)\"")
            for device in [gateway, kiosk] {
                let commands = try await b.commands(token: device.token).commands
                let versions = commands.compactMap { ConfigurationDocument($0.payload)?.etag }
                #expect(versions == (1...count).map { "\"v\($0)\"" }, "the newest settings are the last command")
            }
        }
    }

    @Test("A long-poll on one replica wakes at once for settings set on another")
    func longPollWakesForSettingsAcrossReplicas() async throws {
        try await Self.withReplicas { a, b in
            let device = try await a.enrol(ward: "Ward 2", kind: "kiosk")
            let start = try await a.commands(token: device.token)
            let began = ContinuousClock.now
            async let polled = a.commands(token: device.token, after: start.nextCursor, wait: 20)
            try await Task.sleep(for: .milliseconds(500))
            let change = try await b.storage.setWardConfiguration(
                ward: "Ward 2",
                config: .object(["kiosk": .object(["idle_seconds": .integer(45)])]),
                now: Date()
            )
            let woken = try await polled
            let waited = ContinuousClock.now - began
            #expect(woken.commands.map(\.commandID) == change.commandIDs)
            // The fallback re-query runs every 5 s: waking well before that is the notification's doing.
            #expect(waited < .milliseconds(2_500), "woke after \(waited)")
        }
    }
}
