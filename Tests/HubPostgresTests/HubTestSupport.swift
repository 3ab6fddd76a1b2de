// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Hummingbird
import Logging
import PostgresNIO
import SyncClient
import SyncProtocol
import Testing

@testable import Hub

/// The PostgreSQL server the tests use: `CARECONNECT_TEST_POSTGRES_URL` (set by `make test`, which starts a
/// throwaway server with `Scripts/postgres-test-server.sh`). Each test gets a database of its own.
enum TestPostgres {
    static let variable = "CARECONNECT_TEST_POSTGRES_URL"

    /// The URL, or nil when the variable is unset (the PostgreSQL tests are then skipped, and say so).
    static let url: String? = ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }

    static var isConfigured: Bool { url != nil }

    static let skipNote: Comment =
        "CARECONNECT_TEST_POSTGRES_URL is not set, so the PostgreSQL half is skipped; make test starts a server"

    /// The server's settings; throws when the variable is unset or unreadable.
    static func settings() throws -> PostgresHubSettings {
        guard let url else { throw TestFailure("\(variable) is not set") }
        return try PostgresHubSettings(url: url, environment: [:])
    }

    /// Runs `body` with a new, empty database on the test server, then drops it. Fails (never skips) when the
    /// server named by the variable does not answer.
    static func withDatabase<T: Sendable>(_ body: (PostgresHubSettings) async throws -> T) async throws -> T {
        let base = try settings()
        let name = "hub_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await admin(base, "CREATE DATABASE \(name)")
        do {
            let result = try await body(base.with(database: name))
            try await admin(base, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await admin(base, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one statement on the server's own database (the URL's), within ten seconds.
    static func admin(_ settings: PostgresHubSettings, _ sql: String) async throws {
        _ = try await withClient(settings) { client in
            try await client.query(PostgresQuery(unsafeSQL: sql)).collect().count
        }
    }

    /// Runs `body` with a bare client of `settings`; fails after `timeout` when the server does not answer.
    static func withClient<T: Sendable>(
        _ settings: PostgresHubSettings,
        timeout: Duration = .seconds(10),
        _ body: @escaping @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        let client = PostgresClient(configuration: settings.clientConfiguration)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            group.addTask { try await body(client) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw TestFailure("the PostgreSQL server at \(settings) did not answer within \(timeout)")
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let result = next { return result }
            }
            throw TestFailure("the PostgreSQL client stopped")
        }
    }
}

/// A failure of the test set-up itself.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The two storages every behaviour is checked against.
enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// SQLite always; PostgreSQL when a server is configured.
    static var available: [Backend] { TestPostgres.isConfigured ? [.sqlite, .postgres] : [.sqlite] }

    static let logger: Logger = {
        var logger = Logger(label: "test.hub")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` with a new, empty, migrated storage of this kind.
    func withStorage<T: Sendable>(_ body: (any HubStorage) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let directory = NSTemporaryDirectory() + "careconnect-hubpg-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            return try await body(try HubStore(path: directory + "/hub.sqlite"))
        case .postgres:
            return try await TestPostgres.withDatabase { settings in
                try await PostgresHubStore.withRunning(settings: settings, logger: Self.logger) { store in
                    try await body(store)
                }
            }
        }
    }
}

/// A hub server on 127.0.0.1 (a free port) over a given storage, for the length of a test.
struct TestHub: Sendable {
    let storage: any HubStorage
    let port: Int
    let connection: HubConnection

    var url: String { "http://127.0.0.1:\(port)" }

    static func with<T: Sendable>(
        storage: any HubStorage,
        configuration: HubConfiguration = HubConfiguration(),
        _ body: (TestHub) async throws -> T
    ) async throws -> T {
        let server = HubServer(storage: storage, configuration: configuration, logger: Backend.logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = server.application(host: "127.0.0.1", port: 0) { port in continuation.yield(port) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runService() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let hub = TestHub(
                storage: storage,
                port: port,
                connection: try HubConnection(baseURL: "http://127.0.0.1:\(port)", timeout: .seconds(30))
            )
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

    /// Enrols a new device of `kind` for `ward` through the real endpoint.
    func enrol(ward: String = "Ward 7", kind: String = "sms-gateway") async throws -> DeviceCredentials {
        let code = try await storage.createEnrolmentCode(ward: ward, lifetime: 3600, now: Date())
        let response = try await connection.enroll(
            EnrollRequest(enrollmentCode: code, deviceUUID: UUID().uuidString, kind: kind, appVersion: "test")
        )
        return DeviceCredentials(deviceID: response.deviceID, ward: response.ward, token: response.token)
    }

    /// `POST /v1/events` with a batch, as raw HTTP; the answer's status and body.
    func post(
        _ batch: EventBatch,
        token: String,
        key: String? = UUID().uuidString.lowercased()
    ) async throws -> HubConnection.Answer {
        var headers = [("Content-Type", "application/json")]
        if let key { headers.append((IdempotencyKey.headerName, IdempotencyKey.headerValue(key))) }
        return try await connection.send(
            "POST",
            "/v1/events",
            token: token,
            headers: headers,
            body: try SyncJSON.encoder().encode(batch)
        )
    }

    /// `GET /v1/commands`.
    func commands(token: String, after cursor: String? = nil, wait: Int = 0) async throws -> CommandsResponse {
        var path = "/v1/commands?wait=\(wait)"
        if let cursor { path += "&after=\(cursor)" }
        let answer = try await connection.send("GET", path, token: token)
        guard answer.status == 200 else { throw TestFailure("GET /v1/commands answered \(answer.status)") }
        return try connection.decode(CommandsResponse.self, answer.body)
    }
}

/// Events and batches for the tests.
enum TestEvents {
    /// `count` texts received, with sequence numbers from `firstSeq`.
    static func texts(_ count: Int, firstSeq: Int64 = 1) -> [SyncEvent] {
        (0..<count).map { index in
            SyncEvent(
                eventID: UUID().uuidString.lowercased(),
                seq: firstSeq + Int64(index),
                type: "sms.received",
                occurredAt: Date(timeIntervalSince1970: 1_714_557_000 + Double(index)),
                payload: .object(["from": .string("+447700900\(100 + index % 800)"), "text": .string("hello \(index)")])
            )
        }
    }

    static func batch(_ events: [SyncEvent], device: String) -> EventBatch {
        EventBatch(
            deviceID: device,
            batchID: UUID().uuidString.lowercased(),
            sentAt: Date(),
            clock: DeviceClock(bootID: "test-boot", uptimeMilliseconds: 1_000),
            events: events
        )
    }
}
