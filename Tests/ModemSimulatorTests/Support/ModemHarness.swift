// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ModemSimulator

/// Drives a ``SimulatedModem`` with a manual clock: carries out its actions and collects what it writes.
struct ModemHarness {
    var modem: SimulatedModem
    var now: Duration = .zero
    var timers: [(deadline: Duration, event: SimulatorEvent)] = []
    var output: [UInt8] = []
    var closedPorts: [Duration?] = []
    var lineRate: Int??

    /// A modem that has booted; with `echo: false` it has also been sent `ATE0`, and nothing is in ``output``.
    init(_ configuration: SimulatorConfiguration = Self.configuration(), boot: Bool = true, echo: Bool = false) {
        self.modem = SimulatedModem(configuration: configuration)
        self.perform(self.modem.powerOn(now: self.now))
        if boot {
            self.advance(by: configuration.bootDelay)
            if !echo { _ = self.send("ATE0") }
            self.output.removeAll()
        }
    }

    static func configuration(
        profile: VendorProfile = .generic,
        capacity: Int = 30,
        pin: String? = nil
    ) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(profile: profile)
        configuration.simCapacity = capacity
        configuration.pin = pin
        configuration.bootDelay = .milliseconds(100)
        configuration.statusReportDelay = .seconds(2)
        return configuration
    }

    mutating func perform(_ actions: [SimulatorAction]) {
        for action in actions {
            switch action {
            case .write(let bytes): self.output += bytes
            case .schedule(let event, let delay): self.timers.append((self.now + delay, event))
            case .closePort(let reopenAfter): self.closedPorts.append(reopenAfter)
            case .setLineRate(let rate): self.lineRate = .some(rate)
            }
        }
    }

    /// Moves the clock on, firing due timers in deadline order.
    mutating func advance(by duration: Duration) {
        let end = self.now + duration
        while let index = self.timers.indices.filter({ self.timers[$0].deadline <= end })
            .min(by: { self.timers[$0].deadline < self.timers[$1].deadline })
        {
            let timer = self.timers.remove(at: index)
            self.now = max(self.now, timer.deadline)
            self.perform(self.modem.handle(timer.event, now: self.now))
        }
        self.now = end
    }

    /// Writes bytes in chunks of `chunkSize`; fires timers that are due at once (zero-delay retries).
    mutating func write(_ bytes: [UInt8], chunkSize: Int = .max) {
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunkSize)
            self.perform(self.modem.receive(bytes[offset..<end], now: self.now))
            offset = end
        }
    }

    /// Sends a command line (CR added) and returns everything written since the last call.
    mutating func send(_ line: String, chunkSize: Int = .max) -> String {
        self.write(Array((line + "\r").utf8), chunkSize: chunkSize)
        return self.take()
    }

    /// Returns and clears what the modem has written.
    mutating func take() -> String {
        defer { self.output.removeAll() }
        return String(decoding: self.output, as: UTF8.self)
    }

    @discardableResult
    mutating func inject(_ message: InjectedMessage) throws -> Int {
        let (parts, actions) = try self.modem.inject(message, now: self.now)
        self.perform(actions)
        return parts
    }

    mutating func apply(_ fault: SimulatorFault) {
        self.perform(self.modem.apply(fault, now: self.now))
    }
}
