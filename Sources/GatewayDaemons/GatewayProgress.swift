// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Synchronization

/// Counters the gateway keeps while it runs.
public final class GatewayProgress: Sendable {
    /// A copy of the counters.
    public struct Snapshot: Hashable, Sendable {
        public var initialisations = 0
        public var sweeps = 0
        public var indications = 0
        public var partsStored = 0
        public var messagesSent = 0
        /// Power reports from the modem (`UNDER-VOLTAGE WARNNING`, …).
        public var powerReports = 0
    }

    private let state = Mutex(Snapshot())
    /// For each kind of power report: when one was last logged, and how many came since without being logged.
    private let powerLog = Mutex<[String: (loggedAt: ContinuousClock.Instant, unlogged: Int)]>([:])

    public var snapshot: Snapshot { state.withLock { $0 } }

    func noteInitialised() { state.withLock { $0.initialisations += 1 } }
    func noteSweep() { state.withLock { $0.sweeps += 1 } }
    func noteIndication() { state.withLock { $0.indications += 1 } }
    func noteStored() { state.withLock { $0.partsStored += 1 } }
    func noteSent() { state.withLock { $0.messagesSent += 1 } }

    /// Counts a power report of `kind`. Returns how many reports of that kind went unlogged before it when it
    /// should be logged, or nil when one of its kind was logged less than `interval` ago.
    func notePowerReport(_ kind: String, at now: ContinuousClock.Instant, interval: Duration) -> Int? {
        state.withLock { $0.powerReports += 1 }
        return powerLog.withLock { log in
            if let last = log[kind], now - last.loggedAt < interval {
                log[kind]?.unlogged += 1
                return nil
            }
            let unlogged = log[kind]?.unlogged ?? 0
            log[kind] = (now, 0)
            return unlogged
        }
    }
}
