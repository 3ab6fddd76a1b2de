// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Faults the hub injects into its next `POST /v1/events` answers, for testing clients against a hub that fails.
///
/// An empty plan (the default) injects nothing.
public actor HubFaults {
    /// One injected fault.
    public enum Fault: Sendable, Hashable {
        /// Answer with this status (and `Retry-After` when given) without looking at the batch.
        case status(Int, retryAfter: String?)
        /// Store the batch and commit, then drop the connection before the answer is complete.
        case dropAfterCommit
    }

    private var planned: [Fault] = []

    /// How many faults were injected so far.
    public private(set) var injected = 0

    public init() {}

    /// Adds faults for the next requests, in order.
    public func plan(_ faults: [Fault]) {
        planned.append(contentsOf: faults)
    }

    /// The fault for this request, if one is planned.
    func next() -> Fault? {
        guard !planned.isEmpty else { return nil }
        injected += 1
        return planned.removeFirst()
    }
}
