// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SyncProtocol
import Testing

/// An instant made by hand, so tests move time themselves.
struct TestInstant: InstantProtocol {
    var offset: Duration
    func advanced(by duration: Duration) -> TestInstant { TestInstant(offset: offset + duration) }
    func duration(to other: TestInstant) -> Duration { other.offset - offset }
    static func < (lhs: TestInstant, rhs: TestInstant) -> Bool { lhs.offset < rhs.offset }
}

@Suite("Circuit breaker")
struct CircuitBreakerTests {
    let start = TestInstant(offset: .zero)

    @Test("It opens after K failures in a row, probes after the cooldown and closes on a good probe")
    func opensProbesCloses() {
        // Given
        var breaker = CircuitBreaker<TestInstant>(threshold: 3)
        // When
        breaker.record(.failure, at: start)
        breaker.record(.failure, at: start)
        let beforeThird = breaker.nextStep(at: start)
        breaker.record(.failure, at: start, cooldown: .seconds(10))
        let during = breaker.nextStep(at: start.advanced(by: .seconds(9)))
        let after = breaker.nextStep(at: start.advanced(by: .seconds(10)))
        breaker.record(.success, at: start.advanced(by: .seconds(11)))
        // Then
        #expect(beforeThird == .request)
        #expect(during == .wait(until: start.advanced(by: .seconds(10))))
        #expect(after == .probe)
        #expect(breaker.state == .closed(failures: 0))
        #expect(breaker.nextStep(at: start.advanced(by: .seconds(12))) == .request)
    }

    @Test("A success resets the count, so failures must be consecutive")
    func successResets() {
        // Given
        var breaker = CircuitBreaker<TestInstant>(threshold: 2)
        // When
        breaker.record(.failure, at: start)
        breaker.record(.success, at: start)
        breaker.record(.failure, at: start)
        // Then
        #expect(breaker.state == .closed(failures: 1))
        #expect(breaker.nextStep(at: start) == .request)
    }

    @Test("A failed probe opens the circuit again for a longer default cooldown")
    func failedProbeReopens() {
        // Given
        var breaker = CircuitBreaker<TestInstant>(threshold: 1)
        breaker.record(.failure, at: start)
        #expect(breaker.state == .open(until: start.advanced(by: .seconds(2)), openings: 1))
        // When
        let probeTime = start.advanced(by: .seconds(2))
        #expect(breaker.nextStep(at: probeTime) == .probe)
        breaker.record(.failure, at: probeTime)
        // Then
        #expect(breaker.state == .open(until: probeTime.advanced(by: .seconds(4)), openings: 2))
    }

    @Test("401 is its own state: no retries until the credentials are replaced")
    func unauthorizedWaitsForCredentials() {
        // Given
        var breaker = CircuitBreaker<TestInstant>(threshold: 5)
        // When
        breaker.record(.unauthorized, at: start)
        breaker.record(.success, at: start)
        let later = breaker.nextStep(at: start.advanced(by: .seconds(3_600)))
        breaker.credentialsReplaced()
        // Then
        #expect(later == .needsCredentials)
        #expect(breaker.nextStep(at: start) == .request)
    }
}
