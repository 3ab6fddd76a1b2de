// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import GRDB
import SyncProtocol

/// The hub's embedded storage, one SQLite file (the default ``HubStorage``): enrolment codes, devices, events,
/// idempotency records, commands, managed settings and device status.
///
/// Every request is one transaction, so an answer the hub sends describes what is on disk. Tokens are stored only
/// as SHA-256 hashes.
public struct HubStore: Sendable {
    /// The database connection or pool.
    public let writer: any DatabaseWriter
    /// Wakes long-polls when this process makes a command.
    let commandSignal = CommandSignal()

    /// Opens (creating if needed) the database at `path`, with file mode 0600, and migrates it.
    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try self.init(writer: pool)
    }

    /// Wraps an existing writer and migrates it.
    ///
    /// - Throws: ``HubDatabaseError/Code/schemaTooNew`` when a newer hub has migrated the database further.
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        let migrator = Self.migrator
        if try writer.read({ db in try migrator.hasBeenSuperseded(db) }) {
            throw HubDatabaseError(
                .schemaTooNew,
                "The hub database was migrated by a newer version of the hub; run that version or newer."
            )
        }
        try migrator.migrate(writer)
    }

    /// Milliseconds since 1970.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000).rounded())
    }

    /// A date from milliseconds since 1970.
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
    }

    /// Named, forward-only migrations.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 hub") { db in
            try db.execute(
                sql: """
                    CREATE TABLE enrolment_code (
                        code_hash TEXT PRIMARY KEY NOT NULL,
                        ward TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        used_at INTEGER,
                        device_id TEXT
                    );

                    CREATE TABLE device (
                        device_id TEXT PRIMARY KEY NOT NULL,
                        ward TEXT NOT NULL,
                        token_hash TEXT NOT NULL UNIQUE,
                        device_uuid TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        app_version TEXT NOT NULL,
                        enrolled_at INTEGER NOT NULL,
                        high_water_seq INTEGER NOT NULL DEFAULT 0
                    );

                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY,
                        event_id TEXT NOT NULL UNIQUE,
                        device_id TEXT NOT NULL REFERENCES device(device_id),
                        seq INTEGER NOT NULL,
                        type TEXT NOT NULL,
                        occurred_at INTEGER NOT NULL,
                        received_at INTEGER NOT NULL,
                        payload TEXT NOT NULL
                    );
                    CREATE INDEX event_device ON event(device_id, received_at);

                    CREATE TABLE idempotency_record (
                        device_id TEXT NOT NULL,
                        key TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        response TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        PRIMARY KEY (device_id, key)
                    );

                    CREATE TABLE command (
                        cursor INTEGER PRIMARY KEY AUTOINCREMENT,
                        command_id TEXT NOT NULL UNIQUE,
                        device_id TEXT NOT NULL REFERENCES device(device_id),
                        type TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        state TEXT NOT NULL DEFAULT 'pending',
                        reason TEXT,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE INDEX command_device ON command(device_id, cursor);
                    """
            )
        }
        migrator.registerMigration("v2 managed settings and device status") { db in
            try db.execute(
                sql: """
                    CREATE TABLE ward_settings (
                        ward TEXT PRIMARY KEY NOT NULL,
                        version INTEGER NOT NULL,
                        config TEXT NOT NULL,
                        updated_at INTEGER NOT NULL
                    );

                    CREATE TABLE device_status (
                        device_id TEXT PRIMARY KEY NOT NULL REFERENCES device(device_id),
                        heartbeat_at INTEGER NOT NULL,
                        received_at INTEGER NOT NULL,
                        config_etag TEXT,
                        queue_depth INTEGER NOT NULL,
                        oldest_unsent_seconds INTEGER,
                        outgoing_texts INTEGER,
                        signal_bars INTEGER,
                        app_version TEXT NOT NULL
                    );

                    ALTER TABLE device ADD COLUMN last_upload_at INTEGER;
                    """
            )
        }
        return migrator
    }
}
