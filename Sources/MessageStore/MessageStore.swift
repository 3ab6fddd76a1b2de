// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import GRDB

/// The device's durable store: one SQLite database shared by every service.
///
/// All SQL goes through this type. Its methods are named for the transactions they perform
/// (``storeInboundPart(pdu:storage:slot:receivedAt:)``, ``claimNextOutbound(now:)``, …) and each keeps
/// the schema's invariants. The smsd process owns the file and runs the migrations; other processes open it
/// through the same type, which runs the same (idempotent) migrator, following GRDB's sharing guidance for
/// WAL databases on one machine.
///
/// Durability: the database is in WAL mode with `synchronous = FULL`, so a transaction that returned has
/// reached the disk before the caller acts on it (for example before a message is deleted from the SIM).
public struct MessageStore: Sendable {
    /// The database connection or pool.
    public let writer: any DatabaseWriter

    /// Opens (creating if needed) the database at `path`, with file mode 0600.
    ///
    /// smsd, the kiosk and sync start together on a new device and all set up the same new file: one may find
    /// the file locked while another switches it to WAL, or fail on tables another just made (a migration reads
    /// what is applied before its own transaction). Opening again then finds that work done, so a failed open is
    /// tried up to five more times, a little later each time; a real failure still throws.
    public init(path: String) throws {
        var attempt = 1
        while true {
            do {
                self = try Self.open(path: path)
                return
            } catch {
                guard attempt < 6 else { throw error }
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
                attempt += 1
            }
        }
    }

    private static func open(path: String) throws -> MessageStore {
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
        // GRDB sets synchronous = NORMAL when it enables WAL, after prepareDatabase runs: set FULL afterwards,
        // on the one writer connection.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
        return try MessageStore(writer: pool)
    }

    /// Wraps an existing writer (tests use an in-memory `DatabaseQueue`) and migrates it.
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// An empty in-memory store, for tests.
    public static func inMemory() throws -> MessageStore {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try MessageStore(writer: DatabaseQueue(configuration: configuration))
    }

    /// Milliseconds since 1970 for a date, the unit of every time column.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000).rounded())
    }
}
