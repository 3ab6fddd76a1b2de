// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Testing

/// `careconnect smsd` and `careconnect status` refuse a configuration whose `[modem] profile` names no profile
/// of the engine, naming the allowed ones, instead of starting with a profile the file did not ask for.
@Suite struct UnknownModemProfileIsRefusedTests {
    /// Runs the real binary; returns its exit status and what it wrote.
    static func careconnect(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = CrashTests.binary
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test(arguments: ["smsd", "status"])
    func refusesUnknownProfile(command: String) throws {
        // Given a configuration with a misspelt profile
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("careconnect.toml")
        try "[modem]\nprofile = \"quectle\"\n".write(to: config, atomically: true, encoding: .utf8)

        // When
        let (status, output) = try Self.careconnect([command, "--config", config.path, "--state-dir", directory.path])

        // Then
        #expect(status != 0)
        #expect(output.contains("modem.profile: unknown modem profile 'quectle'"))
        #expect(output.contains("generic, quectel, simcom-sim800, simcom, huawei, ublox"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("careconnect.sqlite").path))
    }

    @Test func acceptsAKnownProfile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("careconnect.toml")
        try "[modem]\nprofile = \"SIM800\"\n".write(to: config, atomically: true, encoding: .utf8)

        // status says there is no database yet, which means the configuration was accepted
        let (status, output) = try Self.careconnect(["status", "--config", config.path, "--state-dir", directory.path])
        #expect(status != 0)
        #expect(output.contains("no database at"))
        #expect(!output.contains("modem.profile"))
    }
}
