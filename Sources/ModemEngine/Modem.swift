// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol
public import Logging
import NIOCore

/// A modem on an AT port: a command queue with timeouts, unsolicited result codes as ``events``, and
/// recovery when the modem stops answering.
///
/// The actor only does I/O; the protocol logic is a pure state machine it drives. Create a modem on a
/// transport, start ``run()`` in a task that lives as long as the modem (a service group, a task
/// group), then call operations from anywhere:
///
/// ```swift
/// let modem = Modem(transport: transport, configuration: .fromEnvironment(udevProperties))
/// try await withThrowingDiscardingTaskGroup { group in
///     group.addTask { try await modem.run() }
///     group.addTask {
///         for await event in modem.events { … }   // +CMTI, +CDS, recovery, port lost
///     }
///     try await modem.initialise()
///     let messages = try await modem.listMessages()
/// }
/// ```
///
/// ### Failures
/// - A command the modem refuses throws a ``ModemError`` with code ``ModemError/Code/commandFailed``
///   and the final result (`+CME ERROR`, `+CMS ERROR`, …).
/// - A command with no answer within its timeout throws ``ModemError/Code/timeout``, and the engine climbs
///   its recovery ladder (``RecoveryStep``), reporting each step on ``events``. If nothing helps, the
///   event is ``ModemEvent/needsPowerCycle(_:)`` and every command fails with that code.
/// - When the port is lost, every waiting command fails at once with ``ModemError/Code/portLost``,
///   ``events`` reports it and finishes, and ``run()`` throws it.
///
/// Generic over the clock so tests can step time; production code uses `Modem<ContinuousClock>`.
public actor Modem<C: Clock> where C.Duration == Duration {
    /// Unsolicited result codes and engine events, in order. Iterate it from one task only.
    public nonisolated let events: AsyncStream<ModemEvent>
    /// The configuration the modem was created with.
    public nonisolated let configuration: ModemConfiguration
    /// The quirk profile in use; chosen from ``ModemConfiguration/profileName`` at creation and by
    /// ``initialise(pin:)`` from the modem's identity when no profile was named.
    public private(set) var quirks: ModemQuirks
    /// Names of vendor reports seen on the port so far (`^RSSI`, `+QIND`), a hint for choosing a profile.
    public private(set) var seenIndicationNames: Set<String> = []
    /// When the modem last answered a probe of ``waitUntilAnswering(attempts:interval:)``: start-up announcements
    /// (`RDY`, `SMS DONE`) received before then belong to a start that set-up already followed.
    public private(set) var answeringSince: C.Instant?
    /// Whether the ESC of ``ModemConfiguration/abandonPromptBeforeProbing`` was sent and answered; it is needed
    /// once per opening of the port, not after every restart of the modem.
    private var promptAbandoned = false
    /// The storage chosen with ``selectStorage(read:write:receive:)`` for reading, if any.
    public internal(set) var selectedStorage: String?

    let clock: C
    let logger: Logger
    private let transport: any ModemTransport
    private var stateMachine: ModemStateMachine<C>
    private var waiters: [CommandRequest.ID: CheckedContinuation<ATResponse, any Error>] = [:]
    private var nextRequestNumber = 0
    private var hasStarted = false
    private let eventSink: AsyncStream<ModemEvent>.Continuation
    private let outbound: AsyncStream<ByteBuffer>
    private let outboundSink: AsyncStream<ByteBuffer>.Continuation
    private let timers: AsyncStream<C.Instant>
    private let timerSink: AsyncStream<C.Instant>.Continuation
    private let cancellations: AsyncStream<CommandRequest.ID>
    private let cancellationSink: AsyncStream<CommandRequest.ID>.Continuation

    /// Creates a modem on `transport`. Nothing is written until ``run()`` starts.
    public init(
        transport: some ModemTransport,
        configuration: ModemConfiguration = ModemConfiguration(),
        clock: C,
        logger: Logger = Logger(label: "careconnect.modem")
    ) {
        self.transport = transport
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        let quirks = configuration.profileName.flatMap(ModemQuirks.named) ?? .generic
        self.quirks = quirks
        self.stateMachine = ModemStateMachine(
            recoverySettings: Self.recoverySettings(quirks: quirks, configuration: configuration)
        )
        (self.events, self.eventSink) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        (self.outbound, self.outboundSink) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        (self.timers, self.timerSink) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        (self.cancellations, self.cancellationSink) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        if let name = configuration.profileName, ModemQuirks.named(name) == nil {
            logger.warning(
                "unknown modem profile name; the profile will be chosen from the modem's identity",
                metadata: ["profile": "\(name)", "known": "\(ModemQuirks.profileNames.joined(separator: ", "))"]
            )
        }
    }

    // MARK: Running

    /// Reads and writes the port until the task is cancelled or the port is lost.
    ///
    /// Call it once. It closes the transport and finishes ``events`` before returning. Cancellation
    /// returns normally (waiting commands fail with ``ModemError/Code/stopped``); a lost port throws
    /// ``ModemError`` with code ``ModemError/Code/portLost``.
    public func run() async throws {
        guard !self.hasStarted else {
            throw ModemError(code: .stopped, message: "run() was already called on this modem")
        }
        self.hasStarted = true
        let transport = self.transport
        let outbound = self.outbound
        let timers = self.timers
        let cancellations = self.cancellations
        let clock = self.clock
        let maximumLineLength = self.configuration.maximumLineLength
        var failure: ModemError?
        do {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await Self.readLoop(transport, maximumLineLength: maximumLineLength, modem: self) }
                group.addTask { try await Self.writeLoop(transport, outbound: outbound, modem: self) }
                group.addTask { await Self.timerLoop(timers, clock: clock, modem: self) }
                group.addTask {
                    for await id in cancellations { await self.cancelRequest(id) }
                }
            }
        } catch let error as ModemError {
            failure = error
        } catch {
            failure = ModemError.portLost(error, "the modem port failed")
        }
        self.perform(self.stateMachine.close(failure ?? ModemError(code: .stopped, message: "the modem was stopped")))
        self.eventSink.finish()
        self.outboundSink.finish()
        self.timerSink.finish()
        self.cancellationSink.finish()
        await transport.close()
        if let failure { throw failure }
    }

    private static func readLoop(_ transport: any ModemTransport, maximumLineLength: Int, modem: Modem) async throws {
        // The decoder keeps at most about one line; a single read from the transport may add up to
        // 64 KiB on top of that.
        let frames = transport.inbound.decode(
            using: ATLineDecoder(maximumLineLength: maximumLineLength),
            maximumBufferSize: 128 * 1024 + maximumLineLength
        )
        do {
            for try await frame in frames {
                await modem.frameReceived(frame)
            }
        } catch {
            if Task.isCancelled { return }
            let lost = ModemError.portLost(error, "reading from the modem port failed")
            await modem.transportFailed(lost)
            throw lost
        }
        if Task.isCancelled { return }
        let lost = ModemError(code: .portLost, message: "the modem port was closed")
        await modem.transportFailed(lost)
        throw lost
    }

    private static func writeLoop(
        _ transport: any ModemTransport,
        outbound: AsyncStream<ByteBuffer>,
        modem: Modem
    ) async throws {
        for await bytes in outbound {
            do {
                try await transport.write(bytes)
            } catch {
                if Task.isCancelled { return }
                let lost = ModemError.portLost(error, "writing to the modem port failed")
                await modem.transportFailed(lost)
                throw lost
            }
        }
    }

    /// Sleeps until each armed deadline and reports it. Deadlines that became stale are reported too;
    /// the state machine ignores them.
    private static func timerLoop(_ timers: AsyncStream<C.Instant>, clock: C, modem: Modem) async {
        await withDiscardingTaskGroup { group in
            for await deadline in timers {
                group.addTask {
                    do {
                        try await clock.sleep(until: deadline, tolerance: nil)
                    } catch {
                        return
                    }
                    await modem.deadlineReached()
                }
            }
            group.cancelAll()
        }
    }

    // MARK: Commands

    /// Sends a command and returns its response once the final result arrives.
    ///
    /// Commands run one at a time, in the order they were issued. The timeout counts from when the command
    /// is written; by default it comes from ``ModemQuirks/timeout(for:configuration:)``.
    ///
    /// - Parameters:
    ///   - command: The command.
    ///   - payload: For `AT+CMGS`-style commands, what to write at the `> ` prompt.
    ///   - timeout: Overrides the command's timeout.
    /// - Returns: The information response lines and the final result (always a success).
    /// - Throws: ``ModemError``.
    @discardableResult
    public func execute(
        _ command: ATCommand,
        payload: PromptPayload? = nil,
        timeout: Duration? = nil
    ) async throws -> ATResponse {
        try await self.execute(command, payload: payload, timeout: timeout, startsRecovery: true)
    }

    /// Waits until the modem answers `AT`, probing every `interval` up to `attempts` times. A modem that
    /// was just plugged in or reset ignores commands until it has started; these probes do not start the
    /// recovery ladder.
    ///
    /// - Throws: ``ModemError`` with code ``ModemError/Code/timeout`` when it never answers.
    ///
    /// With ``ModemConfiguration/abandonPromptBeforeProbing``, the first probe after opening is preceded by ESC, which abandons a PDU another process left half-entered at the `> `
    /// prompt (a real modem stays at the prompt when the program that opened it dies). ESC may draw an
    /// answer of its own, so after the first answer the engine waits for stray results to pass and confirms
    /// with one more `AT`, keeping later answers matched to their commands.
    public func waitUntilAnswering(attempts: Int = 30, interval: Duration = .seconds(1)) async throws {
        var lastError: (any Error)?
        var answered = false
        for _ in 0..<max(attempts, 1) {
            do {
                if !answered && !self.promptAbandoned && self.configuration.abandonPromptBeforeProbing {
                    _ = try await self.execute(
                        V250.attention,
                        payload: nil,
                        timeout: interval,
                        startsRecovery: false,
                        preamble: CMGS.cancelPayload
                    )
                    answered = true
                    // Stray answers to the ESC arrive now and are discarded while no command waits.
                    try await Task.sleep(for: .milliseconds(300))
                }
                _ = try await self.execute(V250.attention, payload: nil, timeout: interval, startsRecovery: false)
                self.promptAbandoned = self.promptAbandoned || answered
                self.answeringSince = self.clock.now
                return
            } catch let error as ModemError where error.code == .timeout || error.code == .modemRestarted {
                lastError = error
                answered = false
            }
        }
        throw lastError ?? ModemError(code: .timeout, message: "the modem did not answer AT")
    }

    private func execute(
        _ command: ATCommand,
        payload: PromptPayload?,
        timeout: Duration?,
        startsRecovery: Bool,
        preamble: [UInt8] = []
    ) async throws -> ATResponse {
        let id = CommandRequest.ID(rawValue: self.nextRequestNumber)
        self.nextRequestNumber += 1
        var request = CommandRequest(
            id: id,
            command: command,
            payload: payload,
            timeout: timeout ?? self.quirks.timeout(for: command, configuration: self.configuration)
        )
        request.startsRecovery = startsRecovery
        request.preamble = preamble
        let cancellationSink = self.cancellationSink
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<ATResponse, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: ModemError.cancelled(command))
                    return
                }
                self.waiters[id] = continuation
                self.perform(self.stateMachine.enqueue(request, now: self.clock.now))
            }
        } onCancel: {
            cancellationSink.yield(id)
        }
    }

    /// Switches to another quirk profile.
    public func use(_ quirks: ModemQuirks) {
        self.quirks = quirks
        self.stateMachine.recoverySettings = Self.recoverySettings(quirks: quirks, configuration: self.configuration)
        self.logger.info("modem profile", metadata: ["profile": "\(quirks.name)"])
    }

    /// When the modem last reported that it started (`RDY`) and SMS storage has not said it is ready
    /// since, the instant until which SMS commands may still fail.
    var startupSettleDeadline: C.Instant? {
        guard let start = self.stateMachine.lastStart, !self.stateMachine.isSMSReadySinceStart else { return nil }
        return start.advanced(by: self.quirks.startupSettleDelay)
    }

    // MARK: Inputs from the loops

    private func frameReceived(_ frame: ATFrame) {
        self.logger.trace("modem sent", metadata: ["frame": "\(frame)"])
        self.perform(self.stateMachine.frameReceived(frame, now: self.clock.now))
    }

    private func deadlineReached() {
        self.perform(self.stateMachine.deadlineReached(now: self.clock.now))
    }

    private func transportFailed(_ error: ModemError) {
        self.perform(self.stateMachine.close(error))
    }

    private func cancelRequest(_ id: CommandRequest.ID) {
        self.perform(self.stateMachine.cancel(id))
    }

    private func perform(_ actions: [ModemStateMachine<C>.Action]) {
        for action in actions {
            switch action {
            case .write(let bytes):
                self.logger.trace("host wrote", metadata: ["bytes": "\(ATLine(bytes: bytes))"])
                self.outboundSink.yield(ByteBuffer(bytes: bytes))
            case .armTimer(let deadline):
                self.timerSink.yield(deadline)
            case .complete(let id, let result):
                if case .failure(let error) = result {
                    self.logger.debug("command failed", metadata: ["error": "\(error)"])
                }
                self.waiters.removeValue(forKey: id)?.resume(with: result.mapError { $0 as any Error })
            case .deliver(let event):
                self.note(event)
                self.eventSink.yield(event)
            case .discard(let frame, let reason):
                self.logger.debug("dropped modem output", metadata: ["frame": "\(frame)", "reason": "\(reason)"])
            }
        }
    }

    private func note(_ event: ModemEvent) {
        switch event {
        case .unsolicited(.vendor(let indication)):
            self.seenIndicationNames.insert(indication.name)
        case .recovering(let step):
            self.logger.warning("modem not answering; recovering", metadata: ["step": "\(step)"])
        case .recovered(let step):
            self.logger.notice("modem answers again", metadata: ["step": "\(step)"])
        case .needsPowerCycle(let error), .portLost(let error):
            self.logger.error("modem unavailable", metadata: ["error": "\(error)"])
        default:
            break
        }
    }

    private static func recoverySettings(
        quirks: ModemQuirks,
        configuration: ModemConfiguration
    ) -> ModemStateMachine<C>.RecoverySettings {
        ModemStateMachine<C>.RecoverySettings(
            policy: configuration.recovery,
            resetCommand: quirks.resetCommand,
            resetTimeout: quirks.timeout(for: quirks.resetCommand, configuration: configuration),
            restartDelay: quirks.restartDelay
        )
    }
}

extension Modem where C == ContinuousClock {
    /// Creates a modem on `transport` that measures timeouts with the continuous clock.
    public init(
        transport: some ModemTransport,
        configuration: ModemConfiguration = ModemConfiguration(),
        logger: Logger = Logger(label: "careconnect.modem")
    ) {
        self.init(transport: transport, configuration: configuration, clock: ContinuousClock(), logger: logger)
    }
}
