// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// How many events go in the next upload: no more than the hub's `max_events` and `max_bytes`, halved after each
/// 413 and grown back by doubling after each success.
public struct BatchSizer: Sendable, Hashable {
    /// The most events a batch may hold, as far as the device knows.
    public private(set) var maxEvents: Int
    /// The most bytes a batch's events may take, as far as the device knows.
    public private(set) var maxBytes: Int
    /// The current limit on events, at most `maxEvents`.
    public private(set) var limit: Int

    public init(maxEvents: Int = 100, maxBytes: Int = 256 * 1024) {
        self.maxEvents = max(1, maxEvents)
        self.maxBytes = max(1, maxBytes)
        self.limit = self.maxEvents
    }

    /// How many of the leading events (with their encoded sizes in bytes, in order) fit the limits. At least one,
    /// when there is one, so that a single large event is still tried (and the hub can refuse it).
    public func count(fitting sizes: some Sequence<Int>) -> Int {
        var count = 0
        var bytes = 0
        for size in sizes {
            guard count < limit else { break }
            if count > 0, bytes + size > maxBytes { break }
            count += 1
            bytes += size
        }
        return count
    }

    /// The hub answered 413 to a batch of `sent` events: adopt the limits it sent and halve.
    /// Returns false when the batch was a single event, which can never be sent.
    public mutating func payloadTooLarge(sent: Int, serverMaxEvents: Int?, serverMaxBytes: Int?) -> Bool {
        if let serverMaxEvents, serverMaxEvents >= 1 { maxEvents = serverMaxEvents }
        if let serverMaxBytes, serverMaxBytes >= 1 { maxBytes = serverMaxBytes }
        guard sent > 1 else {
            limit = min(limit, maxEvents)
            return false
        }
        limit = max(1, min(sent / 2, maxEvents))
        return true
    }

    /// A batch went through: let the limit grow again towards `maxEvents`.
    public mutating func succeeded() {
        limit = min(maxEvents, limit * 2)
    }
}
