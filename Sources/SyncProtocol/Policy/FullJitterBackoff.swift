// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Exponential backoff with full jitter: after the n-th failure in a row, wait a random time between zero and
/// `min(cap, base · 2^(n-1))`, so that many devices coming back at once spread out.
public struct FullJitterBackoff: Sendable, Hashable {
    /// The ceiling after the first failure.
    public var base: Duration
    /// The largest ceiling.
    public var cap: Duration

    /// The protocol's policy: base 2 s, cap 15 min.
    public init(base: Duration = .seconds(2), cap: Duration = .seconds(900)) {
        self.base = base
        self.cap = cap
    }

    /// The ceiling of the wait after `failures` failures in a row (zero when there were none).
    public func ceiling(afterFailures failures: Int) -> Duration {
        guard failures > 0 else { return .zero }
        let exponent = min(failures - 1, 40)
        let scaled = base * (1 << exponent)
        return min(scaled, cap)
    }

    /// A wait drawn uniformly between zero and the ceiling, with `generator` as the source of randomness.
    public func delay(afterFailures failures: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let ceiling = ceiling(afterFailures: failures)
        let milliseconds = ceiling.milliseconds
        guard milliseconds > 0 else { return .zero }
        return .milliseconds(Int64.random(in: 0...milliseconds, using: &generator))
    }

    /// A wait drawn with the system's random number generator.
    public func delay(afterFailures failures: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(afterFailures: failures, using: &generator)
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
