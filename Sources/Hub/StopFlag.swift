// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Synchronization

/// A flag set once, when something is shutting down on purpose.
final class StopFlag: Sendable {
    private let value = Mutex(false)

    init() {}

    /// Sets the flag.
    func set() { value.withLock { $0 = true } }

    /// Whether the flag is set.
    var isSet: Bool { value.withLock { $0 } }
}
