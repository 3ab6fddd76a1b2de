// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Logging
import PostgresNIO

extension PostgresHubStore {
    /// One numbered step of the schema.
    struct Migration: Sendable {
        var version: Int
        var name: String
        var statements: [String]
    }

    /// The advisory lock every migration takes, so replicas starting at once migrate one after the other.
    static let migrationLock: Int64 = 0x4343_4855_425F_4D47

    /// The advisory lock every command insert takes, so cursors are handed out in commit order.
    static let commandLock: Int64 = 0x4343_4855_425F_434D

    /// The schema, in order; never edit a step that has shipped, add one.
    static let migrations: [Migration] = [
        Migration(
            version: 1,
            name: "hub",
            statements: [
                """
                CREATE TABLE enrolment_code (
                    code_hash TEXT PRIMARY KEY,
                    ward TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL,
                    used_at BIGINT,
                    device_id TEXT
                )
                """,
                """
                CREATE TABLE device (
                    device_id TEXT PRIMARY KEY,
                    ward TEXT NOT NULL,
                    token_hash TEXT NOT NULL UNIQUE,
                    device_uuid TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    app_version TEXT NOT NULL,
                    enrolled_at BIGINT NOT NULL,
                    enrolled_order BIGINT GENERATED ALWAYS AS IDENTITY,
                    high_water_seq BIGINT NOT NULL DEFAULT 0
                )
                """,
                "CREATE INDEX device_ward ON device (ward, kind)",
                """
                CREATE TABLE event (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    event_id TEXT NOT NULL UNIQUE,
                    device_id TEXT NOT NULL REFERENCES device (device_id),
                    seq BIGINT NOT NULL,
                    type TEXT NOT NULL,
                    occurred_at BIGINT NOT NULL,
                    received_at BIGINT NOT NULL,
                    payload TEXT NOT NULL
                )
                """,
                "CREATE INDEX event_device ON event (device_id, received_at)",
                "CREATE INDEX event_feed ON event (device_id, occurred_at DESC, id DESC)",
                """
                CREATE TABLE idempotency_record (
                    device_id TEXT NOT NULL,
                    key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    response TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (device_id, key)
                )
                """,
                """
                CREATE TABLE command (
                    cursor BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    command_id TEXT NOT NULL UNIQUE,
                    device_id TEXT NOT NULL REFERENCES device (device_id),
                    type TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending',
                    reason TEXT,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX command_device ON command (device_id, cursor)",
            ]
        ),
        Migration(
            version: 2,
            name: "managed settings and device status",
            statements: [
                """
                CREATE TABLE ward_settings (
                    ward TEXT PRIMARY KEY,
                    version BIGINT NOT NULL,
                    config TEXT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE device_status (
                    device_id TEXT PRIMARY KEY REFERENCES device (device_id),
                    heartbeat_at BIGINT NOT NULL,
                    received_at BIGINT NOT NULL,
                    config_etag TEXT,
                    queue_depth BIGINT NOT NULL,
                    oldest_unsent_seconds BIGINT,
                    outgoing_texts BIGINT,
                    signal_bars BIGINT,
                    app_version TEXT NOT NULL
                )
                """,
                "ALTER TABLE device ADD COLUMN last_upload_at BIGINT",
            ]
        ),
    ]

    /// The newest schema version this hub knows.
    public static var schemaVersion: Int { migrations.last?.version ?? 0 }

    /// Brings the schema up to date: each pending step in its own transaction, under an advisory lock, recorded in
    /// `hub_migrations`. Safe when several replicas start at once: one migrates, the others wait and find it done.
    ///
    /// - Throws: ``HubDatabaseError/Code/schemaTooNew`` when the database is at a version this hub does not know.
    func migrate() async throws {
        let applied = try await transaction { connection in
            try await Self.lockMigrations(connection, logger: logger)
            return try await Self.appliedVersion(connection, logger: logger)
        }
        guard applied <= Self.schemaVersion else {
            throw HubDatabaseError(
                .schemaTooNew,
                "The hub database \(settings.description) is at schema version \(applied), newer than the "
                    + "\(Self.schemaVersion) this hub knows: run the newer hub, or restore a backup."
            )
        }
        for migration in Self.migrations where migration.version > applied {
            let ran = try await transaction { connection -> Bool in
                try await Self.lockMigrations(connection, logger: logger)
                guard try await Self.appliedVersion(connection, logger: logger) < migration.version else {
                    return false
                }
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO hub_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger
                )
                return true
            }
            if ran {
                eventLogger.notice(
                    "migrated the hub database",
                    metadata: ["version": "\(migration.version)", "name": "\(migration.name)"]
                )
            }
        }
    }

    /// The schema version the database is at (0 when new).
    public func appliedSchemaVersion() async throws -> Int {
        try await transaction { connection in
            try await Self.lockMigrations(connection, logger: logger)
            return try await Self.appliedVersion(connection, logger: logger)
        }
    }

    private static func lockMigrations(_ connection: PostgresConnection, logger: Logger) async throws {
        try await rows("SELECT pg_advisory_xact_lock(\(migrationLock))", on: connection, logger: logger)
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS hub_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )
            """,
            logger: logger
        )
    }

    private static func appliedVersion(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await rows(
            "SELECT COALESCE(MAX(version), 0) FROM hub_migrations",
            on: connection,
            logger: logger
        )
        return Int(try rows.first?.decode(Int32.self) ?? 0)
    }
}
