// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import MessageStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The kiosk's answers survive kill -9 at any moment of a write.
///
/// A real process writes answers as fast as it can and prints each UUID once its transaction returned; it is killed
/// with SIGKILL at random moments and started again on the same file. After every kill the database passes
/// `PRAGMA integrity_check`, and every answer that was acknowledged is there exactly once with its sync event.
/// `make test` runs 60 kills; `make crash-test` runs 1,000 (`KIOSK_CRASH_KILLS`).
@Suite(.serialized, .timeLimit(.minutes(20))) struct KioskStoreCrashTests {
    static var kills: Int { Int(ProcessInfo.processInfo.environment["KIOSK_CRASH_KILLS"] ?? "") ?? 60 }

    @Test func killNineKeepsEveryAcknowledgedAnswerOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kiosk-crash-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("careconnect.sqlite").path
        var acknowledged: [String] = []
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<Self.kills {
            // Given a writer running on the shared file
            let process = Process()
            process.executableURL = CrashTests.binary
            process.arguments = ["bench", "store-writer", "--database", database, "--count", "100000"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // When it is killed at a random moment
            try await Task.sleep(for: .milliseconds(Int.random(in: 40...220, using: &generator)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            // A line cut by the kill is not an acknowledgement.
            acknowledged += printed.split(separator: "\n", omittingEmptySubsequences: true)
                .filter { $0.count == 36 }.map(String.init)
            // Then the file is consistent
            let queue = try DatabaseQueue(path: database)
            let check = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
            try queue.close()
            #expect(check == "ok")
        }
        // And every acknowledged answer is stored exactly once, with exactly one sync event
        let store = try MessageStore(path: database)
        let (stored, events) = try await store.writer.read { (db: Database) -> ([String], Int) in
            (
                try String.fetchAll(db, sql: "SELECT id FROM kiosk_response"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_outbox WHERE kind = 'kiosk.response'") ?? 0
            )
        }
        let storedSet = Set(stored)
        #expect(!acknowledged.isEmpty, "the writer made progress")
        #expect(acknowledged.allSatisfy(storedSet.contains), "an acknowledged answer is missing")
        #expect(storedSet.count == stored.count)
        #expect(events == stored.count, "one sync event per answer")
        print("kiosk store crash test: \(Self.kills) kills, \(acknowledged.count) acknowledged, \(stored.count) stored")
    }
}
