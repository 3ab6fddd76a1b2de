// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation

/// Asks `systemctl`; when there is none (or systemd is not running), every answer is nil.
public struct SystemctlServices: SystemServices {
    let executable: String

    public init(executable: String = "/usr/bin/systemctl") {
        self.executable = executable
    }

    public func activeState(of unit: String) async -> String? {
        guard isAvailable else { return nil }
        let output = run(["is-active", unit])?.trimmingCharacters(in: .whitespacesAndNewlines)
        return output.flatMap { $0.isEmpty ? nil : $0 }
    }

    public func statusText(of unit: String) async -> String? {
        guard isAvailable else { return nil }
        let output = run(["show", "--property=StatusText", "--value", unit])?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return output.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// systemctl exists and systemd is the running init (`/run/systemd/system` exists).
    private var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: executable)
            && FileManager.default.fileExists(atPath: "/run/systemd/system")
    }

    private func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
