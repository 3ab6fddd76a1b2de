// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// When to talk to the hub: closed while requests succeed, open for a cooldown after `threshold` transport or
/// server failures in a row, then half-open for one probe of `GET /v1/health`.
///
/// A refused credential (401) is a state of its own: retrying cannot help, so the breaker waits until
/// credentialsReplaced() is called.
public struct CircuitBreaker<Instant: InstantProtocol>: Sendable where Instant.Duration == Swift.Duration {
    /// Where the breaker is.
    public enum State: Sendable, Hashable {
        /// Requests go out; `failures` counts the failures in a row so far.
        case closed(failures: Int)
        /// No requests until `until`; `openings` counts the cooldowns in a row, for their growth.
        case open(until: Instant, openings: Int)
        /// The next step is one probe.
        case halfOpen(openings: Int)
        /// The hub refused the device's credentials.
        case unauthorized
    }

    /// What the caller should do next.
    public enum Step: Sendable, Hashable {
        /// Send the real request.
        case request
        /// Send `GET /v1/health` and report its outcome.
        case probe
        /// Wait until the instant, then ask again.
        case wait(until: Instant)
        /// Stop until the credentials are replaced.
        case needsCredentials
    }

    /// How a request ended, as far as the breaker cares.
    public enum Outcome: Sendable, Hashable {
        /// A response the hub meant, including 4xx answers other than 401.
        case success
        /// No response, a timeout, or a 5xx.
        case failure
        /// 401.
        case unauthorized
    }

    /// Failures in a row that open the circuit.
    public let threshold: Int
    /// The cooldown policy: the n-th opening in a row waits `backoff.ceiling(afterFailures: n)` at most.
    public let backoff: FullJitterBackoff
    /// The current state.
    public private(set) var state: State = .closed(failures: 0)

    public init(threshold: Int = 5, backoff: FullJitterBackoff = FullJitterBackoff()) {
        precondition(threshold >= 1, "a circuit breaker needs a threshold of at least one failure")
        self.threshold = threshold
        self.backoff = backoff
    }

    /// The next step at `now`. An open circuit whose cooldown has passed becomes half-open.
    public mutating func nextStep(at now: Instant) -> Step {
        switch state {
        case .closed: return .request
        case .open(let until, let openings):
            guard now >= until else { return .wait(until: until) }
            state = .halfOpen(openings: openings)
            return .probe
        case .halfOpen: return .probe
        case .unauthorized: return .needsCredentials
        }
    }

    /// Records how the request or probe went. `cooldown` is the wait chosen for a new opening (for example a
    /// full-jitter draw, or the server's `Retry-After`); without one the ceiling for this opening is used.
    public mutating func record(_ outcome: Outcome, at now: Instant, cooldown: Duration? = nil) {
        switch (state, outcome) {
        case (_, .unauthorized):
            state = .unauthorized
        case (.unauthorized, _):
            break
        case (_, .success):
            state = .closed(failures: 0)
        case (.closed(let failures), .failure):
            if failures + 1 >= threshold {
                state = .open(until: now.advanced(by: cooldown ?? backoff.ceiling(afterFailures: 1)), openings: 1)
            } else {
                state = .closed(failures: failures + 1)
            }
        case (.halfOpen(let openings), .failure), (.open(_, let openings), .failure):
            let next = openings + 1
            state = .open(until: now.advanced(by: cooldown ?? backoff.ceiling(afterFailures: next)), openings: next)
        }
    }

    /// New credentials were installed: start again closed.
    public mutating func credentialsReplaced() {
        state = .closed(failures: 0)
    }
}
