// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import ModemEngine

/// The chunk sizes every byte-level test runs with.
let chunkSizes = [1, 2, 3, 64]

/// A modem on a scripted transport with a manual clock, running for the duration of `body`.
struct ModemHarness {
    let transport: ScriptedTransport
    let clock: ManualClock
    let modem: Modem<ManualClock>

    init(chunkSize: Int, configuration: ModemConfiguration = ModemConfiguration()) {
        self.transport = ScriptedTransport(chunkSize: chunkSize)
        self.clock = ManualClock()
        self.modem = Modem(transport: self.transport, configuration: configuration, clock: self.clock)
    }

    /// Runs the modem while `body` runs, then stops it.
    func run<Result: Sendable>(_ body: (ModemHarness) async throws -> Result) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            let modem = self.modem
            group.addTask { try await modem.run() }
            let result = try await body(self)
            group.cancelAll()
            try await group.waitForAll()
            return result
        }
    }

    /// Advances the clock once the host has written `count` times in total.
    func advance(by duration: Duration, afterWrites count: Int) async {
        await self.transport.waitForWrites(count)
        self.clock.advance(by: duration)
    }
}

extension ModemHarness {
    /// Advances the clock in steps until the host has written `count` times in total, for waits that
    /// end without a write of their own (the restart delay after a reset).
    func advance(until count: Int, step: Duration = .milliseconds(500)) async throws {
        for _ in 0..<2000 where self.transport.writes.count < count {
            self.clock.advance(by: step)
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}

extension AsyncStream<ModemEvent>.Iterator {
    /// The next `count` events.
    mutating func take(_ count: Int) async -> [ModemEvent] {
        var events: [ModemEvent] = []
        while events.count < count, let event = await self.next() {
            events.append(event)
        }
        return events
    }
}

extension ModemEvent {
    /// A short, comparable description of the event for assertions.
    var summary: String {
        switch self {
        case .unsolicited(let result): "unsolicited(\(result))"
        case .messageDelivery(let incoming): "messageDelivery(\(incoming.header.length),\(incoming.pduHex))"
        case .statusReportDelivery(let incoming): "statusReportDelivery(\(incoming.header.length),\(incoming.pduHex))"
        case .recovering(let step): "recovering(\(step))"
        case .recovered(let step): "recovered(\(step))"
        case .needsPowerCycle(let error): "needsPowerCycle(\(error.code))"
        case .portLost(let error): "portLost(\(error.code))"
        }
    }
}

/// Runs `body` and returns the ModemError it throws, or `nil` if it throws nothing or something else.
func modemError(_ body: () async throws -> Void) async -> ModemError? {
    do {
        try await body()
        return nil
    } catch let error as ModemError {
        return error
    } catch {
        return nil
    }
}
