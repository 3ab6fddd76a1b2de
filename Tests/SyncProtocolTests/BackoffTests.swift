// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SyncProtocol
import Testing

/// A generator that always gives the same word, to pin a draw at the bottom or top of its range.
struct FixedGenerator: RandomNumberGenerator {
    var value: UInt64
    mutating func next() -> UInt64 { value }
}

/// A small deterministic generator (SplitMix64), for drawing many values reproducibly.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Full-jitter backoff")
struct BackoffTests {
    @Test("The ceiling doubles from two seconds and stops at fifteen minutes")
    func ceilingDoublesAndCaps() {
        // Given
        let backoff = FullJitterBackoff()
        // When
        let ceilings = (0...12).map { backoff.ceiling(afterFailures: $0) }
        // Then
        #expect(ceilings[0] == .zero)
        #expect(ceilings[1] == .seconds(2))
        #expect(ceilings[2] == .seconds(4))
        #expect(ceilings[9] == .seconds(512))
        #expect(ceilings[10] == .seconds(900))
        #expect(ceilings[12] == .seconds(900))
        #expect(backoff.ceiling(afterFailures: 10_000) == .seconds(900))
    }

    @Test("A draw spans the whole range from zero to the ceiling")
    func drawSpansRange() {
        // Given
        let backoff = FullJitterBackoff()
        var high = FixedGenerator(value: .max)
        var random = SplitMix(state: 42)
        // When
        let highest = backoff.delay(afterFailures: 3, using: &high)
        let draws = (0..<2_000).map { _ in backoff.delay(afterFailures: 3, using: &random) }
        // Then
        #expect((draws.min() ?? .seconds(8)) < .milliseconds(100), "draws reach down to zero")
        #expect(highest == .seconds(8))
        #expect(draws.allSatisfy { $0 >= .zero && $0 <= .seconds(8) })
        let mean = draws.map { Double($0.milliseconds) }.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - 4_000) < 250, "full jitter is uniform, so its mean is half the ceiling")
    }
}

@Suite("Retry-After")
struct RetryAfterTests {
    let now = SyncJSONTests.date("2024-05-01T10:00:00Z")

    @Test("Seconds and the three HTTP date forms are understood")
    func parsesBothForms() {
        // Given / When / Then
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: now) == .zero)
        #expect(RetryAfter.parse("Wed, 01 May 2024 10:00:30 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.parse("Wednesday, 01-May-24 10:01:00 GMT", now: now) == .seconds(60))
        #expect(RetryAfter.parse("Wed May  1 10:00:05 2024", now: now) == .seconds(5))
    }

    @Test("A date in the past means now, and nonsense means nothing")
    func pastAndInvalid() {
        #expect(RetryAfter.parse("Wed, 01 May 2024 09:00:00 GMT", now: now) == .zero)
        #expect(RetryAfter.parse("-5", now: now) == nil)
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse("", now: now) == nil)
    }

    @Test("A formatted date reads back as the same instant")
    func formatRoundTrips() {
        // Given
        let later = now.addingTimeInterval(90)
        // When
        let text = RetryAfter.format(later)
        // Then
        #expect(text == "Wed, 01 May 2024 10:01:30 GMT")
        #expect(RetryAfter.parse(text, now: now) == .seconds(90))
    }
}
