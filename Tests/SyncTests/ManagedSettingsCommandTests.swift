// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import Hub
import SyncClient
import SyncProtocol
import Testing
import WardConversation

/// `careconnect hub config` and `careconnect sync` as separate processes, as on a hub and a ward device.
@Suite("Managed settings from careconnect hub config to a device's file", .serialized, .timeLimit(.minutes(2)))
struct ManagedSettingsCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], input: String? = nil) async throws -> Run {
        let process = Process()
        process.executableURL = SyncCrashTests.binary
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        await SyncCrashTests.waitForExit(process)
        return Run(
            status: process.terminationStatus,
            output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            errors: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        )
    }

    @Test("Settings set on the hub reach the device's overlay, and the hub sees the device current")
    func settingsReachDevice() async throws {
        try await RunningHub.with { hub in
            // Given: an enrolled device with its own configuration file
            let device = try await TestDevice.enrol(at: hub)
            let state = try temporaryDirectory("managed-device")
            try device.credentials.save(path: DeviceCredentials.path(stateDirectory: state))
            let configPath = state + "/careconnect.toml"
            try "[ward]\nname = \"Ward 7\"\n\n[storage]\nstate_directory = \"\(state)\"\n"
                .write(toFile: configPath, atomically: true, encoding: .utf8)
            let database = hub.directory + "/hub.sqlite"
            let settings = """
                [ward]
                name = "Ward 7 (Cardiology)"

                [templates.en]
                help = "Ward 7 (Cardiology) feedback: reply 1 to 6, or tell us in your own words."
                """
            // When
            let refused = try await Self.run(
                ["hub", "config", "set", "--database", database, "--ward", "Ward 7", "-"],
                input: "[modem]\ndevice = \"/dev/ttyUSB9\"\n"
            )
            let set = try await Self.run(
                ["hub", "config", "set", "--database", database, "--ward", "Ward 7", "-"],
                input: settings
            )
            let sync = Process()
            sync.executableURL = SyncCrashTests.binary
            sync.arguments = [
                "sync", "--config", configPath, "--hub", hub.url, "--long-poll", "1", "--heartbeat-seconds", "10",
                "--log-level", "critical",
            ]
            try sync.run()
            var statuses: [HubDeviceStatus] = []
            for _ in 0..<300 {
                statuses = try await hub.storage.deviceStatuses(ward: "Ward 7")
                if statuses.first?.configETag == "\"v1\"" { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            sync.terminate()
            await SyncCrashTests.waitForExit(sync)
            let shown = try await Self.run(["hub", "config", "show", "--database", database, "--ward", "Ward 7"])
            // Then
            #expect(refused.status != 0)
            #expect(refused.errors.contains("modem.device"), "the refusal names the key: \(refused.errors)")
            #expect(set.status == 0, "\(set.errors)")
            #expect(set.output.contains("version \"v1\""))
            #expect(set.output.contains("sent to 1 device(s)"))
            #expect(statuses.first?.configETag == "\"v1\"", "a heartbeat reported the applied version")
            let loaded = try DeviceConfiguration.load(path: configPath)
            #expect(loaded.ward.name == "Ward 7 (Cardiology)")
            #expect(loaded.conversation.templates["en"]?.help.hasPrefix("Ward 7 (Cardiology) feedback") == true)
            #expect(DeviceConfiguration.appliedManagedSettings(configurationPath: configPath)?.etag == "\"v1\"")
            #expect(shown.output.contains("name = \"Ward 7 (Cardiology)\""), "\(shown.output)")
            #expect(shown.output.contains(": applied \"v1\", current"), "\(shown.output)")
            #expect(sync.terminationStatus == 0)
        }
    }
}
