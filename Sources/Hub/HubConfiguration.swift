// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The hub's limits.
public struct HubConfiguration: Sendable, Hashable {
    /// The most events one batch may hold; more is answered 413.
    public var maxEvents: Int
    /// The most bytes one batch body may take before compression; more is answered 413.
    public var maxBytes: Int
    /// The longest long-poll of `GET /v1/commands`, in seconds.
    public var maxWaitSeconds: Int

    public init(maxEvents: Int = 500, maxBytes: Int = 1024 * 1024, maxWaitSeconds: Int = 30) {
        self.maxEvents = maxEvents
        self.maxBytes = maxBytes
        self.maxWaitSeconds = maxWaitSeconds
    }
}
