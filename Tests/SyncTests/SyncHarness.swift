// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import Hub
import Hummingbird
import Logging
import MessageStore
import SyncClient
import SyncProtocol

/// A real hub on 127.0.0.1 (a free port), with its own database file, for the length of a test.
struct RunningHub {
    let store: HubStore
    let server: HubServer
    let faults: HubFaults
    let port: Int
    let directory: String

    var url: String { "http://127.0.0.1:\(port)" }

    /// Runs `body` with a hub listening, then stops it.
    static func with<T: Sendable>(
        configuration: HubConfiguration = HubConfiguration(),
        _ body: @Sendable (RunningHub) async throws -> T
    ) async throws -> T {
        let directory = try temporaryDirectory("hub")
        let store = try HubStore(path: directory + "/hub.sqlite")
        let faults = HubFaults()
        var logger = Logger(label: "test.hub")
        logger.logLevel = .warning
        let server = HubServer(store: store, configuration: configuration, faults: faults, logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = server.application(host: "127.0.0.1", port: 0) { port in continuation.yield(port) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runService() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let hub = RunningHub(store: store, server: server, faults: faults, port: port, directory: directory)
            do {
                let result = try await body(hub)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    /// Enrols a new SMS gateway for `ward` through the real endpoint.
    func enrolDevice(ward: String, connection: HubConnection) async throws -> DeviceCredentials {
        let code = try store.createEnrolmentCode(ward: ward, now: Date())
        let response = try await connection.enroll(
            EnrollRequest(enrollmentCode: code, deviceUUID: UUID().uuidString, kind: "sms-gateway", appVersion: "test")
        )
        return DeviceCredentials(deviceID: response.deviceID, ward: response.ward, token: response.token)
    }
}

/// A device: its own store file, its connection and engine.
struct TestDevice {
    let store: MessageStore
    let connection: HubConnection
    let credentials: DeviceCredentials
    let engine: SyncEngine

    /// Fast pacing for tests: 10 ms backoff base, 200 ms cap.
    static let fastSettings = SyncSettings(
        backoff: FullJitterBackoff(base: .milliseconds(10), cap: .milliseconds(200)),
        breakerThreshold: 3,
        maxEvents: 100,
        maxBytes: 256 * 1024,
        longPollSeconds: 1,
        idleInterval: .milliseconds(50)
    )

    static func enrol(
        at hub: RunningHub,
        ward: String = "Ward 7",
        settings: SyncSettings = fastSettings,
        managedSettings: (any ManagedSettingsTarget)? = nil
    ) async throws
        -> TestDevice
    {
        let directory = try temporaryDirectory("device")
        let store = try MessageStore(path: directory + "/careconnect.sqlite")
        let connection = try HubConnection(baseURL: hub.url, timeout: .seconds(10))
        let credentials = try await hub.enrolDevice(ward: ward, connection: connection)
        var logger = Logger(label: "test.sync")
        logger.logLevel = .critical
        let engine = SyncEngine(
            store: store,
            connection: connection,
            credentials: credentials,
            settings: settings,
            managedSettings: managedSettings,
            logger: logger
        )
        return TestDevice(store: store, connection: connection, credentials: credentials, engine: engine)
    }

    /// Appends events to the device's sync outbox, as the services do in their own transactions.
    @discardableResult
    func record(_ count: Int, kind: String = "sms.received", textSize: Int = 20) throws -> [String] {
        try store.writer.write { db in
            var ids: [String] = []
            for index in 0..<count {
                let id = UUID().uuidString.lowercased()
                let text = String(repeating: "x", count: textSize)
                try db.execute(
                    sql: "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                    arguments: [
                        id, kind, #"{"from":"+447700900\#(100 + index % 800)","text":"\#(text)","parts":1}"#,
                        Int64(Date().timeIntervalSince1970 * 1_000),
                    ]
                )
                ids.append(id)
            }
            return ids
        }
    }

    /// Puts an event back in the outbox under its old id, as if its acknowledgement had been lost.
    func rerecord(eventID: String) throws {
        try store.writer.write { db in
            try db.execute(
                sql: "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, 'sms.received', ?, ?)",
                arguments: [eventID, #"{"from":"+447700900123","text":"again","parts":1}"#, 1_714_557_302_000]
            )
        }
    }
}

func temporaryDirectory(_ prefix: String) throws -> String {
    let path = NSTemporaryDirectory() + "careconnect-\(prefix)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
