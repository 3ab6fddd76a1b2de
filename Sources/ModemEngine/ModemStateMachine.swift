// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol

/// The engine's protocol logic, with no I/O: the command queue, matching modem output to the command in
/// flight, unsolicited result codes, timeouts and the recovery ladder.
///
/// Every input (a frame from the modem, a new command, a deadline, the transport failing) returns the
/// ``Action``s the caller must carry out, in order. ``Modem`` does only that I/O. Time comes in as
/// `C.Instant` values, so tests drive timeouts with a manual clock.
///
/// ### Rules
/// - One command is in flight; the others wait in order.
/// - A line is classified by ``ATLineRole/classify(_:pendingCommand:)`` against the command in flight:
///   its first echo is dropped, unsolicited result codes are delivered wherever they fall, everything
///   else up to the final result is the response.
/// - `+CMT` and `+CDS` take the next line as their PDU.
/// - A command with a ``PromptPayload`` writes the payload when the `> ` prompt arrives; the echo of the
///   payload is dropped.
/// - A timeout fails the command and starts the recovery ladder (``RecoveryStep``). Commands queued
///   meanwhile wait; they fail only if the ladder ends in "needs power cycle".
/// - After the transport fails, every command fails at once with that error.
struct ModemStateMachine<C: Clock> where C.Duration == Duration {
    /// Something the I/O shell must do.
    enum Action {
        /// Write these bytes to the modem.
        case write([UInt8])
        /// Call ``deadlineReached(now:)`` at (or after) this instant.
        case armTimer(C.Instant)
        /// Resume the caller waiting for this request.
        case complete(CommandRequest.ID, Result<ATResponse, ModemError>)
        /// Publish an event.
        case deliver(ModemEvent)
        /// Nothing to do but log that this frame was dropped, and why.
        case discard(ATFrame, reason: String)
    }

    /// The recovery settings that come from the configuration and the quirk profile.
    struct RecoverySettings {
        var policy: RecoveryPolicy
        var resetCommand: ATCommand
        var resetTimeout: Duration
        var restartDelay: Duration
    }

    private struct Execution {
        enum Phase: Equatable {
            case awaitingResponse
            case awaitingPrompt
            case payloadWritten
        }

        var request: CommandRequest
        var phase: Phase
        var deadline: C.Instant
        var lines: [ATLine] = []
        var hasSeenEcho = false
        var hasSeenPayloadEcho = false
        /// The caller gave up (its task was cancelled); the response is still absorbed.
        var isAbandoned = false
        /// The modem reported a restart (`RDY`) while this command was in flight.
        var restartSeen = false
    }

    /// How long a command may still be answered after the modem reports a restart: `RDY` may have been
    /// written just before the command arrived, in which case the answer follows; otherwise the command
    /// was lost in the restart.
    static var restartGrace: Duration { .seconds(1) }

    private struct Recovery {
        enum Phase: Equatable {
            case escaping(attempt: Int)
            case probing(attempt: Int)
            case softReset
            case modemReset
            case awaitingRestart
            case probingAfterRestart(attempt: Int)
        }

        var phase: Phase
        var deadline: C.Instant
        var reason: ModemError
    }

    private enum State {
        case idle
        case executing(Execution)
        case recovering(Recovery)
        case needsPowerCycle(ModemError)
        case closed(ModemError)
    }

    var recoverySettings: RecoverySettings
    private var state: State = .idle
    private var queue: [CommandRequest] = []
    /// A `+CMT`/`+CDS` header whose PDU line has not arrived yet.
    private var pendingDelivery: UnsolicitedResult?
    /// When the modem last reported that it started (`RDY`).
    private(set) var lastStart: C.Instant?
    /// Whether SMS storage reported ready (`SMS DONE`, `SMS Ready`) since the last start.
    private(set) var isSMSReadySinceStart = false

    init(recoverySettings: RecoverySettings) {
        self.recoverySettings = recoverySettings
    }

    /// Whether the transport has failed or the engine stopped.
    var isClosed: Bool {
        if case .closed = self.state { return true }
        return false
    }

    // MARK: Inputs

    /// Queues a command, writing it at once if nothing is in flight.
    mutating func enqueue(_ request: CommandRequest, now: C.Instant) -> [Action] {
        switch self.state {
        case .closed(let error), .needsPowerCycle(let error):
            return [.complete(request.id, .failure(Self.failure(error, for: request.command)))]
        case .idle:
            self.queue.append(request)
            return self.startNextCommand(now: now)
        case .executing, .recovering:
            self.queue.append(request)
            return []
        }
    }

    /// The caller of a request no longer waits for it.
    ///
    /// A queued request is removed. A request in flight completes now with ``ModemError/Code/cancelled``,
    /// but its response is still absorbed; if it is waiting for the prompt, ESC is sent when it comes.
    mutating func cancel(_ id: CommandRequest.ID) -> [Action] {
        if let index = self.queue.firstIndex(where: { $0.id == id }) {
            let request = self.queue.remove(at: index)
            return [.complete(id, .failure(.cancelled(request.command)))]
        }
        if case .executing(var execution) = self.state, execution.request.id == id, !execution.isAbandoned {
            execution.isAbandoned = true
            self.state = .executing(execution)
            return [.complete(id, .failure(.cancelled(execution.request.command)))]
        }
        return []
    }

    /// A frame from the modem.
    mutating func frameReceived(_ frame: ATFrame, now: C.Instant) -> [Action] {
        var actions: [Action] = []
        if let header = self.pendingDelivery {
            self.pendingDelivery = nil
            if case .line(let line) = frame, let hex = Self.hexText(line) {
                return [.deliver(Self.delivery(header, pduHex: hex))]
            }
            // The PDU line is missing: report the header alone and handle this frame normally.
            actions.append(.deliver(.unsolicited(header)))
        }
        switch frame {
        case .prompt:
            actions += self.promptReceived()
        case .overlong:
            actions.append(.discard(frame, reason: "line longer than the maximum line length"))
        case .line(let line):
            actions += self.lineReceived(line, now: now)
        }
        return actions
    }

    /// A timer armed by ``Action/armTimer(_:)`` fired. Stale timers are ignored.
    mutating func deadlineReached(now: C.Instant) -> [Action] {
        switch self.state {
        case .executing(let execution) where now >= execution.deadline && execution.restartSeen:
            // Lost in a restart: no recovery needed, the modem has just announced it is alive.
            var actions: [Action] = []
            if !execution.isAbandoned {
                let error = ModemError.restarted(
                    execution.request.command,
                    afterPayload: execution.phase == .payloadWritten
                )
                actions.append(.complete(execution.request.id, .failure(error)))
            }
            self.state = .idle
            return actions + self.startNextCommand(now: now)
        case .executing(let execution) where now >= execution.deadline:
            var actions: [Action] = []
            let error = ModemError.timeout(execution.request.command, after: execution.request.timeout)
            if !execution.isAbandoned {
                actions.append(.complete(execution.request.id, .failure(error)))
            }
            if self.recoverySettings.policy.isEnabled && execution.request.startsRecovery {
                actions += self.beginResync(attempt: 1, reason: error, now: now)
            } else {
                if execution.phase != .awaitingResponse {
                    actions.append(.write(CMGS.cancelPayload))
                }
                self.state = .idle
                actions += self.startNextCommand(now: now)
            }
            return actions
        case .recovering(let recovery) where now >= recovery.deadline:
            return self.recoveryTimedOut(recovery, now: now)
        default:
            return []
        }
    }

    /// The transport failed or the engine is stopping: every command fails with `error`.
    mutating func close(_ error: ModemError) -> [Action] {
        if case .closed = self.state { return [] }
        var actions: [Action] = []
        if let header = self.pendingDelivery {
            self.pendingDelivery = nil
            actions.append(.deliver(.unsolicited(header)))
        }
        if case .executing(let execution) = self.state, !execution.isAbandoned {
            actions.append(
                .complete(execution.request.id, .failure(Self.failure(error, for: execution.request.command)))
            )
        }
        for request in self.queue {
            actions.append(.complete(request.id, .failure(Self.failure(error, for: request.command))))
        }
        self.queue = []
        self.state = .closed(error)
        if error.code == .portLost {
            actions.append(.deliver(.portLost(error)))
        }
        return actions
    }

    // MARK: Commands

    private mutating func startNextCommand(now: C.Instant) -> [Action] {
        guard case .idle = self.state, !self.queue.isEmpty else { return [] }
        let request = self.queue.removeFirst()
        let deadline = now.advanced(by: request.timeout)
        let phase: Execution.Phase = request.payload == nil ? .awaitingResponse : .awaitingPrompt
        self.state = .executing(Execution(request: request, phase: phase, deadline: deadline))
        return [.write(request.preamble + request.command.wireBytes), .armTimer(deadline)]
    }

    private mutating func promptReceived() -> [Action] {
        guard case .executing(var execution) = self.state, execution.phase == .awaitingPrompt,
            let payload = execution.request.payload
        else {
            return [.discard(.prompt, reason: "no command is waiting for the prompt")]
        }
        execution.phase = .payloadWritten
        self.state = .executing(execution)
        return [.write(execution.isAbandoned ? CMGS.cancelPayload : payload.bytes)]
    }

    private mutating func lineReceived(_ line: ATLine, now: C.Instant) -> [Action] {
        switch self.state {
        case .executing(var execution):
            if execution.phase == .payloadWritten, !execution.hasSeenPayloadEcho,
                let echo = execution.request.payload?.echoText, ATCommand.isPDUEcho(line, pduHex: echo)
            {
                execution.hasSeenPayloadEcho = true
                self.state = .executing(execution)
                return []
            }
            switch ATLineRole.classify(line, pendingCommand: execution.request.command) {
            case .echo where !execution.hasSeenEcho:
                execution.hasSeenEcho = true
                self.state = .executing(execution)
                return []
            case .echo, .response, .unexpected:
                execution.lines.append(line)
                self.state = .executing(execution)
                return []
            case .unsolicited(.modemReady):
                // The modem restarted. Its answer may still come (if RDY was written just before the command
                // arrived); if it does not within a short grace, the command was lost in the restart.
                execution.restartSeen = true
                let grace = now.advanced(by: Self.restartGrace)
                if grace < execution.deadline {
                    execution.deadline = grace
                }
                self.state = .executing(execution)
                return self.unsolicited(.modemReady, now: now) + [.armTimer(execution.deadline)]
            case .unsolicited(let result):
                return self.unsolicited(result, now: now)
            case .finalResult(let result):
                return self.finish(execution, with: result, now: now)
            }
        case .recovering(let recovery):
            switch ATLineRole.classify(line, pendingCommand: self.commandInFlight(during: recovery.phase)) {
            case .unsolicited(let result):
                var actions = self.unsolicited(result, now: now)
                if result == .modemReady, recovery.phase == .awaitingRestart {
                    actions += self.probeAfterRestart(attempt: 1, reason: recovery.reason, now: now)
                }
                return actions
            case .finalResult:
                return self.recoveryAnswered(recovery, line: line, now: now)
            case .echo:
                return []
            case .response, .unexpected:
                return [.discard(.line(line), reason: "response during recovery")]
            }
        case .idle, .needsPowerCycle, .closed:
            if case .unsolicited(let result) = ATLineRole.classify(line, pendingCommand: nil) {
                return self.unsolicited(result, now: now)
            }
            return [.discard(.line(line), reason: "no command is waiting for a response")]
        }
    }

    private mutating func finish(_ execution: Execution, with result: FinalResult, now: C.Instant) -> [Action] {
        var actions: [Action] = []
        if !execution.isAbandoned {
            let command = execution.request.command
            let outcome: Result<ATResponse, ModemError> =
                result.isSuccess
                ? .success(ATResponse(lines: execution.lines, finalResult: result))
                : .failure(.commandFailed(command, result))
            actions.append(.complete(execution.request.id, outcome))
        }
        self.state = .idle
        actions += self.startNextCommand(now: now)
        return actions
    }

    private mutating func unsolicited(_ result: UnsolicitedResult, now: C.Instant) -> [Action] {
        if result.requiresFollowingLine {
            self.pendingDelivery = result
            return []
        }
        switch result {
        case .modemReady:
            self.lastStart = now
            self.isSMSReadySinceStart = false
        case .smsReady:
            self.isSMSReadySinceStart = true
        default:
            break
        }
        return [.deliver(.unsolicited(result))]
    }

    // MARK: Recovery

    private func commandInFlight(during phase: Recovery.Phase) -> ATCommand? {
        switch phase {
        case .probing, .probingAfterRestart: V250.attention
        case .softReset: V250.reset
        case .modemReset: self.recoverySettings.resetCommand
        case .escaping, .awaitingRestart: nil
        }
    }

    private mutating func beginResync(attempt: Int, reason: ModemError, now: C.Instant) -> [Action] {
        let deadline = now.advanced(by: self.recoverySettings.policy.escapeSettle)
        self.state = .recovering(Recovery(phase: .escaping(attempt: attempt), deadline: deadline, reason: reason))
        var actions: [Action] = attempt == 1 ? [.deliver(.recovering(.resync))] : []
        actions += [.write(CMGS.cancelPayload), .armTimer(deadline)]
        return actions
    }

    private mutating func probeAfterRestart(attempt: Int, reason: ModemError, now: C.Instant) -> [Action] {
        self.write(V250.attention, phase: .probingAfterRestart(attempt: attempt), reason: reason, now: now)
    }

    private mutating func write(
        _ command: ATCommand,
        phase: Recovery.Phase,
        reason: ModemError,
        timeout: Duration? = nil,
        now: C.Instant
    ) -> [Action] {
        let deadline = now.advanced(by: timeout ?? self.recoverySettings.policy.probeTimeout)
        self.state = .recovering(Recovery(phase: phase, deadline: deadline, reason: reason))
        return [.write(command.wireBytes), .armTimer(deadline)]
    }

    private mutating func recoveryTimedOut(_ recovery: Recovery, now: C.Instant) -> [Action] {
        let settings = self.recoverySettings
        switch recovery.phase {
        case .escaping(let attempt):
            return self.write(V250.attention, phase: .probing(attempt: attempt), reason: recovery.reason, now: now)
        case .probing(let attempt) where attempt < settings.policy.resyncAttempts:
            return self.beginResync(attempt: attempt + 1, reason: recovery.reason, now: now)
        case .probing:
            return [.deliver(.recovering(.softReset))]
                + self.write(V250.reset, phase: .softReset, reason: recovery.reason, now: now)
        case .softReset:
            return [.deliver(.recovering(.modemReset))]
                + self.write(
                    settings.resetCommand,
                    phase: .modemReset,
                    reason: recovery.reason,
                    timeout: settings.resetTimeout,
                    now: now
                )
        case .modemReset:
            return self.awaitRestart(reason: recovery.reason, now: now)
        case .awaitingRestart:
            return self.probeAfterRestart(attempt: 1, reason: recovery.reason, now: now)
        case .probingAfterRestart(let attempt) where attempt < settings.policy.resyncAttempts:
            return self.probeAfterRestart(attempt: attempt + 1, reason: recovery.reason, now: now)
        case .probingAfterRestart:
            return self.giveUp(reason: recovery.reason)
        }
    }

    private mutating func recoveryAnswered(_ recovery: Recovery, line: ATLine, now: C.Instant) -> [Action] {
        switch recovery.phase {
        case .escaping, .awaitingRestart:
            return [.discard(.line(line), reason: "late result during recovery")]
        case .probing:
            return self.recovered(after: .resync, now: now)
        case .softReset:
            return self.recovered(after: .softReset, now: now)
        case .modemReset:
            return self.awaitRestart(reason: recovery.reason, now: now)
        case .probingAfterRestart:
            return self.recovered(after: .modemReset, now: now)
        }
    }

    private mutating func awaitRestart(reason: ModemError, now: C.Instant) -> [Action] {
        let deadline = now.advanced(by: self.recoverySettings.restartDelay)
        self.state = .recovering(Recovery(phase: .awaitingRestart, deadline: deadline, reason: reason))
        return [.armTimer(deadline)]
    }

    private mutating func recovered(after step: RecoveryStep, now: C.Instant) -> [Action] {
        self.state = .idle
        return [.deliver(.recovered(step))] + self.startNextCommand(now: now)
    }

    private mutating func giveUp(reason: ModemError) -> [Action] {
        let error = ModemError(
            code: .needsPowerCycle,
            message: "the modem does not answer after resync, ATZ and \(self.recoverySettings.resetCommand)",
            cause: reason
        )
        var actions: [Action] = self.queue.map { .complete($0.id, .failure(Self.failure(error, for: $0.command))) }
        self.queue = []
        self.state = .needsPowerCycle(error)
        actions.append(.deliver(.needsPowerCycle(error)))
        return actions
    }

    // MARK: Helpers

    /// `error` as the failure of `command`.
    private static func failure(_ error: ModemError, for command: ATCommand) -> ModemError {
        var error = error
        error.command = command
        return error
    }

    private static func delivery(_ header: UnsolicitedResult, pduHex: String) -> ModemEvent {
        switch header {
        case .messageDelivery(let header):
            .messageDelivery(IncomingPDU(header: header, pduHex: pduHex))
        case .statusReportDelivery(let header):
            .statusReportDelivery(IncomingPDU(header: header, pduHex: pduHex))
        default:
            .unsolicited(header)
        }
    }

    /// The line's text if it is a non-empty, even-length run of hexadecimal digits (a PDU line).
    private static func hexText(_ line: ATLine) -> String? {
        var bytes = line.bytes[...]
        while let last = bytes.last, last == UInt8(ascii: " ") { bytes = bytes.dropLast() }
        guard !bytes.isEmpty, bytes.count % 2 == 0 else { return nil }
        let isHex = bytes.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
        }
        return isHex ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
