// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where the shipped deployment files and the test fixtures are.
enum DeploymentFiles {
    /// The repository's root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let systemd = root.appendingPathComponent("systemd")
    static let udevRules = root.appendingPathComponent("udev-rules")

    /// The recorded-format `udevadm info` dumps.
    static var udevFixtures: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("udev")
    }

    /// Names in `directory` ending in `suffix`, sorted.
    static func files(in directory: URL, endingWith suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(suffix) }.sorted()
    }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// The script that runs a command confined as a unit file says.
    static var confine: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("confine.py")
    }

    /// Every shipped unit file.
    static func units() throws -> [String] {
        try files(in: systemd, endingWith: ".service")
    }

    /// Every shipped rules file, with its text.
    static func ruleFiles() throws -> [(name: String, text: String)] {
        try files(in: udevRules, endingWith: ".rules").map { ($0, try text(udevRules.appendingPathComponent($0))) }
    }

    /// Every fixture dump.
    static func dumps() throws -> [UdevDeviceDump] {
        try files(in: udevFixtures, endingWith: ".txt").map {
            try UdevDeviceDump(name: $0, text: try text(udevFixtures.appendingPathComponent($0)))
        }
    }

    /// The `careconnect` binary built next to the tests.
    static var binary: URL {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [directory, Bundle.main.bundleURL].map { $0.appendingPathComponent("careconnect") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }
}

/// A finished process's exit status and output.
struct ToolResult: CustomStringConvertible {
    var status: Int32
    var output: String

    var description: String { "exit \(status)\n\(output)" }

    /// Runs `executable` with `arguments`, standard output and error together; killed after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: Double = 60) throws -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return ToolResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// The first of `paths` that is an executable file, for tools Debian keeps in /usr/bin or /bin.
    static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/bin/\(name)", "/usr/sbin/\(name)", "/sbin/\(name)"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}
