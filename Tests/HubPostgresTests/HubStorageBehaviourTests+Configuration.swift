// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SyncClient
import SyncProtocol
import Testing

@testable import Hub

/// A ward's managed settings: versions, `config.update` commands and `GET /v1/config`, on both storages.
extension HubStorageBehaviourTests {
    @Test(
        "Setting a ward's settings bumps its version and makes one config.update per device of that ward only",
        arguments: Backend.available
    )
    func settingsVersionsAndCommands(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given: a gateway and a kiosk on Ward 7, a gateway on Ward 8
                let gateway = try await hub.enrol(ward: "Ward 7")
                let kiosk = try await hub.enrol(ward: "Ward 7", kind: "kiosk")
                let other = try await hub.enrol(ward: "Ward 8")
                let unset = try await storage.wardConfiguration("Ward 7")
                let first: JSONValue = .object(["ward": .object(["name": .string("Ward 7")])])
                let second: JSONValue = .object(["conversation": .object(["max_replies_per_day": .integer(4)])])
                // When
                let one = try await storage.setWardConfiguration(ward: "Ward 7", config: first, now: Date())
                let two = try await storage.setWardConfiguration(ward: "Ward 7", config: second, now: Date())
                let refusal = await #expect(throws: HubError.self) {
                    try await storage.setWardConfiguration(ward: "Ward 7", config: .array([]), now: Date())
                }
                // Then
                #expect(unset == ConfigurationDocument(etag: "\"v0\"", config: .object([:])))
                #expect(one.etag == "\"v1\"")
                #expect(two.etag == "\"v2\"")
                #expect(one.commandIDs.count == 2)
                #expect(Set(one.commandIDs + two.commandIDs).count == 4, "every command has its own id")
                #expect(refusal?.code == .badRequest)
                #expect(
                    try await storage.wardConfiguration("Ward 7")
                        == ConfigurationDocument(etag: "\"v2\"", config: second)
                )
                #expect(try await storage.wardConfiguration("Ward 8").etag == ConfigurationDocument.emptyETag)
                for device in [gateway, kiosk] {
                    let commands = try await hub.commands(token: device.token).commands
                    #expect(commands.map(\.type) == [.configUpdate, .configUpdate])
                    #expect(
                        commands.map { ConfigurationDocument($0.payload) } == [
                            ConfigurationDocument(etag: "\"v1\"", config: first),
                            ConfigurationDocument(etag: "\"v2\"", config: second),
                        ]
                    )
                    let lifetime = try #require(commands.first).expiresAt.timeIntervalSince(commands[0].createdAt)
                    #expect(abs(lifetime - HubStorageDefaults.configurationCommandLifetime) < 1)
                }
                #expect(try await hub.commands(token: other.token).commands.isEmpty, "Ward 8 is not told")
                let ids = Set(try await hub.commands(token: gateway.token).commands.map(\.commandID))
                #expect(ids.isSubset(of: Set(one.commandIDs + two.commandIDs)))
            }
        }
    }

    @Test("A long-poll wakes when the ward's settings are set", arguments: Backend.available)
    func longPollWakesForSettings(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given
                let kiosk = try await hub.enrol(ward: "Ward 4", kind: "kiosk")
                let start = try await hub.commands(token: kiosk.token)
                // When
                let began = ContinuousClock.now
                async let polled = hub.commands(token: kiosk.token, after: start.nextCursor, wait: 10)
                try await Task.sleep(for: .milliseconds(300))
                let change = try await storage.setWardConfiguration(
                    ward: "Ward 4",
                    config: .object(["kiosk": .object(["idle_seconds": .integer(90)])]),
                    now: Date()
                )
                let woken = try await polled
                let waited = ContinuousClock.now - began
                // Then
                #expect(woken.commands.map(\.commandID) == change.commandIDs)
                #expect(woken.commands.first?.payload["etag"]?.stringValue == "\"v1\"")
                #expect(waited < .seconds(3), "woken by the change, not by the 10 s timeout (took \(waited))")
            }
        }
    }

    @Test(
        "GET /v1/config answers the document with its ETag, and 304 when If-None-Match names it",
        arguments: Backend.available
    )
    func configEndpoint(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given
                let device = try await hub.enrol(ward: "Ward 2")
                let elsewhere = try await hub.enrol(ward: "Ward 3")
                let bearer = ("Authorization", "Bearer \(device.token)")
                let before = try await RawHTTP.get(port: hub.port, "/v1/config", headers: [bearer])
                let config: JSONValue = .object(["ward": .object(["name": .string("Ward 2 (Day Surgery)")])])
                _ = try await storage.setWardConfiguration(ward: "Ward 2", config: config, now: Date())
                // When
                let current = try await RawHTTP.get(port: hub.port, "/v1/config", headers: [bearer])
                func conditional(_ value: String) async throws -> RawHTTP.Answer {
                    try await RawHTTP.get(port: hub.port, "/v1/config", headers: [bearer, ("If-None-Match", value)])
                }
                let same = try await conditional("\"v1\"")
                let weak = try await conditional("W/\"v1\"")
                let listed = try await conditional("\"v0\", W/\"v7\" , \"v1\"")
                let star = try await conditional("*")
                let stale = try await conditional("\"v0\"")
                let staleList = try await conditional("\"v0\", \"v2\"")
                let noToken = try await RawHTTP.get(port: hub.port, "/v1/config")
                let badToken = try await RawHTTP.get(
                    port: hub.port,
                    "/v1/config",
                    headers: [("Authorization", "Bearer not-a-token")]
                )
                let otherWard = try await RawHTTP.get(
                    port: hub.port,
                    "/v1/config",
                    headers: [("Authorization", "Bearer \(elsewhere.token)")]
                )
                // Then
                let decoder = SyncJSON.decoder()
                #expect(before.status == 200)
                #expect(before.header("ETag") == "\"v0\"")
                #expect(
                    try decoder.decode(ConfigurationDocument.self, from: before.body)
                        == ConfigurationDocument(etag: "\"v0\"", config: .object([:]))
                )
                #expect(current.status == 200)
                #expect(current.header("ETag") == "\"v1\"")
                #expect(current.header("Content-Type") == "application/json")
                #expect(
                    try decoder.decode(ConfigurationDocument.self, from: current.body)
                        == ConfigurationDocument(etag: "\"v1\"", config: config)
                )
                for answer in [same, weak, listed, star] {
                    #expect(answer.status == 304)
                    #expect(answer.header("ETag") == "\"v1\"")
                    #expect(answer.body.isEmpty)
                }
                for answer in [stale, staleList] {
                    #expect(answer.status == 200)
                    #expect(answer.body == current.body)
                }
                #expect(noToken.status == 401)
                #expect(badToken.status == 401)
                #expect(badToken.header("WWW-Authenticate") == "Bearer")
                #expect(otherWard.header("ETag") == "\"v0\"", "each device gets its own ward's settings")
            }
        }
    }

    @Test("A config.update command is reported delivered or rejected like any command", arguments: Backend.available)
    func configCommandStatus(backend: Backend) async throws {
        try await backend.withStorage { storage in
            try await TestHub.with(storage: storage) { hub in
                // Given
                let gateway = try await hub.enrol(ward: "Ward 6")
                let kiosk = try await hub.enrol(ward: "Ward 6", kind: "kiosk")
                let change = try await storage.setWardConfiguration(
                    ward: "Ward 6",
                    config: .object(["kiosk": .object(["mode": .string("fft")])]),
                    now: Date()
                )
                let gatewayCommand = try #require(try await hub.commands(token: gateway.token).commands.first)
                let kioskCommand = try #require(try await hub.commands(token: kiosk.token).commands.first)
                func status(_ command: String, _ state: String, reason: String? = nil) -> SyncEvent {
                    var payload: [String: JSONValue] = ["command_id": .string(command), "state": .string(state)]
                    if let reason { payload["reason"] = .string(reason) }
                    return SyncEvent(
                        eventID: UUID().uuidString.lowercased(),
                        seq: 1,
                        type: "command.status",
                        occurredAt: Date(),
                        payload: .object(payload)
                    )
                }
                // When
                let delivered = try await hub.post(
                    TestEvents.batch([status(gatewayCommand.commandID, "delivered")], device: gateway.deviceID),
                    token: gateway.token
                )
                let rejected = try await hub.post(
                    TestEvents.batch(
                        [status(kioskCommand.commandID, "rejected", reason: "kiosk.mode: unknown mode fft")],
                        device: kiosk.deviceID
                    ),
                    token: kiosk.token
                )
                // Then
                let decoder = SyncJSON.decoder()
                #expect(
                    try decoder.decode(EventBatchResponse.self, from: delivered.body).results.map(\.status) == [
                        .accepted
                    ]
                )
                #expect(
                    try decoder.decode(EventBatchResponse.self, from: rejected.body).results.map(\.status) == [
                        .accepted
                    ]
                )
                #expect(Set(change.commandIDs) == [gatewayCommand.commandID, kioskCommand.commandID])
                #expect(try await storage.commandState(gatewayCommand.commandID) == "delivered")
                #expect(try await storage.commandState(kioskCommand.commandID) == "rejected")
            }
        }
    }

    @Test("If-None-Match lists are read as RFC 9110 writes them")
    func ifNoneMatchParsing() {
        #expect(EntityTag.tags("\"a,b\", W/\"c\" ,,\"d\"") == ["\"a,b\"", "W/\"c\"", "\"d\""])
        #expect(EntityTag.noneMatch("\"a,b\", \"v1\"", current: "\"v1\""))
        #expect(!EntityTag.noneMatch("\"a,b\"", current: "\"a\""))
        #expect(EntityTag.noneMatch("v1", current: "\"v1\""), "a tag sent without quotes is still read")
        #expect(!EntityTag.noneMatch("\"v10\"", current: "\"v1\""))
        #expect(!EntityTag.noneMatch("", current: "\"v1\""))
    }
}
