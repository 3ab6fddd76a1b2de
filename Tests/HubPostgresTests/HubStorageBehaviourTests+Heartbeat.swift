// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Hub
import SyncClient
import SyncProtocol
import Testing

/// Device heartbeats and what the hub shows of them, on both storages.
extension HubStorageBehaviourTests {
    @Test(
        "A heartbeat updates its device's status; an older or repeated one does not overwrite a newer one",
        arguments: Backend.available
    )
    func heartbeatUpdatesStatus(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given: a gateway that reports, and a kiosk that never does
                let gateway = try await hub.enrol(ward: "Ward 5")
                let kiosk = try await hub.enrol(ward: "Ward 5", kind: "kiosk")
                let base = Date(timeIntervalSince1970: 1_800_000_000)
                let newer = TestEvents.heartbeat(
                    seq: 1,
                    at: base,
                    DeviceHeartbeat(
                        configETag: "\"v2\"",
                        queueDepth: 3,
                        oldestUnsentSeconds: 42,
                        outgoingTexts: 1,
                        signalBars: 4,
                        appVersion: "1.4.0"
                    )
                )
                let older = TestEvents.heartbeat(
                    seq: 2,
                    at: base.addingTimeInterval(-60),
                    DeviceHeartbeat(configETag: "\"v1\"", queueDepth: 90, oldestUnsentSeconds: 600, appVersion: "1.3.0")
                )
                let latest = TestEvents.heartbeat(
                    seq: 4,
                    at: base.addingTimeInterval(60),
                    DeviceHeartbeat(configETag: nil, queueDepth: 0, oldestUnsentSeconds: nil, appVersion: "1.5.0")
                )
                // When: the newer one first, then a late older one and a copy of the newer one
                let first = try await hub.post(
                    TestEvents.batch([newer], device: gateway.deviceID),
                    token: gateway.token
                )
                let late = try await hub.post(
                    TestEvents.batch([older, newer], device: gateway.deviceID),
                    token: gateway.token
                )
                let afterLate = try await storage.deviceStatuses(ward: "Ward 5")
                _ = try await hub.post(TestEvents.batch([latest], device: gateway.deviceID), token: gateway.token)
                let afterLatest = try await storage.deviceStatuses(ward: "Ward 5")
                // Then
                let decoder = SyncJSON.decoder()
                #expect(
                    try decoder.decode(EventBatchResponse.self, from: first.body).results.map(\.status) == [.accepted]
                )
                #expect(
                    try decoder.decode(EventBatchResponse.self, from: late.body).results.map(\.status)
                        == [.accepted, .duplicate],
                    "heartbeats are stored as events"
                )
                #expect(afterLate.map(\.deviceID) == [gateway.deviceID, kiosk.deviceID])
                let reported = try #require(afterLate.first)
                #expect(reported.lastHeartbeatAt == base)
                #expect(reported.configETag == "\"v2\"")
                #expect(reported.queueDepth == 3, "the older heartbeat did not overwrite the newer one")
                #expect(reported.oldestUnsentSeconds == 42)
                #expect(reported.outgoingTexts == 1)
                #expect(reported.signalBars == 4)
                #expect(reported.appVersion == "1.4.0")
                #expect(reported.kind == "sms-gateway")
                #expect(reported.lastUploadAt != nil)
                let silent = afterLate[1]
                #expect(silent.kind == "kiosk")
                #expect(silent.lastHeartbeatAt == nil)
                #expect(silent.queueDepth == nil)
                #expect(silent.appVersion == "test", "the version it enrolled with")
                #expect(silent.hasSettings("\"v0\"") == nil)
                let updated = try #require(afterLatest.first)
                #expect(updated.lastHeartbeatAt == base.addingTimeInterval(60))
                #expect(updated.configETag == nil)
                #expect(updated.queueDepth == 0)
                #expect(updated.oldestUnsentSeconds == nil)
                #expect(updated.signalBars == nil)
                #expect(updated.appVersion == "1.5.0")
                #expect(updated.hasSettings(ConfigurationDocument.emptyETag) == true)
                #expect(updated.hasSettings("\"v2\"") == false)
                #expect(try await storage.eventCounts().events == 3)
            }
        }
    }

    @Test("A heartbeat without a whole queue_depth or an app_version is rejected", arguments: Backend.available)
    func invalidHeartbeatRejected(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given
                let device = try await hub.enrol(ward: "Ward 5")
                let payloads: [JSONValue] = [
                    .object(["app_version": .string("1.0")]),
                    .object(["queue_depth": .string("3"), "app_version": .string("1.0")]),
                    .object(["queue_depth": .number(2.5), "app_version": .string("1.0")]),
                    .object(["queue_depth": .integer(3)]),
                ]
                let events = payloads.enumerated().map { index, payload in
                    SyncEvent(
                        eventID: UUID().uuidString.lowercased(),
                        seq: Int64(index + 1),
                        type: "device.heartbeat",
                        occurredAt: Date(),
                        payload: payload
                    )
                }
                // When
                let answer = try await hub.post(TestEvents.batch(events, device: device.deviceID), token: device.token)
                // Then
                #expect(answer.status == 200)
                let results = try SyncJSON.decoder().decode(EventBatchResponse.self, from: answer.body).results
                #expect(results.map(\.status) == Array(repeating: .rejected, count: 4))
                #expect(results.allSatisfy { $0.error?.code == "invalid_event" })
                #expect(results.allSatisfy { $0.error?.message?.contains("queue_depth") == true })
                #expect(try await storage.eventCounts().events == 0)
                #expect(try await storage.deviceStatuses(ward: "Ward 5").first?.lastHeartbeatAt == nil)
            }
        }
    }

    @Test(
        "The ward page shows each device's heartbeat and settings version, and the managed settings, escaped",
        arguments: Backend.available
    )
    func wardPageShowsDevicesAndSettings(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given: settings v1; the gateway runs them, the kiosk runs none
                let gateway = try await hub.enrol(ward: "Ward 9")
                let kiosk = try await hub.enrol(ward: "Ward 9", kind: "kiosk")
                let change = try await storage.setWardConfiguration(
                    ward: "Ward 9",
                    config: .object(["ward": .object(["name": .string("<b>Ward 9 & Day Unit</b>")])]),
                    now: Date()
                )
                let now = Date()
                let current = TestEvents.heartbeat(
                    seq: 1,
                    at: now.addingTimeInterval(-180),
                    DeviceHeartbeat(
                        configETag: change.etag,
                        queueDepth: 7,
                        oldestUnsentSeconds: 300,
                        outgoingTexts: 2,
                        signalBars: 3,
                        appVersion: "1.4.0"
                    )
                )
                let behind = TestEvents.heartbeat(
                    seq: 1,
                    at: now.addingTimeInterval(-30),
                    DeviceHeartbeat(configETag: nil, queueDepth: 0, oldestUnsentSeconds: nil, appVersion: "1.4.0")
                )
                _ = try await hub.post(TestEvents.batch([current], device: gateway.deviceID), token: gateway.token)
                _ = try await hub.post(TestEvents.batch([behind], device: kiosk.deviceID), token: kiosk.token)
                // When
                let page = try await hub.connection.send("GET", "/wards/Ward%209")
                // Then
                #expect(page.status == 200)
                let html = String(decoding: page.body, as: UTF8.self)
                let rows = html.components(separatedBy: "<tr>")
                let gatewayRow = try #require(rows.first { $0.contains("<td>\(gateway.deviceID)</td>") })
                let kioskRow = try #require(rows.first { $0.contains("<td>\(kiosk.deviceID)</td>") })
                #expect(html.contains("<h2>Devices</h2>"))
                #expect(gatewayRow.contains("v1 (current)"))
                #expect(gatewayRow.contains("3 min ago"))
                #expect(gatewayRow.contains("<td>7</td>"))
                #expect(gatewayRow.contains("5 min"))
                #expect(gatewayRow.contains("3 of 5"))
                #expect(kioskRow.contains("v0 <strong>(behind)</strong>"))
                #expect(kioskRow.contains("s ago"))
                #expect(html.contains("<h2>Managed settings</h2>"))
                #expect(html.contains("Version v1"))
                #expect(html.contains("&lt;b&gt;Ward 9 &amp; Day Unit&lt;/b&gt;"))
                #expect(!html.contains("<b>Ward 9"), "the document is escaped")
                for commandID in change.commandIDs {
                    #expect(!html.contains(commandID), "settings commands are not listed as replies")
                }
                // And when the settings are emptied, the gateway is behind and the page says what applies
                _ = try await storage.setWardConfiguration(ward: "Ward 9", config: .object([:]), now: Date())
                let emptied = String(
                    decoding: try await hub.connection.send("GET", "/wards/Ward%209").body,
                    as: UTF8.self
                )
                #expect(emptied.contains("Version v2"))
                #expect(emptied.contains("Empty: each device uses its own configuration file."))
                #expect(
                    emptied.components(separatedBy: "<tr>").contains { $0.contains("v1 <strong>(behind)</strong>") }
                )
            }
        }
    }
}

extension TestEvents {
    /// A `device.heartbeat` event recorded at `date`.
    static func heartbeat(seq: Int64, at date: Date, _ heartbeat: DeviceHeartbeat) -> SyncEvent {
        let payload =
            (try? SyncJSON.decoder().decode(JSONValue.self, from: SyncJSON.encoder().encode(heartbeat))) ?? .null
        return SyncEvent(
            eventID: UUID().uuidString.lowercased(),
            seq: seq,
            type: "device.heartbeat",
            occurredAt: date,
            payload: payload
        )
    }
}
