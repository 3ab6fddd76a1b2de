// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import GatewayDaemons
import MessageStore
import ModemDiscovery
import ModemSimulator
import Testing

/// A wrong `[modem] sim_pin` never blocks the SIM: the gateway enters it once, remembers the refusal in the
/// database, and from then on only looks at the SIM (never sending the PIN again) across its own re-checks and
/// across restarts, until the PIN in the configuration changes. All over a real pty with the simulated modem.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SIMPINRefusalTests {
    /// A gateway on the harness's modem and database, as a fresh process would make it.
    func makeGateway(_ harness: GatewayHarness, pin: String) -> SMSGateway {
        var device = DeviceConfiguration()
        device.modem.device = harness.linkPath
        device.modem.simPIN = pin
        var settings = GatewaySettings(configuration: device)
        settings.locateInterval = 0.2
        settings.simRecheckInterval = 0.2
        return SMSGateway(settings: settings, store: harness.store, finder: StaticModemFinder([]))
    }

    /// Runs `gateway` until `condition` holds, then stops it as SIGTERM would.
    func run(
        _ gateway: SMSGateway,
        harness: GatewayHarness,
        until what: String,
        _ condition: () throws -> Bool
    )
        async throws
    {
        let task = Task { try await gateway.run() }
        try await harness.wait(what, condition)
        task.cancel()
        _ = await task.result
    }

    func commands(_ harness: GatewayHarness, _ prefix: String) throws -> [String] {
        try harness.receivedCommands().filter { $0.hasPrefix(prefix) }
    }

    /// What the simulated modem answered, line by line, as logged.
    func answers(_ harness: GatewayHarness) throws -> [String] {
        let log = try String(contentsOf: harness.directory.appendingPathComponent("simulator.log"), encoding: .utf8)
        return log.split(separator: "\n").compactMap { line in
            line.range(of: " TX ").map { String(line[$0.upperBound...]) }
        }
    }

    @Test func wrongPINIsEnteredOnceAcrossRechecksAndRestarts() async throws {
        // Given a SIM whose PIN is 1234 and a configuration that says 0000
        let harness = try GatewayHarness(configure: { $0.pin = "1234" })

        // When the gateway runs, looks at the SIM again several times, and is restarted three times
        try await run(makeGateway(harness, pin: "0000"), harness: harness, until: "the refusal and 3 re-checks") {
            try harness.store.simPINRefusals().count == 1 && commands(harness, "AT+CPINR").count >= 4
        }
        for restart in 1...3 {
            let before = try commands(harness, "AT+CPINR").count
            try await run(makeGateway(harness, pin: "0000"), harness: harness, until: "restart \(restart) re-checks") {
                try commands(harness, "AT+CPINR").count >= before + 2
            }
        }

        // Then the PIN went to the SIM exactly once, the SIM kept 2 attempts and never wanted its PUK
        let checks = try commands(harness, "AT+CPINR").count
        #expect(try commands(harness, "AT+CPIN=") == ["AT+CPIN=\"0000\""])
        let answers = try answers(harness)
        #expect(!answers.contains { $0.contains("SIM PUK") })
        #expect(answers.last { $0.contains("+CPINR:") }?.contains("+CPINR: SIM PIN,2,3") == true)
        let refusal = try #require(try harness.store.simPINRefusals().first)
        #expect(refusal.attemptsLeft == 2)
        #expect(refusal.answer.contains("+CME ERROR: 16"))
        #expect(try harness.store.status().simPINRefusals == 1)
        let (status, output) = try UnknownModemProfileIsRefusedTests.careconnect([
            "status", "--config", "/nonexistent/careconnect.toml", "--state-dir", harness.directory.path,
        ])
        #expect(status == 1)
        #expect(output.contains("SIM PIN         refused by the SIM at "))
        #expect(output.contains("2 attempts left); not retried: fix [modem] sim_pin and run careconnect doctor"))
        print("wrong SIM PIN: 1 PIN entry over \(checks) looks at the SIM in 4 gateway runs")
    }

    @Test func fixedPINIsTriedAndTheRefusalForgotten() async throws {
        // Given a refusal of 0000 remembered from an earlier run
        let harness = try GatewayHarness(configure: { $0.pin = "1234" })
        try await run(makeGateway(harness, pin: "0000"), harness: harness, until: "the refusal") {
            try harness.store.simPINRefusals().count == 1
        }

        // When the configuration is fixed to 1234 and the gateway restarts
        let fixed = makeGateway(harness, pin: "1234")
        try await run(fixed, harness: harness, until: "the modem set up") { fixed.statistics.initialisations >= 1 }

        // Then the right PIN was entered once, the SIM works, and the refusal is gone
        #expect(try commands(harness, "AT+CPIN=") == ["AT+CPIN=\"0000\"", "AT+CPIN=\"1234\""])
        #expect(try harness.store.simPINRefusals().isEmpty)
        #expect(harness.simulator.status.registered)
    }

    @Test func correctPINUnlocksOnce() async throws {
        // Given
        let harness = try GatewayHarness(configure: { $0.pin = "1234" })
        let gateway = makeGateway(harness, pin: "1234")

        // When
        try await run(gateway, harness: harness, until: "the modem set up") { gateway.statistics.initialisations >= 1 }

        // Then
        #expect(try commands(harness, "AT+CPIN=") == ["AT+CPIN=\"1234\""])
        #expect(try harness.store.simPINRefusals().isEmpty)
    }

    @Test func noPINWhenFewerThanTwoAttemptsAreLeft() async throws {
        // Given a SIM with one attempt left (even the right PIN is not risked)
        let harness = try GatewayHarness(configure: {
            $0.pin = "1234"
            $0.pinAttempts = 1
        })
        let gateway = makeGateway(harness, pin: "1234")

        // When the gateway looks at the SIM several times
        try await run(gateway, harness: harness, until: "3 looks at the SIM") {
            try commands(harness, "AT+CPINR").count >= 3
        }

        // Then no PIN was entered and the modem was not set up
        #expect(try commands(harness, "AT+CPIN=").isEmpty)
        #expect(gateway.statistics.initialisations == 0)
        #expect(try answers(harness).contains { $0.contains("+CPINR: SIM PIN,1,1") })
    }
}
