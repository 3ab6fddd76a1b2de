// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// The device clock's offset from the hub's, from the hub's `server_time` and the request's round trip.
///
/// Each sample assumes the hub read its clock half-way through the round trip, so its error is at most half the
/// round trip; the estimator keeps the sample with the shortest round trip among the most recent ones.
public struct ClockOffsetEstimator: Sendable, Hashable {
    /// One measurement.
    public struct Sample: Sendable, Hashable {
        /// Hub time minus device time, in seconds: add it to a device time to get hub time.
        public var offset: TimeInterval
        /// The request's round trip, in seconds.
        public var roundTrip: TimeInterval

        /// The most the offset can be wrong by.
        public var uncertainty: TimeInterval { roundTrip / 2 }

        /// A sample from a request sent at `sent` and answered at `received` (device clock), stamped
        /// `serverTime` by the hub.
        public init(sent: Date, received: Date, serverTime: Date) {
            let roundTrip = max(0, received.timeIntervalSince(sent))
            let midpoint = sent.addingTimeInterval(roundTrip / 2)
            self.offset = serverTime.timeIntervalSince(midpoint)
            self.roundTrip = roundTrip
        }
    }

    /// How many recent samples to choose from.
    public let window: Int
    /// The recent samples, oldest first.
    public private(set) var samples: [Sample] = []

    public init(window: Int = 8) {
        self.window = max(1, window)
    }

    /// Adds a sample, forgetting the oldest beyond the window.
    public mutating func add(_ sample: Sample) {
        samples.append(sample)
        if samples.count > window { samples.removeFirst(samples.count - window) }
    }

    /// The best estimate: the recent sample with the shortest round trip, or nil before the first.
    public var estimate: Sample? {
        samples.min { $0.roundTrip < $1.roundTrip }
    }
}
