// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SyncProtocol
import Testing

@Suite("Batch sizing")
struct BatchSizerTests {
    @Test("A batch stops at the event limit or the byte limit, whichever comes first")
    func honoursBothLimits() {
        // Given
        let sizer = BatchSizer(maxEvents: 4, maxBytes: 1_000)
        // When / Then
        #expect(sizer.count(fitting: Array(repeating: 10, count: 9)) == 4)
        #expect(sizer.count(fitting: [400, 400, 400, 10]) == 2)
        #expect(sizer.count(fitting: [5_000, 10]) == 1, "one large event still goes, alone")
        #expect(sizer.count(fitting: []) == 0)
    }

    @Test("413 halves the batch and adopts the hub's limits; success grows it back")
    func halvesOnTooLarge() {
        // Given
        var sizer = BatchSizer(maxEvents: 100, maxBytes: 100_000)
        // When
        let first = sizer.payloadTooLarge(sent: 100, serverMaxEvents: nil, serverMaxBytes: nil)
        let afterFirst = sizer.limit
        _ = sizer.payloadTooLarge(sent: 50, serverMaxEvents: 20, serverMaxBytes: 5_000)
        let afterSecond = sizer.limit
        sizer.succeeded()
        sizer.succeeded()
        // Then
        #expect(first)
        #expect(afterFirst == 50)
        #expect(afterSecond == 20, "half of 50 is 25, but the hub allows 20")
        #expect(sizer.maxBytes == 5_000)
        #expect(sizer.limit == 20, "growth stops at the hub's limit")
    }

    @Test("A single event that is too large cannot be split")
    func singleEventCannotShrink() {
        // Given
        var sizer = BatchSizer(maxEvents: 10, maxBytes: 100)
        // When
        let shrunk = sizer.payloadTooLarge(sent: 1, serverMaxEvents: nil, serverMaxBytes: nil)
        // Then
        #expect(!shrunk)
    }
}

@Suite("Clock offset")
struct ClockOffsetTests {
    @Test("The offset is measured from the middle of the round trip")
    func offsetFromMidpoint() {
        // Given: sent at 10:00:00.000, answered at 10:00:00.400, hub stamped 10:05:00.200
        let sent = SyncJSONTests.date("2024-05-01T10:00:00Z")
        let received = sent.addingTimeInterval(0.4)
        let server = sent.addingTimeInterval(300.2)
        // When
        let sample = ClockOffsetEstimator.Sample(sent: sent, received: received, serverTime: server)
        // Then
        #expect(abs(sample.offset - 300) < 0.000_1)
        #expect(abs(sample.uncertainty - 0.2) < 0.000_1)
    }

    @Test("The estimate is the recent sample with the shortest round trip")
    func prefersShortRoundTrips() {
        // Given
        let sent = SyncJSONTests.date("2024-05-01T10:00:00Z")
        var estimator = ClockOffsetEstimator(window: 3)
        // When
        estimator.add(
            .init(sent: sent, received: sent.addingTimeInterval(0.1), serverTime: sent.addingTimeInterval(10.05))
        )
        estimator.add(.init(sent: sent, received: sent.addingTimeInterval(2), serverTime: sent.addingTimeInterval(12)))
        estimator.add(.init(sent: sent, received: sent.addingTimeInterval(1), serverTime: sent.addingTimeInterval(11)))
        let withFirst = estimator.estimate
        estimator.add(.init(sent: sent, received: sent.addingTimeInterval(3), serverTime: sent.addingTimeInterval(20)))
        // Then
        #expect(abs((withFirst?.offset ?? 0) - 10) < 0.000_1)
        #expect(abs((estimator.estimate?.offset ?? 0) - 10.5) < 0.000_1, "the first sample left the window")
        #expect(estimator.samples.count == 3)
    }
}
