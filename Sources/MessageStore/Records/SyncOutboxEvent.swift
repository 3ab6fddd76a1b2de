// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// One event waiting in the sync outbox, in the order it was recorded.
public struct SyncOutboxEvent: Hashable, Sendable {
    /// The device's sequence number for the event, strictly increasing.
    public var seq: Int64
    /// The event's durable identifier.
    public var eventID: String
    /// The event's type, such as `sms.received`.
    public var kind: String
    /// The event's fields, as JSON text.
    public var payload: String
    /// When it was recorded, by the device's clock.
    public var createdAt: Date

    public init(seq: Int64, eventID: String, kind: String, payload: String, createdAt: Date) {
        self.seq = seq
        self.eventID = eventID
        self.kind = kind
        self.payload = payload
        self.createdAt = createdAt
    }
}
