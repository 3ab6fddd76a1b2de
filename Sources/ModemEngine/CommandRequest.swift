// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol

/// One command waiting in the engine's queue or in flight.
struct CommandRequest: Sendable {
    /// Identifies a request between the actor and the state machine.
    struct ID: Hashable, Sendable, CustomStringConvertible {
        var rawValue: Int
        var description: String { "#\(self.rawValue)" }
    }

    var id: ID
    var command: ATCommand
    var payload: PromptPayload?
    var timeout: Duration
    /// Whether a timeout starts the recovery ladder. Probes of a modem that may still be starting do not.
    var startsRecovery = true
    /// Bytes written just before the command, for example ESC to abandon a PDU a previous process left
    /// half-entered at the `> ` prompt.
    var preamble: [UInt8] = []
}
