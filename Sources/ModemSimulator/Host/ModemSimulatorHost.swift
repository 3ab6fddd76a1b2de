// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Dispatch
import Foundation
import Glibc
import Synchronization

/// Runs a ``SimulatedModem`` on a pseudo-terminal, so that real programs (gammu, smstools, the Care Connect
/// gateway) can open it like a serial modem.
///
/// One thread owns the descriptors: it polls the master side of the terminal, the control socket and a
/// wake-up pipe, feeds the modem what the host writes, writes what the modem answers (paced when a line
/// rate is set), and fires the modem's timers. The other methods may be called from any thread.
///
/// ```swift
/// let host = try ModemSimulatorHost(configuration: SimulatorConfiguration(profile: .quectelEC25))
/// defer { host.shutdown() }
/// try host.inject(InjectedMessage(from: "+447700900123", text: "Lovely nurses on ward 7"))
/// // open host.devicePath with gammu, the gateway or plain POSIX calls…
/// host.apply(.silence(.seconds(5)))
/// let sent = host.sentMessages
/// ```
public final class ModemSimulatorHost: Sendable {
    /// Where the simulator shows itself besides the pseudo-terminal.
    public struct Options: Sendable {
        /// A symbolic link to create to the pseudo-terminal (for example `/tmp/modem0`); removed at shutdown.
        public var linkPath: String?
        /// A Unix domain socket to accept control commands on.
        public var controlSocketPath: String?
        /// A file to append the traffic log to, one line per entry.
        public var logFilePath: String?
        /// Called with each log line as it happens (from the simulator's thread).
        public var onLog: (@Sendable (String) -> Void)?

        public init(
            linkPath: String? = nil,
            controlSocketPath: String? = nil,
            logFilePath: String? = nil,
            onLog: (@Sendable (String) -> Void)? = nil
        ) {
            self.linkPath = linkPath
            self.controlSocketPath = controlSocketPath
            self.logFilePath = logFilePath
            self.onLog = onLog
        }
    }

    struct Timer: Sendable {
        var deadline: ContinuousClock.Instant
        var event: SimulatorEvent
    }

    struct State: Sendable {
        var modem: SimulatedModem
        var terminal: PseudoTerminal?
        var timers: [Timer] = []
        var output: [UInt8] = []
        var bytesPerSecond: Int?
        var nextWrite: ContinuousClock.Instant
        var reopenAt: ContinuousClock.Instant?
        var running = true
        var logLinesSeen = 0
        var clients: [Int32: [UInt8]] = [:]
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The most output kept for a host that does not read; older bytes are dropped beyond this.
    static let maximumBacklog = 1 << 20

    let state: Mutex<State>
    let options: Options
    let origin: ContinuousClock.Instant
    let wakeRead: Int32
    let wakeWrite: Int32
    let control: ControlSocket?
    let logFile: Int32?
    let stopped = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)

    /// Opens a pseudo-terminal (and the link, control socket and log file asked for), powers the modem on and
    /// starts serving.
    public init(
        configuration: SimulatorConfiguration = SimulatorConfiguration(),
        options: Options = Options()
    ) throws(SimulatorError) {
        let terminal = try PseudoTerminal.open()
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            terminal.close()
            throw PseudoTerminal.failure("pipe")
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        var control: ControlSocket?
        var logFile: Int32?
        do throws(SimulatorError) {
            if let path = options.linkPath {
                try Self.link(path, to: terminal.slavePath)
            }
            if let path = options.controlSocketPath {
                control = try ControlSocket.listen(at: path)
            }
            if let path = options.logFilePath {
                let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
                guard descriptor >= 0 else { throw PseudoTerminal.failure("open \(path)") }
                logFile = descriptor
            }
        } catch {
            terminal.close()
            control?.close()
            Glibc.close(pipeEnds[0])
            Glibc.close(pipeEnds[1])
            if let path = options.linkPath { unlink(path) }
            throw error
        }
        let origin = ContinuousClock.now
        var modem = SimulatedModem(configuration: configuration)
        let actions = modem.powerOn(now: .zero)
        var state = State(modem: modem, terminal: terminal, nextWrite: origin)
        Self.perform(actions, in: &state, at: origin)
        self.state = Mutex(state)
        self.options = options
        self.origin = origin
        self.wakeRead = pipeEnds[0]
        self.wakeWrite = pipeEnds[1]
        self.control = control
        self.logFile = logFile
        let thread = Thread { [self] in self.serve() }
        thread.name = "modem-simulator"
        thread.start()
    }

    deinit {
        Glibc.close(self.wakeRead)
        Glibc.close(self.wakeWrite)
    }

    // MARK: Public API

    /// The pseudo-terminal's slave path (`/dev/pts/N`); it changes when a closed port reopens.
    public var devicePath: String {
        self.state.withLock { $0.terminal?.slavePath ?? "" }
    }

    /// The path programs should open: the link if one was asked for, else ``devicePath``.
    public var portPath: String {
        self.options.linkPath ?? self.devicePath
    }

    /// Hands a message to the simulated network. Returns how many parts it was split into.
    @discardableResult
    public func inject(_ message: InjectedMessage) throws(SimulatorError) -> Int {
        try self.step { modem, now throws(SimulatorError) in
            let outcome = try modem.inject(message, now: now)
            return (outcome.parts, outcome.actions)
        }
    }

    /// Injects a fault.
    public func apply(_ fault: SimulatorFault) {
        self.step { modem, now in ((), modem.apply(fault, now: now)) }
    }

    /// The message parts the host has sent so far.
    public var sentMessages: [SentMessage] {
        self.state.withLock { $0.modem.sentMessages }
    }

    /// A snapshot of the modem's state.
    public var status: SimulatorStatus {
        self.state.withLock { $0.modem.status }
    }

    /// The traffic log so far.
    public var log: SimulatorLog {
        self.state.withLock { $0.modem.log }
    }

    /// Whether the modem has booted.
    public var isReady: Bool {
        self.state.withLock { $0.modem.isReady }
    }

    /// Stops serving, closes the terminal and removes the link and the control socket. Safe to call twice.
    public func shutdown() {
        let (wasRunning, waiters) = self.state.withLock { state in
            let wasRunning = state.running
            state.running = false
            let waiters = state.waiters
            state.waiters = []
            return (wasRunning, waiters)
        }
        for waiter in waiters { waiter.resume() }
        guard wasRunning else { return }
        self.wake()
        if Thread.current.name != "modem-simulator" {
            self.stopped.wait()
        }
    }

    /// Waits until ``shutdown()`` is called; cancelling the task shuts the simulator down.
    public func run() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let running = self.state.withLock { state in
                    if state.running { state.waiters.append(continuation) }
                    return state.running
                }
                if !running { continuation.resume() }
            }
        } onCancel: {
            self.shutdown()
        }
    }

    /// Blocks the calling thread until the simulator has shut down (for command-line use).
    public func waitUntilShutdown() {
        self.finished.wait()
        self.finished.signal()
    }

    // MARK: Stepping the modem

    var now: Duration { ContinuousClock.now - self.origin }

    /// Runs one modem step under the lock and carries out its actions; prints new log lines afterwards.
    @discardableResult
    func step<Result: Sendable, Failure: Error>(
        _ body: (inout SimulatedModem, Duration) throws(Failure) -> (Result, [SimulatorAction])
    ) throws(Failure) -> Result {
        let instant = ContinuousClock.now
        let outcome: Swift.Result<(Result, [String]), Failure> = self.state.withLock { state in
            do throws(Failure) {
                let (result, actions) = try body(&state.modem, instant - self.origin)
                Self.perform(actions, in: &state, at: instant)
                return .success((result, Self.newLogLines(&state)))
            } catch {
                return .failure(error)
            }
        }
        let (result, lines) = try outcome.get()
        self.emit(lines)
        self.wake()
        return result
    }

    static func perform(_ actions: [SimulatorAction], in state: inout State, at instant: ContinuousClock.Instant) {
        for action in actions {
            switch action {
            case .write(let bytes):
                guard state.terminal != nil else { continue }
                state.output += bytes
                if state.output.count > Self.maximumBacklog {
                    state.output.removeFirst(state.output.count - Self.maximumBacklog)
                }
            case .schedule(let event, let delay):
                state.timers.append(Timer(deadline: instant + delay, event: event))
            case .closePort(let reopenAfter):
                state.terminal?.close()
                state.terminal = nil
                state.output = []
                state.reopenAt = reopenAfter.map { instant + $0 }
            case .setLineRate(let bytesPerSecond):
                state.bytesPerSecond = bytesPerSecond
                state.nextWrite = instant
            }
        }
    }

    static func newLogLines(_ state: inout State) -> [String] {
        let log = state.modem.log
        let lines = log.entries(since: state.logLinesSeen).map(\.description)
        state.logLinesSeen = log.totalCount
        return lines
    }

    func emit(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        if let logFile = self.logFile {
            let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
            bytes.withUnsafeBytes { buffer in _ = Glibc.write(logFile, buffer.baseAddress, buffer.count) }
        }
        if let onLog = self.options.onLog {
            for line in lines { onLog(line) }
        }
    }

    func wake() {
        var byte: UInt8 = 1
        _ = Glibc.write(self.wakeWrite, &byte, 1)
    }

    static func link(_ path: String, to target: String) throws(SimulatorError) {
        let temporary = path + ".new"
        unlink(temporary)
        guard symlink(target, temporary) == 0, rename(temporary, path) == 0 else {
            throw PseudoTerminal.failure("symlink \(path)")
        }
    }
}
