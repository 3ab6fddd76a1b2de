// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// The body of `POST /v1/events`: a batch of events in sequence order, sent with `Idempotency-Key: "<batchID>"`.
public struct EventBatch: Codable, Sendable, Hashable {
    /// The device's name, from its enrolment.
    public var deviceID: String
    /// A new UUID for each batch; a retry of the same batch sends the same bytes and the same id.
    public var batchID: String
    /// The device's wall clock when the batch was made.
    public var sentAt: Date
    /// The device's monotonic clock.
    public var clock: DeviceClock
    /// The events, in increasing `seq`.
    public var events: [SyncEvent]

    public init(deviceID: String, batchID: String, sentAt: Date, clock: DeviceClock, events: [SyncEvent]) {
        self.deviceID = deviceID
        self.batchID = batchID
        self.sentAt = sentAt
        self.clock = clock
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case deviceID = "device_id"
        case batchID = "batch_id"
        case sentAt = "sent_at"
        case clock
        case events
    }
}
