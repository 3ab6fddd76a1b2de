// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GatewayDaemons
import MessageStore
import ModemSimulator
import Testing

/// How the gateway empties the modem's storage, against the simulator over a real pseudo-terminal.
@Suite(.serialized, .timeLimit(.minutes(2))) struct GatewaySweepTests {
    /// Every per-slot delete (`AT+CMGD=<index>`), as opposed to a delete by flag.
    static func slotDeletes(_ commands: [String]) -> [String] {
        commands.filter { $0.hasPrefix("AT+CMGD=") && !$0.contains(",") && !$0.hasSuffix("?") }
    }

    /// Should store a whole sweep and then delete the received messages with one command.
    @Test func sweepDeletesReceivedMessagesWithOneCommand() async throws {
        // Given twelve messages waiting in the SIM before the gateway starts
        let harness = try GatewayHarness()
        for index in 0..<12 {
            _ = try harness.simulator.inject(
                InjectedMessage(from: "+4477009003\(10 + index)", text: "waiting \(index)")
            )
        }
        // When the gateway starts
        harness.start()
        try await harness.wait("twelve messages") { try harness.messages().count == 12 }
        try await harness.wait("an empty SIM") { harness.simulator.status.storage.allSatisfy { $0.value.used == 0 } }
        await harness.stop()
        // Then one AT+CMGD=1,1 emptied it, with no delete per slot
        let commands = try harness.receivedCommands()
        #expect(commands.filter { $0 == "AT+CMGD=1,1" }.count == 1)
        #expect(Self.slotDeletes(commands).isEmpty, "\(Self.slotDeletes(commands))")
        #expect(Set(try harness.messages().map(\.text)) == Set((0..<12).map { "waiting \($0)" }))
    }

    /// Should delete slot by slot when bulk deletion is turned off, and still empty the SIM.
    @Test func sweepDeletesSlotBySlotWithoutBulkDelete() async throws {
        let harness = try GatewayHarness(gatewaySettings: { $0.bulkDelete = false })
        for index in 0..<3 {
            _ = try harness.simulator.inject(InjectedMessage(from: "+4477009004\(10 + index)", text: "slot \(index)"))
        }
        harness.start()
        try await harness.wait("three messages") { try harness.messages().count == 3 }
        try await harness.wait("an empty SIM") { harness.simulator.status.storage.allSatisfy { $0.value.used == 0 } }
        await harness.stop()
        let commands = try harness.receivedCommands()
        #expect(Self.slotDeletes(commands).count == 3)
        #expect(!commands.contains("AT+CMGD=1,1"))
    }

    /// Should set the modem up once when its start-up announcement (RDY) arrives while the gateway is probing.
    @Test func startupAnnouncementDuringProbingDoesNotRepeatSetUp() async throws {
        // Given a modem still booting when the gateway opens it (the simulator boots in 200 ms)
        let harness = try GatewayHarness()
        harness.start()
        try await harness.wait("the first sweep") { harness.gateway.statistics.sweeps > 0 }
        // When a message arrives right after set-up
        _ = try harness.simulator.inject(InjectedMessage(from: "+447700900500", text: "straight after start"))
        try await harness.wait("the message") { try harness.messages().count == 1 }
        try await Task.sleep(for: .milliseconds(700))
        await harness.stop()
        // Then the modem was set up exactly once
        let setUps = try harness.receivedCommands().filter { $0.hasPrefix("AT+CNMI=") && !$0.hasSuffix("?") }
        #expect(setUps.count == 1, "set-up repeated: \(setUps)")
    }
}
