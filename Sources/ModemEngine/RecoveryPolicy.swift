// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// How the engine tries to bring back a modem that stopped answering; see ``RecoveryStep``.
public struct RecoveryPolicy: Hashable, Sendable {
    /// Whether a command timeout starts the recovery ladder. When `false` the engine only sends ESC (for a
    /// command waiting at the prompt) and goes on with the next command.
    public var isEnabled: Bool
    /// How many ESC + `AT` rounds to try before `ATZ`, and how many `AT` probes after a modem reset.
    public var resyncAttempts: Int
    /// How long each probe (`AT`, `ATZ`) may take.
    public var probeTimeout: Duration
    /// The pause after ESC, during which a late result or the `OK` that ends an abandoned prompt is
    /// dropped, so it cannot be mistaken for the answer to the next `AT`.
    public var escapeSettle: Duration

    public init(
        isEnabled: Bool = true,
        resyncAttempts: Int = 3,
        probeTimeout: Duration = .seconds(2),
        escapeSettle: Duration = .milliseconds(500)
    ) {
        self.isEnabled = isEnabled
        self.resyncAttempts = max(1, resyncAttempts)
        self.probeTimeout = probeTimeout
        self.escapeSettle = escapeSettle
    }
}
