// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import NIOCore
import Synchronization

/// An in-memory ``ModemTransport`` that plays a modem from a script: a test double.
///
/// Script it with "when the host writes X, answer Y" steps, taken in order, plus standing rules that
/// answer whenever their bytes are written. Bytes can also be injected at any moment (an unsolicited
/// result code), delivered in chunks of a chosen size, held back (a silent modem: a step with no
/// answer) or cut off (``losePort(_:)``).
///
/// ```swift
/// let transport = ScriptedTransport(chunkSize: 1)
/// transport.expect("AT+CGMI\r", reply: "\r\nQuectel\r\n\r\nOK\r\n")
/// transport.expect("AT\r")                        // no answer: the command times out
/// transport.inject("\r\n+CMTI: \"SM\",3\r\n")     // sent at once
/// ```
///
/// A host write that matches neither the next step nor a rule gets no answer and is recorded in
/// ``unexpectedWrites``. Tests usually end by checking ``unexpectedWrites`` and ``remainingSteps``.
public final class ScriptedTransport: ModemTransport {
    private struct Step {
        var write: [UInt8]
        var reply: [UInt8]
    }

    private struct State {
        var steps: [Step] = []
        var rules: [Step] = []
        var writes: [[UInt8]] = []
        var unexpectedWrites: [[UInt8]] = []
        var isClosed = false
        var writeWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    /// The bytes the "modem" sends.
    public let inbound: AsyncThrowingStream<ByteBuffer, any Error>
    /// How many bytes each inbound buffer holds at most.
    public let chunkSize: Int
    private let sink: AsyncThrowingStream<ByteBuffer, any Error>.Continuation
    private let state = Mutex(State())

    /// Creates a transport that delivers the modem's bytes in buffers of at most `chunkSize` bytes.
    public init(chunkSize: Int = 64) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.chunkSize = chunkSize
        (self.inbound, self.sink) = AsyncThrowingStream.makeStream(bufferingPolicy: .unbounded)
    }

    // MARK: Scripting

    /// Adds a step: when the host next writes exactly `write`, the modem answers `reply` (nothing when
    /// empty: a silent modem).
    public func expect(_ write: String, reply: String = "") {
        self.expect(bytes: Array(write.utf8), reply: Array(reply.utf8))
    }

    /// Adds a step with raw bytes, for payloads with Ctrl-Z or ESC.
    public func expect(bytes write: [UInt8], reply: [UInt8]) {
        self.state.withLock { $0.steps.append(Step(write: write, reply: reply)) }
    }

    /// Adds a standing rule: whenever the host writes `write` and the next step does not match it, the
    /// modem answers `reply`.
    public func whenWritten(_ write: String, reply: String) {
        self.state.withLock { $0.rules.append(Step(write: Array(write.utf8), reply: Array(reply.utf8))) }
    }

    /// Sends bytes from the "modem" now, in chunks of ``chunkSize``.
    public func inject(_ text: String) {
        self.inject(bytes: Array(text.utf8))
    }

    /// Sends raw bytes from the "modem" now.
    public func inject(bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + self.chunkSize, bytes.count)
            self.sink.yield(ByteBuffer(bytes: bytes[offset..<end]))
            offset = end
        }
    }

    /// Simulates an unplugged USB modem: ``inbound`` throws `error` (a port-lost ``ModemError`` by
    /// default) and later writes fail.
    public func losePort(_ error: (any Error)? = nil) {
        self.state.withLock { $0.isClosed = true }
        self.sink.finish(
            throwing: error ?? ModemError(code: .portLost, message: "scripted port lost (EIO)")
        )
    }

    // MARK: Inspection

    /// Every write from the host, in order.
    public var writes: [[UInt8]] {
        self.state.withLock { $0.writes }
    }

    /// Every write from the host as text (lossy UTF-8), in order.
    public var writtenText: [String] {
        self.writes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes that matched neither the next step nor a rule.
    public var unexpectedWrites: [String] {
        self.state.withLock { $0.unexpectedWrites }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Steps not yet reached, as the text of the writes they expect.
    public var remainingSteps: [String] {
        self.state.withLock { $0.steps }.map { String(decoding: $0.write, as: UTF8.self) }
    }

    /// Suspends until the host has written at least `count` times in total.
    public func waitForWrites(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isDone = self.state.withLock { state in
                if state.writes.count >= count { return true }
                state.writeWaiters.append((count, continuation))
                return false
            }
            if isDone { continuation.resume() }
        }
    }

    // MARK: ModemTransport

    public func write(_ bytes: ByteBuffer) async throws {
        let written = Array(bytes.readableBytesView)
        let (reply, ready) = try self.state.withLock { state throws -> ([UInt8]?, [CheckedContinuation<Void, Never>]) in
            guard !state.isClosed else {
                throw ModemError(code: .portLost, message: "scripted port is closed")
            }
            state.writes.append(written)
            var reply: [UInt8]?
            if let step = state.steps.first, step.write == written {
                state.steps.removeFirst()
                reply = step.reply
            } else if let rule = state.rules.first(where: { $0.write == written }) {
                reply = rule.reply
            } else {
                state.unexpectedWrites.append(written)
            }
            let count = state.writes.count
            let ready = state.writeWaiters.filter { $0.count <= count }.map(\.continuation)
            state.writeWaiters.removeAll { $0.count <= count }
            return (reply, ready)
        }
        if let reply { self.inject(bytes: reply) }
        for continuation in ready { continuation.resume() }
    }

    public func close() async {
        let wasClosed = self.state.withLock { state in
            defer { state.isClosed = true }
            return state.isClosed
        }
        if !wasClosed { self.sink.finish() }
    }
}
