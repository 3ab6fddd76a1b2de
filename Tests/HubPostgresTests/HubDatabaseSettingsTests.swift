// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import Testing

@testable import Hub

@Suite("Hub database settings")
struct HubDatabaseSettingsTests {
    @Test("A postgres URL is read; the password comes from a file or PGPASSWORD and is never shown")
    func readsURLAndPassword() throws {
        // Given
        let file = NSTemporaryDirectory() + "careconnect-pgpass-\(UUID().uuidString)"
        try "from-file\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        // When
        let fromEnvironment = try PostgresHubSettings(
            url: "postgres://hub@db.example:6543/careconnect?sslmode=require&max_connections=40",
            environment: ["PGPASSWORD": "from-env"]
        )
        let fromFile = try PostgresHubSettings(
            url: "postgresql://hub@db.example/careconnect",
            passwordFile: file,
            environment: ["PGPASSWORD": "from-env"]
        )
        let socket = try PostgresHubSettings(url: "postgres://hub@/careconnect?host=/run/postgresql", environment: [:])
        // Then
        #expect(fromEnvironment.host == "db.example")
        #expect(fromEnvironment.port == 6543)
        #expect(fromEnvironment.database == "careconnect")
        #expect(fromEnvironment.tls == .require)
        #expect(fromEnvironment.maxConnections == 40)
        #expect(fromEnvironment.password == "from-env")
        #expect(fromFile.password == "from-file", "the file wins, without its newline")
        #expect(fromFile.port == 5432)
        #expect(fromFile.tls == .prefer)
        #expect(socket.socketDirectory == "/run/postgresql")
        #expect(socket.tls == .disable)
        #expect(!"\(fromEnvironment)".contains("from-env"))
        #expect("\(fromEnvironment)" == "postgres://hub@db.example:6543/careconnect")
    }

    @Test(
        "Bad database values are refused with the reason",
        arguments: [
            ("postgres://hub:secret@db/careconnect", "password"),
            ("postgres://hub@db/careconnect?sslmode=maybe", "sslmode"),
            ("postgres://hub@db/careconnect?pool=3", "pool"),
            ("mysql://hub@db/careconnect", "SQLite file path or a postgres"),
        ]
    )
    func refusesBadValues(text: String, reason: String) throws {
        let error = #expect(throws: HubDatabaseError.self) {
            _ = try HubDatabase(text, environment: [:])
        }
        #expect(error?.detail.contains(reason) == true, "\(error?.detail ?? "")")
        #expect(error?.detail.contains("secret") == false)
    }

    @Test("A missing password file is named")
    func missingPasswordFile() throws {
        let error = #expect(throws: HubDatabaseError.self) {
            _ = try HubDatabase("postgres://hub@db/careconnect", passwordFile: "/nonexistent/pgpass", environment: [:])
        }
        #expect(error?.code == .unreadablePassword)
        #expect(error?.detail.contains("/nonexistent/pgpass") == true)
    }

    @Test("A SQLite database migrated by a newer hub is refused")
    func sqliteSchemaNewerThanBinary() throws {
        // Given
        let directory = NSTemporaryDirectory() + "careconnect-hubsqlite-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/hub.sqlite"
        let store = try HubStore(path: path)
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from the future')")
        }
        // When
        let error = #expect(throws: HubDatabaseError.self) { _ = try HubStore(path: path) }
        // Then
        #expect(error?.code == .schemaTooNew)
    }
}
