// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A timer the modem asked for with ``SimulatorAction/schedule(_:after:)``.
///
/// Timers that belong to one power cycle (boot, silence, periodic indications) carry its generation, so a
/// reset quietly cancels them; network events (arrivals, status reports) survive a reset.
public struct SimulatorEvent: Hashable, Sendable, CustomStringConvertible {
    enum Kind: Hashable, Sendable {
        case bootCompleted
        case silenceEnded
        case periodicIndication
        case networkRetry
        case arrival(Int)
        case statusReport(Int)
    }

    let kind: Kind
    let generation: Int

    init(_ kind: Kind, generation: Int) {
        self.kind = kind
        self.generation = generation
    }

    public var description: String {
        switch self.kind {
        case .bootCompleted: "boot completed"
        case .silenceEnded: "silence ended"
        case .periodicIndication: "periodic indication"
        case .networkRetry: "network retry"
        case .arrival(let id): "arrival #\(id)"
        case .statusReport(let id): "status report #\(id)"
        }
    }
}
