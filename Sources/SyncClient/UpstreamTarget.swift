// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
public import SyncProtocol

/// Where the sync outbox goes: the hub, or another upstream system through an adapter.
///
/// The ``SyncEngine`` reads a batch from the outbox, hands it to the target and applies what comes back: events
/// with a result leave the outbox (delivered, or to the dead letters when rejected for good); events without one
/// stay for a later try. A target sends the same batch value again after a failure, so it may rely on the batch id
/// for idempotency. Commands (downlink) come only from the hub and are not part of this protocol.
public protocol UpstreamTarget: Sendable {
    /// The target's name for logs and errors: `hub`, `careconnect-v0.1`, `fhir-r4`.
    var name: String { get }

    /// Sends one batch and says what became of each event it can speak for.
    func upload(_ batch: EventBatch) async -> UploadOutcome

    /// A cheap request that shows the target answers again, for the circuit breaker's half-open probe; returns
    /// the target's clock when it tells it.
    func probe() async throws -> Date?
}

/// What a target made of one batch.
public struct UploadOutcome: Sendable {
    /// Why the rest of the batch (the events without a result) was not done.
    public enum Failure: Sendable, Hashable {
        /// A transport failure or a 5xx/429: back off and send the same batch again.
        case retry(reason: String, retryAfter: Duration?)
        /// The target refused the credentials: stop until new ones are given.
        case unauthorized(reason: String)
        /// The batch is too large (413), with the limits the target named.
        case tooLarge(maxEvents: Int?, maxBytes: Int?)
        /// The batch as a whole could not be taken as sent (400, 422): try a smaller one.
        case refused(status: Int)
    }

    /// Per-event verdicts, for the events the target has decided.
    public var results: [EventResult]
    /// Why the other events were not decided, if anything went wrong.
    public var failure: Failure?
    /// The target's clock, when its answer carried one.
    public var serverTime: Date?
    /// Bytes sent, for the counters.
    public var bytesSent: Int

    public init(results: [EventResult] = [], failure: Failure? = nil, serverTime: Date? = nil, bytesSent: Int = 0) {
        self.results = results
        self.failure = failure
        self.serverTime = serverTime
        self.bytesSent = bytesSent
    }
}
