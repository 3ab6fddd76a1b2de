// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// The answer to `POST /v1/events`: one result per event, in any order.
public struct EventBatchResponse: Codable, Sendable, Hashable {
    /// The hub's clock, for the device's clock-offset estimate.
    public var serverTime: Date
    /// The highest `seq` the hub has stored for this device.
    public var highWaterSeq: Int64
    /// One result per event of the batch.
    public var results: [EventResult]
    /// Whether commands are waiting for the device, which saves a poll.
    public var downlinkPending: Bool

    public init(serverTime: Date, highWaterSeq: Int64, results: [EventResult], downlinkPending: Bool) {
        self.serverTime = serverTime
        self.highWaterSeq = highWaterSeq
        self.results = results
        self.downlinkPending = downlinkPending
    }

    enum CodingKeys: String, CodingKey {
        case serverTime = "server_time"
        case highWaterSeq = "high_water_seq"
        case results
        case downlinkPending = "downlink_pending"
    }
}
