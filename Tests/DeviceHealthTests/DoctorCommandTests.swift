// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceHealth
import Foundation
import MessageStore
import ModemSimulator
import SyncClient
import Testing

/// `careconnect doctor` through the real binary, against the modem simulator and a real hub.
@Suite(.serialized) struct DoctorCommandTests {
    func run(hub: String, modem: ModemSimulatorHost, directory: String) async throws -> ProcessResult {
        try write(
            """
            [ward]
            name = "Ward 7"
            trust_ods = "RXX"
            [modem]
            device = "\(modem.devicePath)"
            [sync]
            hub = "\(hub)"
            """,
            to: directory + "/careconnect.toml"
        )
        let result = try await runProcess([
            "doctor", "--json", "--no-kiosk", "--config", directory + "/careconnect.toml", "--state-dir", directory,
        ])
        return result
    }

    func object(_ result: ProcessResult) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    func verdicts(_ object: [String: Any]) -> [String: String] {
        let checks = object["checks"] as? [[String: Any]] ?? []
        return Dictionary(
            checks.map { ($0["id"] as? String ?? "", $0["verdict"] as? String ?? "") },
            uniquingKeysWith: { first, _ in first }
        )
    }

    @Test func healthyDeviceJSONAndExitStatus() async throws {
        let directory = try temporaryDirectory("doctor-command")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try MessageStore(path: directory + "/careconnect.sqlite")
        try DeviceCredentials(deviceID: "ward-7-a1", ward: "Ward 7", token: "t0ken").save(
            path: directory + "/hub-token.json"
        )
        let modem = try ModemSimulatorHost()
        defer { modem.shutdown() }
        let result = try await withHub { url, _ in
            try await run(hub: url, modem: modem, directory: directory)
        }
        let object = try object(result)
        let verdicts = verdicts(object)
        #expect(verdicts["config"] == "ok")
        for id in ["modem.found", "modem.at", "modem.sim", "modem.signal", "modem.registration", "modem.smsc"] {
            #expect(verdicts[id] == "ok", "\(id): \(result.stdout)")
        }
        #expect(verdicts["hub.reachable"] == "ok")
        #expect(verdicts["hub.clock"] == "ok")
        #expect(verdicts["sync.enrolled"] == "ok")
        #expect(verdicts["sync.backlog"] == "ok")
        // Exit status 0 unless this machine's systemd says the services are not running (warnings: 1).
        let expected: Int32 = verdicts.values.contains("warning") ? 1 : 0
        #expect(verdicts.values.contains("failure") == false, "\(result.stdout)")
        #expect(result.status == expected)
        #expect(object["exit_status"] as? Int == Int(expected))
    }

    @Test func unreachableHubMakesExitStatusTwo() async throws {
        let directory = try temporaryDirectory("doctor-command")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let modem = try ModemSimulatorHost()
        defer { modem.shutdown() }
        let result = try await run(hub: "http://127.0.0.1:\(closedPort())", modem: modem, directory: directory)
        let object = try object(result)
        #expect(verdicts(object)["hub.reachable"] == "failure")
        #expect(result.status == 2)
        #expect(object["status"] as? String == "failure")

        // The text form marks each line and gives the fix.
        let text = try await runProcess([
            "doctor", "--no-kiosk", "--config", directory + "/careconnect.toml", "--state-dir", directory,
        ])
        #expect(text.status == 2)
        #expect(text.stdout.contains("✗ Hub http://127.0.0.1:"))
        #expect(text.stdout.contains("    Fix: check the network cable"))
        #expect(text.stdout.contains("✓ Modem answers AT commands"))
    }
}
