// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Synchronization

/// A ``SIMPINMemory`` that lasts as long as the value: for tests and for tools that run once.
public final class InMemorySIMPINMemory: SIMPINMemory {
    private struct Key: Hashable {
        var sim: String
        var pin: String
    }

    private let refusals = Mutex<[Key: SIMPINRefusal]>([:])

    public init() {}

    public func refusal(sim: String, pin: String) -> SIMPINRefusal? {
        self.refusals.withLock { $0[Key(sim: sim, pin: pin)] }
    }

    public func rememberRefusal(_ refusal: SIMPINRefusal, sim: String, pin: String) {
        self.refusals.withLock { $0[Key(sim: sim, pin: pin)] = refusal }
    }

    public func forgetRefusals(sim: String) {
        self.refusals.withLock { refusals in refusals = refusals.filter { $0.key.sim != sim } }
    }
}
