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
    }

    private let state = Mutex(Snapshot())

    public var snapshot: Snapshot { state.withLock { $0 } }

    func noteInitialised() { state.withLock { $0.initialisations += 1 } }
    func noteSweep() { state.withLock { $0.sweeps += 1 } }
    func noteIndication() { state.withLock { $0.indications += 1 } }
    func noteStored() { state.withLock { $0.partsStored += 1 } }
    func noteSent() { state.withLock { $0.messagesSent += 1 } }
}
