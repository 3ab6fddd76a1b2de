// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Glibc

/// Runs another program (gammu, gammu-smsd) against the simulator.
enum PeerProcess {
    struct Outcome {
        var status: Int32
        var output: String
    }

    static let gammu = "/usr/bin/gammu"
    static let gammuSMSD = ["/usr/bin/gammu-smsd", "/usr/sbin/gammu-smsd"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var hasGammu: Bool { FileManager.default.isExecutableFile(atPath: Self.gammu) }

    /// Runs to completion (or kills it after `timeout`), returning its exit status and combined output.
    static func run(
        _ executable: String,
        _ arguments: [String],
        timeout: Duration = .seconds(90)
    ) async throws
        -> Outcome
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = try Self.outputFile()
        process.standardOutput = output.handle
        process.standardError = output.handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                await Self.stop(process)
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let text = (try? String(contentsOfFile: output.path, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: output.path)
        return Outcome(status: process.terminationStatus, output: text)
    }

    /// Starts a long-running program; the caller terminates it.
    static func start(_ executable: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Kills a started program and waits for it to go.
    ///
    /// SIGKILL, not SIGTERM: a child started from a test thread inherits that thread's blocked signal mask,
    /// and gammu-smsd started this way never sees SIGTERM.
    static func stop(_ process: Process) async {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        for _ in 0..<200 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(25))
        }
    }

    private static func outputFile() throws -> (path: String, handle: FileHandle) {
        let path = NSTemporaryDirectory() + "ccsim-peer-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return (path, try FileHandle(forWritingTo: URL(fileURLWithPath: path)))
    }
}
