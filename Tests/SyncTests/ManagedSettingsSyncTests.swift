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

@Suite("Managed settings and heartbeats against a real hub", .serialized, .timeLimit(.minutes(1)))
struct ManagedSettingsSyncTests {
    static let wardName: JSONValue = .object(["ward": .object(["name": .string("Ward 7 (Cardiology)")])])

    @Test("A config.update is applied once, and the hub hears it was delivered")
    func configUpdateAppliedOnce() async throws {
        try await RunningHub.with { hub in
            // Given
            let settings = InMemoryManagedSettings()
            let device = try await TestDevice.enrol(at: hub, managedSettings: settings)
            let change = try await hub.storage.setWardConfiguration(ward: "Ward 7", config: Self.wardName, now: Date())
            // When
            let first = try await device.engine.pollCommandsOnce(wait: 1)
            let second = try await device.engine.pollCommandsOnce(wait: 1)
            try await device.engine.uploadUntilDrained()
            // Then
            #expect(first == 1)
            #expect(second == 0)
            #expect(settings.applied == [ConfigurationDocument(etag: change.etag, config: Self.wardName)])
            #expect(change.commandIDs.count == 1)
            let commandID = change.commandIDs.first ?? ""
            #expect(try device.store.hubCommandState(commandID) == "delivered")
            #expect(try hub.store.commandState(commandID) == "delivered", "the command.status event reached the hub")
        }
    }

    @Test("Settings the device refuses are reported rejected, with the key at fault")
    func refusedSettingsAreRejected() async throws {
        try await RunningHub.with { hub in
            // Given
            let settings = InMemoryManagedSettings { document in
                document.config["kiosk"]?["audio_player"] == nil ? nil : "kiosk.audio_player: not a managed key"
            }
            let device = try await TestDevice.enrol(at: hub, managedSettings: settings)
            let config: JSONValue = .object(["kiosk": .object(["audio_player": .string("rm -rf /")])])
            let change = try await hub.storage.setWardConfiguration(ward: "Ward 7", config: config, now: Date())
            // When
            _ = try await device.engine.pollCommandsOnce(wait: 1)
            try await device.engine.uploadUntilDrained()
            // Then
            let commandID = change.commandIDs.first ?? ""
            #expect(settings.applied.isEmpty)
            #expect(try device.store.hubCommandState(commandID) == "rejected")
            #expect(try hub.store.commandState(commandID) == "rejected")
            let reason = try await device.store.writer.read { db in
                try String.fetchOne(
                    db,
                    sql: "SELECT reason FROM hub_command WHERE command_id = ?",
                    arguments: [commandID]
                )
            }
            #expect(reason == "kiosk.audio_player: not a managed key")
            #expect(try device.store.syncState(.configurationProblem)?.contains("kiosk.audio_player") == true)
        }
    }

    @Test("A device that takes no managed settings refuses config.update")
    func deviceWithoutSettingsRefuses() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            let change = try await hub.storage.setWardConfiguration(ward: "Ward 7", config: Self.wardName, now: Date())
            // When
            _ = try await device.engine.pollCommandsOnce(wait: 1)
            try await device.engine.uploadUntilDrained()
            // Then
            #expect(try hub.store.commandState(change.commandIDs.first ?? "") == "rejected")
        }
    }

    @Test("GET /v1/config catches up: applied once, then 304 until the ward's settings change")
    func configCatchUp() async throws {
        try await RunningHub.with { hub in
            // Given
            let settings = InMemoryManagedSettings()
            let device = try await TestDevice.enrol(at: hub, managedSettings: settings)
            // When
            let beforeAny = try await device.engine.refreshConfigurationOnce()
            let first = try await hub.storage.setWardConfiguration(ward: "Ward 7", config: Self.wardName, now: Date())
            let fetched = try await device.engine.refreshConfigurationOnce()
            let again = try await device.engine.refreshConfigurationOnce()
            let cleared = try await hub.storage.setWardConfiguration(ward: "Ward 7", config: .object([:]), now: Date())
            let afterClear = try await device.engine.refreshConfigurationOnce()
            // Then
            #expect(beforeAny == false, "a ward with no managed settings applies nothing")
            #expect(fetched == true)
            #expect(again == false, "If-None-Match with the applied etag is answered 304")
            #expect(afterClear == true)
            #expect(settings.applied.map(\.etag) == [first.etag, cleared.etag])
            #expect(settings.applied.last?.config == .object([:]))
        }
    }

    @Test("A command applied but not finished before a crash is applied again and finished once")
    func crashBetweenApplyAndFinish() async throws {
        // Given: a stored config.update whose settings were put in force, then the process died
        let document = ConfigurationDocument(etag: "\"v4\"", config: Self.wardName)
        let store = try Self.storeWithConfigurationCommand("c-1", document, expiresAt: Date().addingTimeInterval(3_600))
        let settings = InMemoryManagedSettings()
        try settings.apply(document)
        // When: the next process finds the command still received
        let engine = Self.offlineEngine(store: store, settings: settings)
        let finished = try await engine.applyPendingConfiguration()
        let finishedAgain = try await engine.applyPendingConfiguration()
        // Then
        #expect(finished == 1)
        #expect(finishedAgain == 0)
        #expect(settings.applied.map(\.etag) == ["\"v4\"", "\"v4\""], "applying the same settings twice is harmless")
        #expect(try store.hubCommandState("c-1") == "delivered")
        let statuses = try await store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM sync_outbox WHERE kind = 'command.status'")
        }
        #expect(statuses.count == 1)
        #expect(statuses.first?.contains("delivered") == true)
    }

    @Test("A config.update past its expiry is reported expired, not applied")
    func expiredConfigUpdate() async throws {
        // Given
        let document = ConfigurationDocument(etag: "\"v2\"", config: Self.wardName)
        let store = try Self.storeWithConfigurationCommand("c-2", document, expiresAt: Date().addingTimeInterval(0.2))
        let settings = InMemoryManagedSettings()
        let engine = Self.offlineEngine(store: store, settings: settings)
        // When
        try await Task.sleep(for: .milliseconds(300))
        try await engine.applyPendingConfiguration()
        // Then
        #expect(settings.applied.isEmpty)
        #expect(try store.hubCommandState("c-2") == "expired")
    }

    @Test("Heartbeats carry the applied version and queues; one waits at a time; the hub shows them")
    func heartbeatReachesHub() async throws {
        try await RunningHub.with { hub in
            // Given
            let settings = InMemoryManagedSettings()
            let device = try await TestDevice.enrol(at: hub, managedSettings: settings)
            let change = try await hub.storage.setWardConfiguration(ward: "Ward 7", config: Self.wardName, now: Date())
            _ = try await device.engine.pollCommandsOnce(wait: 1)
            try device.record(3)
            // When
            let recorded = try await device.engine.recordHeartbeat()
            let recordedAgain = try await device.engine.recordHeartbeat()
            let payload = try await device.store.writer.read { db in
                try String.fetchOne(db, sql: "SELECT payload FROM sync_outbox WHERE kind = 'device.heartbeat'")
            }
            try await device.engine.uploadUntilDrained()
            let afterUpload = try await device.engine.recordHeartbeat()
            // Then
            #expect(recorded == true)
            #expect(recordedAgain == false, "an offline device keeps one heartbeat waiting, not a backlog")
            #expect(afterUpload == true)
            let heartbeat = try SyncJSON.decoder().decode(DeviceHeartbeat.self, from: Data((payload ?? "").utf8))
            #expect(heartbeat.configETag == change.etag)
            #expect(heartbeat.queueDepth == 4, "three events and the command.status")
            #expect(heartbeat.oldestUnsentSeconds != nil)
            #expect(heartbeat.appVersion == TestDevice.fastSettings.appVersion)
            let statuses = try await hub.storage.deviceStatuses(ward: "Ward 7")
            #expect(statuses.count == 1)
            #expect(statuses.first?.configETag == change.etag)
            #expect(statuses.first?.queueDepth == 4)
        }
    }
}

extension ManagedSettingsSyncTests {
    /// A new device store holding one `config.update` command, received and not yet applied.
    static func storeWithConfigurationCommand(
        _ commandID: String,
        _ document: ConfigurationDocument,
        expiresAt: Date
    ) throws -> MessageStore {
        let store = try MessageStore(path: try temporaryDirectory("device") + "/careconnect.sqlite")
        let payload = String(decoding: try SyncJSON.encoder().encode(document.json), as: UTF8.self)
        let command = IncomingHubCommand(
            commandID: commandID,
            type: "config.update",
            payload: payload,
            createdAt: Date(),
            expiresAt: expiresAt,
            action: .applyConfiguration
        )
        try store.recordHubCommands([command], cursor: "1", now: Date())
        return store
    }

    /// An engine with no hub, for applying stored commands.
    static func offlineEngine(store: MessageStore, settings: InMemoryManagedSettings) -> SyncEngine {
        SyncEngine(
            store: store,
            target: InMemoryUpstream(),
            deviceID: "d",
            managedSettings: settings,
            logger: Logger(label: "test")
        )
    }
}

extension RunningHub {
    /// The hub's storage through the protocol every backend implements.
    var storage: any HubStorage { store }
}
