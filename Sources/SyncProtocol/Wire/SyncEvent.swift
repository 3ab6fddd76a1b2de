// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// One fact the device recorded, as it travels upstream. Its `eventID` is its identity for ever: the hub answers a
/// second copy with `duplicate`.
public struct SyncEvent: Codable, Sendable, Hashable {
    /// The event's durable identifier (a UUID), made in the same transaction as the fact.
    public var eventID: String
    /// The device's strictly increasing sequence number, so the hub can see gaps.
    public var seq: Int64
    /// What happened: `sms.received`, `feedback.fft`, `command.status`, …
    public var type: String
    /// When it happened, by the device's clock.
    public var occurredAt: Date
    /// The type's own fields.
    public var payload: JSONValue

    public init(eventID: String, seq: Int64, type: String, occurredAt: Date, payload: JSONValue) {
        self.eventID = eventID
        self.seq = seq
        self.type = type
        self.occurredAt = occurredAt
        self.payload = payload
    }

    enum CodingKeys: String, CodingKey {
        case eventID = "event_id"
        case seq
        case type
        case occurredAt = "occurred_at"
        case payload
    }
}
