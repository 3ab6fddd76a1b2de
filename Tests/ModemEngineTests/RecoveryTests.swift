// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import ModemEngine
import Testing

/// Timeouts and the recovery ladder, stepped with a manual clock.
@Suite struct RecoveryTests {
    private static let escape = "\u{1B}"

    /// A command answered just before its timeout succeeds; one left unanswered fails at the timeout.
    @Test(arguments: chunkSizes)
    func timesOutAtTheDeadline(chunkSize: Int) async throws {
        // Given
        let harness = ModemHarness(chunkSize: chunkSize)
        harness.transport.expect("AT+CSQ\r")
        harness.transport.expect("AT+CGMI\r")

        // When / Then
        try await harness.run { harness in
            async let answered = harness.modem.execute(CSQ.execute)
            await harness.advance(by: .milliseconds(4900), afterWrites: 1)
            harness.transport.inject("\r\n+CSQ: 20,99\r\n\r\nOK\r\n")
            let lines = try await answered.lines
            #expect(lines == ["+CSQ: 20,99"])

            async let silent = modemError { try await harness.modem.execute(CGMI.execute) }
            await harness.advance(by: .seconds(5), afterWrites: 2)
            let error = await silent
            #expect(error?.code == .timeout)
            #expect(error?.command == CGMI.execute)
        }
    }

    /// The ladder runs in order: ESC and AT three times, ATZ, the profile's reset, three probes after the
    /// restart delay, then "needs power cycle"; commands queued meanwhile fail with that code.
    @Test(arguments: chunkSizes)
    func climbsTheLadderToNeedsPowerCycle(chunkSize: Int) async throws {
        // Given
        let harness = ModemHarness(chunkSize: chunkSize)
        var events = harness.modem.events.makeAsyncIterator()

        // When
        let (first, queued, later) = try await harness.run { harness in
            async let first = modemError { try await harness.modem.execute(CSQ.execute) }
            await harness.advance(by: .seconds(5), afterWrites: 1)
            let firstError = await first
            async let queued = modemError { try await harness.modem.execute(CGMI.execute) }
            for attempt in 0..<3 {
                await harness.advance(by: .milliseconds(500), afterWrites: 2 + attempt * 2)
                await harness.advance(by: .seconds(2), afterWrites: 3 + attempt * 2)
            }
            await harness.advance(by: .seconds(2), afterWrites: 8)  // ATZ
            await harness.advance(by: .seconds(15), afterWrites: 9)  // AT+CFUN=1,1
            try await harness.advance(until: 10)  // restart delay, then AT
            await harness.advance(by: .seconds(2), afterWrites: 10)
            await harness.advance(by: .seconds(2), afterWrites: 11)
            await harness.advance(by: .seconds(2), afterWrites: 12)
            let queuedError = await queued
            let laterError = await modemError { try await harness.modem.execute(V250.attention) }
            return (firstError, queuedError, laterError)
        }

        // Then
        #expect(first?.code == .timeout)
        #expect(queued?.code == .needsPowerCycle)
        #expect(queued?.command == CGMI.execute)
        #expect(later?.code == .needsPowerCycle)
        #expect(
            harness.transport.writtenText == [
                "AT+CSQ\r", Self.escape, "AT\r", Self.escape, "AT\r", Self.escape, "AT\r", "ATZ\r",
                "AT+CFUN=1,1\r", "AT\r", "AT\r", "AT\r",
            ]
        )
        #expect(
            await events.take(4).map(\.summary) == [
                "recovering(resync)", "recovering(soft reset)", "recovering(modem reset)",
                "needsPowerCycle(needs power cycle)",
            ]
        )
    }

    /// A late OK during the pause after ESC is dropped; the second AT's OK ends the recovery and the
    /// command queued meanwhile runs.
    @Test(arguments: chunkSizes)
    func resyncsAndRunsQueuedCommand(chunkSize: Int) async throws {
        // Given
        let harness = ModemHarness(chunkSize: chunkSize)
        harness.transport.expect("AT+CMGL=4\r")
        // The report after the late OK tells the test that the OK has been read.
        harness.transport.expect(Self.escape, reply: "\r\nOK\r\n\r\n+CMTI: \"SM\",5\r\n")
        harness.transport.expect("AT\r")
        harness.transport.expect(Self.escape)
        harness.transport.expect("AT\r", reply: "AT\r\r\nOK\r\n")
        harness.transport.expect("AT+CGMI\r", reply: "\r\nQuectel\r\n\r\nOK\r\n")
        var events = harness.modem.events.makeAsyncIterator()

        // When
        let manufacturer = try await harness.run { harness in
            async let listing = modemError { _ = try await harness.modem.listMessages() }
            await harness.advance(by: .seconds(20), afterWrites: 1)
            #expect(await listing?.code == .timeout)
            async let manufacturer = harness.modem.execute(CGMI.execute)
            #expect(await events.take(2).map(\.summary).first == "recovering(resync)")
            await harness.advance(by: .milliseconds(500), afterWrites: 2)
            await harness.advance(by: .seconds(2), afterWrites: 3)
            await harness.advance(by: .milliseconds(500), afterWrites: 4)
            return try await CGMI.parseExecResponse(manufacturer.lines)
        }

        // Then
        #expect(manufacturer == "Quectel")
        #expect(harness.transport.remainingSteps.isEmpty)
        #expect(await events.take(1).map(\.summary) == ["recovered(resync)"])
    }

    /// A send that times out at the prompt stage is abandoned with ESC before anything else is written.
    @Test(arguments: chunkSizes)
    func sendTimeoutWritesEscape(chunkSize: Int) async throws {
        // Given
        let harness = ModemHarness(chunkSize: chunkSize)
        let pdu = "0011000C914477000910320000AA1C5474D8BD06E5DF7590F92D07E5DF7539C85C2E93C5E1F1DA05"
        harness.transport.expect("AT+CMGS=39\r", reply: "\r\n> ")
        harness.transport.expect(bytes: Array(pdu.utf8) + [0x1A], reply: [])
        harness.transport.expect(Self.escape, reply: "\r\nOK\r\n\r\n+CMTI: \"SM\",5\r\n")
        harness.transport.expect("AT\r", reply: "\r\nOK\r\n")
        var events = harness.modem.events.makeAsyncIterator()

        // When
        let error = try await harness.run { harness in
            async let send = modemError { try await harness.modem.sendMessage(pduHex: pdu, length: 39) }
            await harness.advance(by: .seconds(59), afterWrites: 2)
            await harness.advance(by: .seconds(1), afterWrites: 2)
            let error = await send
            await harness.transport.waitForWrites(3)
            _ = await events.take(2)  // recovering, then the report after the OK that answers ESC
            harness.clock.advance(by: .milliseconds(500))
            await harness.transport.waitForWrites(4)
            return error
        }

        // Then
        #expect(error?.code == .timeout)
        #expect(harness.transport.writtenText.dropFirst(2).first == Self.escape)
        #expect(harness.transport.remainingSteps.isEmpty)
    }

    /// The SIM800 profile waits longer for a send than the generic 60 seconds.
    @Test func sim800AllowsSlowSends() async throws {
        // Given
        let harness = ModemHarness(chunkSize: 64, configuration: ModemConfiguration(profileName: "sim800"))
        harness.transport.expect("AT+CMGS=5\r", reply: "\r\n> ")
        harness.transport.expect(bytes: Array("0011000C91".utf8) + [0x1A], reply: [])

        // When
        let result = try await harness.run { harness in
            async let send = harness.modem.sendMessage(pduHex: "0011000C91", length: 5)
            await harness.advance(by: .seconds(90), afterWrites: 2)
            harness.transport.inject("\r\n+CMGS: 12\r\n\r\nOK\r\n")
            return try await send
        }

        // Then
        #expect(result.messageReference == 12)
    }
}
