// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The hub's verdict on one uploaded event, as the store applies it.
public struct SyncAcknowledgement: Hashable, Sendable {
    /// What the store does with the event.
    public enum Outcome: Hashable, Sendable {
        /// The hub has it (`accepted` or `duplicate`): it leaves the outbox.
        case delivered
        /// The hub refused it for good: it moves to the dead letters with the reason, for staff to see.
        case rejected(error: String)
    }

    /// The event's identifier.
    public var eventID: String
    /// The verdict.
    public var outcome: Outcome

    public init(eventID: String, outcome: Outcome) {
        self.eventID = eventID
        self.outcome = outcome
    }
}
