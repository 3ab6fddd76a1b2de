// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Testing

@testable import ModemEngine

/// The pure state machine, stepped by hand: no actor, no transport.
@Suite struct ModemStateMachineTests {
    typealias Machine = ModemStateMachine<ManualClock>

    private static func makeMachine() -> Machine {
        Machine(
            recoverySettings: Machine.RecoverySettings(
                policy: RecoveryPolicy(),
                resetCommand: CFUN.set(.full, reset: true),
                resetTimeout: .seconds(15),
                restartDelay: .seconds(20)
            )
        )
    }

    private static func at(_ seconds: Int) -> ManualClock.Instant {
        ManualClock.Instant(offset: .seconds(seconds))
    }

    private static func request(_ number: Int, _ command: ATCommand) -> CommandRequest {
        CommandRequest(id: CommandRequest.ID(rawValue: number), command: command, payload: nil, timeout: .seconds(5))
    }

    private static func summary(_ actions: [Machine.Action]) -> [String] {
        actions.map { action in
            switch action {
            case .write(let bytes): "write \(ATLine(bytes: bytes))"
            case .armTimer(let instant): "timer \(instant.offset)"
            case .complete(let id, .success(let response)): "complete \(id) \(response.lines.map(\.text))"
            case .complete(let id, .failure(let error)): "fail \(id) \(error.code)"
            case .deliver(let event): "deliver \(event.summary)"
            case .discard(_, let reason): "discard \(reason)"
            }
        }
    }

    /// The second command waits until the first's final result, then is written with its own deadline.
    @Test func runsOneCommandAtATime() {
        var machine = Self.makeMachine()
        #expect(
            Self.summary(machine.enqueue(Self.request(0, CSQ.execute), now: Self.at(0))) == [
                "write AT+CSQ\\x0D", "timer 5.0 seconds",
            ]
        )
        #expect(machine.enqueue(Self.request(1, CGMI.execute), now: Self.at(1)).isEmpty)
        #expect(machine.frameReceived(.line("+CSQ: 20,99"), now: Self.at(2)).isEmpty)
        #expect(
            Self.summary(machine.frameReceived(.line("OK"), now: Self.at(3))) == [
                "complete #0 [\"+CSQ: 20,99\"]", "write AT+CGMI\\x0D", "timer 8.0 seconds",
            ]
        )
    }

    /// A timer armed for an earlier command does nothing to the command now in flight.
    @Test func ignoresStaleDeadlines() {
        var machine = Self.makeMachine()
        _ = machine.enqueue(Self.request(0, CSQ.execute), now: Self.at(0))
        _ = machine.frameReceived(.line("OK"), now: Self.at(4))
        _ = machine.enqueue(Self.request(1, CGMI.execute), now: Self.at(4))
        #expect(machine.deadlineReached(now: Self.at(5)).isEmpty)
        #expect(
            Self.summary(machine.deadlineReached(now: Self.at(9))).prefix(3) == [
                "fail #1 timeout", "deliver recovering(resync)", "write \\x1B",
            ]
        )
    }

    /// A cancelled queued command is removed; a cancelled command in flight still absorbs its response.
    @Test func cancellation() {
        var machine = Self.makeMachine()
        _ = machine.enqueue(Self.request(0, CSQ.execute), now: Self.at(0))
        _ = machine.enqueue(Self.request(1, CGMI.execute), now: Self.at(0))
        #expect(Self.summary(machine.cancel(CommandRequest.ID(rawValue: 1))) == ["fail #1 cancelled"])
        #expect(Self.summary(machine.cancel(CommandRequest.ID(rawValue: 0))) == ["fail #0 cancelled"])
        #expect(machine.frameReceived(.line("+CSQ: 20,99"), now: Self.at(1)).isEmpty)
        #expect(machine.frameReceived(.line("OK"), now: Self.at(1)).isEmpty)
    }

    /// The start-up report opens a settle window that the SMS-ready report closes.
    @Test func tracksStartup() {
        var machine = Self.makeMachine()
        _ = machine.frameReceived(.line("RDY"), now: Self.at(3))
        #expect(machine.lastStart == Self.at(3))
        #expect(!machine.isSMSReadySinceStart)
        _ = machine.frameReceived(.line("+QIND: SMS DONE"), now: Self.at(9))
        #expect(machine.isSMSReadySinceStart)
    }

    /// A restart (`RDY`) during a command: an answer within the grace still completes it.
    @Test func answerAfterRestartReportStillCompletes() {
        var machine = Self.makeMachine()
        _ = machine.enqueue(Self.request(0, CSQ.execute), now: Self.at(0))
        let onReady = Self.summary(machine.frameReceived(.line("RDY"), now: Self.at(1)))
        #expect(onReady.contains("timer 2.0 seconds"))
        #expect(
            Self.summary(machine.frameReceived(.line("OK"), now: Self.at(1))) == ["complete #0 []"]
        )
    }

    /// A restart during a command that then gets no answer fails it as lost in the restart, without the
    /// recovery ladder, and the next command goes out.
    @Test func commandLostInRestartFailsWithoutRecovery() {
        var machine = Self.makeMachine()
        _ = machine.enqueue(Self.request(0, CSQ.execute), now: Self.at(0))
        _ = machine.enqueue(Self.request(1, CGMI.execute), now: Self.at(0))
        _ = machine.frameReceived(.line("RDY"), now: Self.at(1))
        #expect(
            Self.summary(machine.deadlineReached(now: Self.at(2))) == [
                "fail #0 modem restarted", "write AT+CGMI\\x0D", "timer 7.0 seconds",
            ]
        )
    }
}
