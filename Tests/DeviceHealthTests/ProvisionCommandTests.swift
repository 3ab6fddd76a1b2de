// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import Hub
import Testing

/// `careconnect provision` through the real binary: flags, prompts on a terminal, and enrolment with a real hub.
@Suite struct ProvisionCommandTests {
    @Test func flagsWriteAConfigurationThatLoads() async throws {
        let directory = try temporaryDirectory("provision")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/etc/careconnect.toml"
        let result = try await runProcess([
            "provision", "--config", path, "--non-interactive", "--ward", "Ward 7", "--ods-code", "rxx",
            "--site-code", "RXX01", "--hub", "https://hub.example.nhs.uk", "--sim-pin", "2468", "--rotation", "90",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote \(path)"))
        let configuration = try DeviceConfiguration.load(path: path)
        #expect(configuration.ward.name == "Ward 7")
        #expect(configuration.ward.trustODSCode == "RXX")
        #expect(configuration.ward.siteCode == "RXX01")
        #expect(configuration.sync.hub == "https://hub.example.nhs.uk")
        #expect(configuration.modem.simPIN == "2468")
        #expect(configuration.kiosk.rotation == 90)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o640)
        // The PIN is never printed.
        #expect(!result.stdout.contains("2468") && !result.stderr.contains("2468"))
    }

    @Test func anExistingFileKeepsItsOtherSettingsAndComments() async throws {
        let directory = try temporaryDirectory("provision")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/careconnect.toml"
        try write(
            """
            # Ward 7's device
            [ward]
            name = "Old name"   # set by the installer
            trust_ods = "RXX"

            [modem]
            baud = 9600

            [conversation]
            max_replies_per_day = 5
            """,
            to: path
        )
        let result = try await runProcess([
            "provision", "--config", path, "--non-interactive", "--ward", "Ward 8", "--rotation", "180",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# Ward 7's device\n[ward]\nname = \"Ward 8\"\ntrust_ods = \"RXX\"\n"))
        let configuration = try DeviceConfiguration.load(path: path)
        #expect(configuration.ward.name == "Ward 8")
        #expect(configuration.modem.baud == 9600)
        #expect(text.hasSuffix("[conversation]\nmax_replies_per_day = 5\n\n[kiosk]\nrotation = 180\n"), "\(text)")
        #expect(configuration.kiosk.rotation == 180)
    }

    @Test(arguments: [
        (["--ods-code", "RX"], "--ods-code: an ODS code has 3 or 5 letters/digits, got 'RX'"),
        (["--hub", "hub.example.nhs.uk"], "--hub: not a URL"),
        (["--hub", "http://hub.example.nhs.uk"], "--hub: must use https://"),
        (["--rotation", "45"], "--rotation: must be 0, 90, 180 or 270"),
        (["--sim-pin", "12ab"], "--sim-pin: a SIM PIN is 4 to 8 digits"),
        (["--site-code", "RX 01"], "--site-code: a site code has 3 to 8 letters/digits"),
    ])
    func badAnswersWriteNothing(flags: [String], message: String) async throws {
        let directory = try temporaryDirectory("provision")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/careconnect.toml"
        let result = try await runProcess(
            ["provision", "--config", path, "--non-interactive", "--ward", "Ward 7", "--ods-code", "RXX"] + flags
        )
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("nothing written"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aBrokenFileIsReplacedOnlyWithForce() async throws {
        let directory = try temporaryDirectory("provision")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/careconnect.toml"
        try write("[modem]\nbuad = 9600\n", to: path)
        let arguments = ["provision", "--config", path, "--non-interactive", "--ward", "Ward 7", "--ods-code", "RXX"]
        let refused = try await runProcess(arguments)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("modem.buad: unknown key"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "[modem]\nbuad = 9600\n")

        let forced = try await runProcess(arguments + ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try DeviceConfiguration.load(path: path).ward.name == "Ward 7")
        #expect(try String(contentsOfFile: path + ".bak", encoding: .utf8) == "[modem]\nbuad = 9600\n")
    }

    @Test func missingRequiredAnswersWithoutATerminalAreNamed() async throws {
        let directory = try temporaryDirectory("provision")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await runProcess(["provision", "--config", directory + "/c.toml", "--ward", "Ward 7"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--ods-code is needed"), "\(result.stderr)")
    }

    @Test func promptsOnATerminalAskAgainAfterABadAnswer() async throws {
        // Given the command on a real terminal, answered like a person would, two answers being wrong
        let directory = try temporaryDirectory("provision")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/careconnect.toml"
        let session = try TerminalSession(["provision", "--config", path])
        try await session.expect("Ward name, as patients know it: ")
        session.type("Ward 9")
        try await session.expect("Trust ODS code (such as RXX): ")
        session.type("RX")
        try await session.expect("an ODS code has 3 or 5 letters/digits, got 'RX' Please try again.")
        try await session.expect("Trust ODS code (such as RXX): ")
        session.type("rxy")
        try await session.expect("Site code (such as RXX01; Enter to skip): ")
        session.type("")
        try await session.expect("Hub address (such as https://hub.example.nhs.uk; Enter to skip): ")
        session.type("https://hub.example.nhs.uk")
        try await session.expect("SIM PIN (from the SIM's paperwork; Enter if it has none): ")
        session.type("1357")
        try await session.expect("Screen rotation, clockwise (0, 90, 180 or 270) [0]: ")
        session.type("45")
        try await session.expect("must be 0, 90, 180 or 270 Please try again.")
        session.type("270")
        try await session.expect("Enrolment code from the hub (Enter to skip): ")
        session.type("")
        let status = try await session.wait()

        // Then the answers are written, and the PIN was never shown
        #expect(status == 0, "\(session.transcript)")
        #expect(session.transcript.contains("Wrote \(path)"))
        #expect(!session.transcript.contains("1357"))
        let configuration = try DeviceConfiguration.load(path: path)
        #expect(configuration.ward.name == "Ward 9")
        #expect(configuration.ward.trustODSCode == "RXY")
        #expect(configuration.ward.siteCode == "")
        #expect(configuration.sync.hub == "https://hub.example.nhs.uk")
        #expect(configuration.modem.simPIN == "1357")
        #expect(configuration.kiosk.rotation == 270)
    }

    @Test func enrolmentWritesTheConfigurationAndTheToken() async throws {
        let directory = try temporaryDirectory("provision")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/careconnect.toml"
        try await withHub { url, store in
            let code = try store.createEnrolmentCode(ward: "Ward 7", now: Date())
            let result = try await runProcess([
                "provision", "--config", path, "--state-dir", directory + "/state", "--non-interactive",
                "--ward", "Ward 7", "--ods-code", "RXX", "--hub", url, "--enrol", code,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Enrolled as "))
            let configuration = try DeviceConfiguration.load(path: path)
            #expect(configuration.sync.hub == url)
            #expect(configuration.storage.stateDirectory == directory + "/state")
            let token = directory + "/state/hub-token.json"
            let mode = try FileManager.default.attributesOfItem(atPath: token)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
            let saved = try String(contentsOfFile: token, encoding: .utf8)
            // The token is never printed.
            let tokenValue = try #require(
                (try JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any])?["token"] as? String
            )
            #expect(!result.stdout.contains(tokenValue))

            // careconnect sync finds the hub, the state directory and the token in the written file.
            let synced = try await runProcess(["sync", "--config", path, "--until-drained"])
            #expect(synced.status == 0, "\(synced.stderr)")

            // The old way (code and hub only) still works, with a second code.
            let second = try store.createEnrolmentCode(ward: "Ward 7", now: Date())
            let again = try await runProcess([
                "provision", "--config", path, "--state-dir", directory + "/state2", "--enrol", second, "--hub", url,
            ])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(FileManager.default.fileExists(atPath: directory + "/state2/hub-token.json"))
        }
    }
}
