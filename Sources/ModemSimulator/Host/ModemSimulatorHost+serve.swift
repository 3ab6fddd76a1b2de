// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Dispatch
import Glibc
import Synchronization

extension ModemSimulatorHost {
    private struct PollPlan {
        var master: Int32?
        var wantsToWrite: Bool
        var deadline: ContinuousClock.Instant?
        var clients: [Int32]
    }

    /// The simulator thread: poll, read, step, write, fire timers, until shut down.
    func serve() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while let plan = self.plan() {
            var descriptors = [pollfd(fd: self.wakeRead, events: Int16(POLLIN), revents: 0)]
            if let master = plan.master {
                let events = Int16(POLLIN) | (plan.wantsToWrite ? Int16(POLLOUT) : 0)
                descriptors.append(pollfd(fd: master, events: events, revents: 0))
            }
            if let control = self.control {
                descriptors.append(pollfd(fd: control.descriptor, events: Int16(POLLIN), revents: 0))
            }
            for client in plan.clients {
                descriptors.append(pollfd(fd: client, events: Int16(POLLIN), revents: 0))
            }
            var timeout: Int32 = 1000
            if let deadline = plan.deadline {
                let remaining = deadline - ContinuousClock.now
                let millis =
                    remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
                timeout = Int32(clamping: max(0, min(1000, millis + (remaining > .zero ? 1 : 0))))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready > 0 {
                for descriptor in descriptors where descriptor.revents != 0 {
                    if descriptor.fd == self.wakeRead {
                        while Glibc.read(self.wakeRead, &buffer, buffer.count) > 0 {}
                    } else if descriptor.fd == plan.master {
                        self.serviceMaster(descriptor, buffer: &buffer)
                    } else if descriptor.fd == self.control?.descriptor {
                        self.acceptClient()
                    } else {
                        self.serviceClient(descriptor.fd, buffer: &buffer)
                    }
                }
            }
            self.fireDueTimers()
            self.flushOutput()
        }
        self.cleanUp()
    }

    private func plan() -> PollPlan? {
        self.state.withLock { state -> PollPlan? in
            guard state.running else { return nil }
            let now = ContinuousClock.now
            var deadline = state.timers.map(\.deadline).min()
            if let reopenAt = state.reopenAt {
                deadline = min(deadline ?? reopenAt, reopenAt)
            }
            var wantsToWrite = false
            if !state.output.isEmpty, state.terminal != nil {
                if state.bytesPerSecond != nil, state.nextWrite > now {
                    deadline = min(deadline ?? state.nextWrite, state.nextWrite)
                } else {
                    wantsToWrite = true
                }
            }
            return PollPlan(
                master: state.terminal?.master,
                wantsToWrite: wantsToWrite,
                deadline: deadline,
                clients: Array(state.clients.keys)
            )
        }
    }

    private func serviceMaster(_ descriptor: pollfd, buffer: inout [UInt8]) {
        if descriptor.revents & Int16(POLLIN) != 0 {
            let count = Glibc.read(descriptor.fd, &buffer, buffer.count)
            if count > 0 {
                let bytes = Array(buffer[..<count])
                self.step { modem, now in ((), modem.receive(bytes, now: now)) }
                return
            }
        }
        if descriptor.revents & Int16(POLLHUP | POLLERR) != 0 {
            // Nobody has the slave open (cannot normally happen: the simulator holds it). Do not spin.
            usleep(10_000)
        }
    }

    private func fireDueTimers() {
        let lines = self.state.withLock { state -> [String] in
            let instant = ContinuousClock.now
            if let reopenAt = state.reopenAt, reopenAt <= instant {
                state.reopenAt = nil
                self.reopen(&state)
            }
            while let index = state.timers.indices.filter({ state.timers[$0].deadline <= instant })
                .min(by: { state.timers[$0].deadline < state.timers[$1].deadline })
            {
                let timer = state.timers.remove(at: index)
                let actions = state.modem.handle(timer.event, now: instant - self.origin)
                Self.perform(actions, in: &state, at: instant)
            }
            return Self.newLogLines(&state)
        }
        self.emit(lines)
    }

    private func reopen(_ state: inout State) {
        let now = ContinuousClock.now - self.origin
        do {
            let terminal = try PseudoTerminal.open()
            state.terminal = terminal
            if let link = self.options.linkPath {
                try Self.link(link, to: terminal.slavePath)
            }
            state.modem.note("port reopened at \(terminal.slavePath)", now: now)
        } catch {
            state.modem.note("port could not be reopened: \(error)", now: now)
        }
    }

    private func flushOutput() {
        self.state.withLock { state in
            guard let terminal = state.terminal, !state.output.isEmpty else { return }
            let instant = ContinuousClock.now
            var limit = state.output.count
            if let rate = state.bytesPerSecond {
                guard state.nextWrite <= instant else { return }
                limit = min(limit, max(1, rate / 100))
            }
            let written = state.output.withUnsafeBytes { Glibc.write(terminal.master, $0.baseAddress, limit) }
            guard written > 0 else { return }
            state.output.removeFirst(written)
            if let rate = state.bytesPerSecond {
                state.nextWrite = instant + .microseconds(Int64(written) * 1_000_000 / Int64(rate))
            }
        }
    }

    private func cleanUp() {
        self.state.withLock { state in
            state.terminal?.close()
            state.terminal = nil
            for client in state.clients.keys { Glibc.close(client) }
            state.clients = [:]
        }
        self.control?.close()
        if let link = self.options.linkPath { unlink(link) }
        if let logFile = self.logFile { Glibc.close(logFile) }
        self.stopped.signal()
        self.finished.signal()
    }
}
