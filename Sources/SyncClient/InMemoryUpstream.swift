// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
public import SyncProtocol
import Synchronization

/// An upstream target in memory, for tests: it keeps every batch it was given and answers each event with what
/// `decide` says (by default `accepted`), or fails whole batches while `failure` is set.
public final class InMemoryUpstream: UpstreamTarget {
    private struct State {
        var batches: [EventBatch] = []
        var failure: UploadOutcome.Failure?
        var reachable = true
    }

    public let name: String
    private let decide: @Sendable (SyncEvent) -> EventResult?
    private let state = Mutex(State())

    /// A target called `name` whose verdict on each event is `decide`'s (nil leaves the event in the outbox).
    public init(
        name: String = "memory",
        decide: @escaping @Sendable (SyncEvent) -> EventResult? = {
            EventResult(eventID: $0.eventID, status: .accepted)
        }
    ) {
        self.name = name
        self.decide = decide
    }

    /// Every batch given so far, in order.
    public var batches: [EventBatch] { state.withLock { $0.batches } }

    /// Makes every following upload fail this way, until set back to nil.
    public func fail(with failure: UploadOutcome.Failure?) {
        state.withLock { $0.failure = failure }
    }

    /// Whether the probe succeeds.
    public func setReachable(_ reachable: Bool) {
        state.withLock { $0.reachable = reachable }
    }

    public func upload(_ batch: EventBatch) async -> UploadOutcome {
        let failure = state.withLock { state -> UploadOutcome.Failure? in
            state.batches.append(batch)
            return state.failure
        }
        if let failure { return UploadOutcome(failure: failure) }
        return UploadOutcome(results: batch.events.compactMap(decide), serverTime: Date())
    }

    public func probe() async throws -> Date? {
        guard state.withLock({ $0.reachable }) else {
            throw SyncError(.transport, "the in-memory target is set unreachable")
        }
        return Date()
    }
}
