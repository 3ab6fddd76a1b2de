// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import ModemEngine
import Testing

/// The engine enters a PIN only when the SIM has attempts to spare and has not refused that PIN before.
@Suite struct SIMPINIsNeverRetriedTests {
    static let locked = "\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n"
    static let ready = "\r\n+CPIN: READY\r\n\r\nOK\r\n"
    static let iccid = "\r\n+CCID: 89443032123456789012\r\n\r\nOK\r\n"

    static func retries(_ left: Int) -> String { "\r\n+CPINR: SIM PIN,\(left),3\r\n\r\nOK\r\n" }

    /// Each vendor's answer gives the PIN attempts left, and other lines or labels are ignored.
    @Test(
        arguments: [
            (PINRetriesQuery.standard, ["+CPINR: SIM PIN,2,3", "+CPINR: SIM PUK,10,10"], 2),
            (PINRetriesQuery.standard, ["+CPINR: SIM PUK,10,10", "+CPINR: \"SIM PIN\",1,3"], 1),
            (PINRetriesQuery.quectel, ["+QPINC: \"SC\",3,10"], 3),
            (PINRetriesQuery.quectel, ["+QPINC: \"P2\",3,10"], nil),
            (PINRetriesQuery.simcom, ["+SPIC: 1,10,3,10"], 1),
            (PINRetriesQuery.huawei, ["^CPIN: SIM PIN,2,10,2,10,3"], 2),
            (PINRetriesQuery.ublox, ["+UPINCNT: 0,3,10,10"], 0),
            (PINRetriesQuery.ublox, ["OK"], nil),
        ] as [(PINRetriesQuery, [String], Int?)]
    )
    func parsesAttemptsLeft(query: PINRetriesQuery, lines: [String], expected: Int?) {
        #expect(query.attemptsLeft(in: lines.map { ATLine($0) }) == expected)
    }

    /// Every vendor profile names its own query, so none is chosen by model name elsewhere.
    @Test func profilesNameTheirRetriesQuery() {
        #expect(ModemQuirks.quectel.pinRetries == .quectel)
        #expect(ModemQuirks.simcom.pinRetries == .simcom)
        #expect(ModemQuirks.simcomSIM800.pinRetries == .simcom)
        #expect(ModemQuirks.huawei.pinRetries == .huawei)
        #expect(ModemQuirks.ublox.pinRetries == .ublox)
        #expect(ModemQuirks.generic.pinRetries == .standard)
        #expect(ModemQuirks.quectel.iccidCommand == ATCommand("AT+QCCID"))
    }

    /// A refused PIN is remembered for the SIM and never entered again, however often the caller tries.
    @Test func refusedPINIsEnteredOnce() async throws {
        // Given a SIM that refuses the PIN once
        let memory = InMemorySIMPINMemory()
        let harness = ModemHarness(chunkSize: 64)
        for (write, reply) in [
            ("AT+CPIN?\r", Self.locked), ("AT+CCID\r", Self.iccid), ("AT+CPINR=\"SIM PIN\"\r", Self.retries(3)),
            ("AT+CPIN=\"0000\"\r", "\r\n+CME ERROR: 16\r\n"), ("AT+CPINR=\"SIM PIN\"\r", Self.retries(2)),
            ("AT+CPIN?\r", Self.locked), ("AT+CCID\r", Self.iccid), ("AT+CPINR=\"SIM PIN\"\r", Self.retries(2)),
            ("AT+CPIN?\r", Self.locked), ("AT+CCID\r", Self.iccid), ("AT+CPINR=\"SIM PIN\"\r", Self.retries(2)),
        ] {
            harness.transport.expect(write, reply: reply)
        }

        // When the caller tries three times
        let errors = try await harness.run { harness in
            var errors: [ModemError?] = []
            for _ in 0..<3 {
                errors.append(await modemError { try await harness.modem.unlockSIM(pin: "0000", memory: memory) })
            }
            return errors
        }

        // Then the PIN went to the SIM once, and each try ended with a clear refusal
        #expect(harness.transport.unexpectedWrites.isEmpty)
        #expect(harness.transport.remainingSteps.isEmpty)
        #expect(harness.transport.writtenText.filter { $0.hasPrefix("AT+CPIN=") } == ["AT+CPIN=\"0000\"\r"])
        #expect(errors.map { $0?.code } == [.simPINRefused, .simPINRefused, .simPINRefused])
        #expect(errors[0]?.cmeError == .incorrectPassword)
        #expect(errors[0]?.message.contains("not retrying; fix [modem] sim_pin and run careconnect doctor") == true)
        #expect(errors[2]?.message.contains("2 attempts left") == true)
        #expect(memory.refusal(sim: "89443032123456789012", pin: "0000")?.attemptsLeft == 2)
        #expect(memory.refusal(sim: "89443032123456789012", pin: "1234") == nil)
    }

    /// With one attempt left the PIN is not entered at all.
    @Test func lastAttemptIsNeverUsed() async throws {
        // Given
        let harness = ModemHarness(chunkSize: 64)
        harness.transport.expect("AT+CPIN?\r", reply: Self.locked)
        harness.transport.expect("AT+CCID\r", reply: "\r\n+CME ERROR: 11\r\n")
        harness.transport.expect("AT+CPINR=\"SIM PIN\"\r", reply: Self.retries(1))

        // When
        let error = try await harness.run { harness in
            await modemError { try await harness.modem.unlockSIM(pin: "1234", memory: InMemorySIMPINMemory()) }
        }

        // Then
        #expect(harness.transport.unexpectedWrites.isEmpty)
        #expect(!harness.transport.writtenText.contains { $0.hasPrefix("AT+CPIN=") })
        #expect(error?.code == .simPINRefused)
        #expect(error?.message.contains("only 1 attempt left") == true)
    }

    /// A different PIN, or the same SIM unblocked with its PUK (more attempts left than after the refusal),
    /// gets one try; an accepted PIN forgets the SIM's refusals.
    @Test func newPINOrUnblockedSIMIsTriedOnce() async throws {
        // Given a remembered refusal of 0000 with 2 attempts left, on a SIM whose ICCID the modem will not tell
        let memory = InMemorySIMPINMemory()
        let sim = SIMPINRefusal.unidentifiedSIM
        memory.rememberRefusal(SIMPINRefusal(attemptsLeft: 2, answer: "+CME ERROR: 16"), sim: sim, pin: "0000")
        let harness = ModemHarness(chunkSize: 64)
        for (write, reply) in [
            // the same PIN, still 2 attempts: withheld
            ("AT+CPIN?\r", Self.locked), ("AT+CCID\r", "\r\nERROR\r\n"), ("AT+CPINR=\"SIM PIN\"\r", Self.retries(2)),
            // after the PUK, 3 attempts: tried, and accepted
            ("AT+CPIN?\r", Self.locked), ("AT+CCID\r", "\r\nERROR\r\n"), ("AT+CPINR=\"SIM PIN\"\r", Self.retries(3)),
            ("AT+CPIN=\"0000\"\r", "\r\nOK\r\n"), ("AT+CPIN?\r", Self.ready),
        ] {
            harness.transport.expect(write, reply: reply)
        }

        // When
        let (withheld, state) = try await harness.run { harness in
            (
                await modemError { try await harness.modem.unlockSIM(pin: "0000", memory: memory) },
                try await harness.modem.unlockSIM(pin: "0000", memory: memory)
            )
        }

        // Then
        #expect(harness.transport.unexpectedWrites.isEmpty)
        #expect(harness.transport.remainingSteps.isEmpty)
        #expect(withheld?.code == .simPINRefused)
        #expect(state == .ready)
        #expect(memory.refusal(sim: sim, pin: "0000") == nil)
        #expect(SIMPINRefusal(attemptsLeft: 2, answer: "").holds(attemptsNow: nil))
        #expect(SIMPINRefusal(attemptsLeft: nil, answer: "").holds(attemptsNow: 3))
        #expect(!SIMPINRefusal(attemptsLeft: 1, answer: "").holds(attemptsNow: 2))
    }

    /// The SIMCom profile reads the ICCID with `AT+CICCID` and the attempts with `AT+SPIC`, and falls back to
    /// `AT+CPINR` when `AT+SPIC` is refused.
    @Test func vendorQueriesWithStandardFallback() async throws {
        // Given
        let harness = ModemHarness(chunkSize: 3, configuration: ModemConfiguration(profileName: "simcom"))
        harness.transport.expect("AT+CPIN?\r", reply: Self.locked)
        harness.transport.expect("AT+CICCID\r", reply: "\r\n+ICCID: 8944303212345678901F\r\n\r\nOK\r\n")
        harness.transport.expect("AT+SPIC\r", reply: "\r\nERROR\r\n")
        harness.transport.expect("AT+CPINR=\"SIM PIN\"\r", reply: Self.retries(1))

        // When
        let error = try await harness.run { harness in
            await modemError { try await harness.modem.unlockSIM(pin: "1234", memory: InMemorySIMPINMemory()) }
        }

        // Then
        #expect(harness.transport.unexpectedWrites.isEmpty)
        #expect(error?.code == .simPINRefused)
    }
}
