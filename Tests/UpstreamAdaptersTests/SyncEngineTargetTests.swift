// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import MessageStore
import SyncClient
import SyncProtocol
import Testing

/// The sync engine against the in-memory upstream: what it does with each kind of verdict and failure, whatever
/// the target.
@Suite struct SyncEngineTargetTests {
    @Test func acceptedLeaveTheOutboxRejectedAreDeadLettersAndRetryableStay() async throws {
        let device = try TestDevice.make()
        let keep = try device.recordKiosk(rating: 1, comment: "keep")
        let refuse = try device.recordKiosk(rating: 2, comment: "refuse")
        let fine = try device.recordKiosk(rating: 3, comment: nil)
        let target = InMemoryUpstream { event in
            switch event.eventID {
            case keep:
                EventResult(eventID: event.eventID, status: .rejected, error: .init(code: "busy", retryable: true))
            case refuse:
                EventResult(eventID: event.eventID, status: .rejected, error: .init(code: "bad", message: "no"))
            default: EventResult(eventID: event.eventID, status: .accepted)
            }
        }
        let engine = device.engine(target)
        #expect(await engine.uploadOnce() == .progressed(removed: 2))
        #expect(try device.outboxKinds() == ["kiosk.response"])
        #expect(try device.store.syncDeadLetters().map(\.eventID) == [refuse])
        #expect(try device.store.syncDeadLetters().first?.error == "bad: no")
        #expect(target.batches.first?.events.map(\.eventID) == [keep, refuse, fine])
        #expect(target.batches.first?.deviceID == "ward7-gateway")
        #expect(await engine.hasDownlink == false)
        await #expect(throws: SyncError.self) { try await engine.pollCommandsOnce(wait: 0) }
    }

    @Test func aFailureAfterSomeVerdictsAppliesThemAndBacksOff() async throws {
        let device = try TestDevice.make()
        try device.recordKiosk(rating: 1, comment: nil)
        try device.recordKiosk(rating: 2, comment: nil)
        let target = InMemoryUpstream { event in
            event.seq == 1 ? EventResult(eventID: event.eventID, status: .accepted) : nil
        }
        let engine = device.engine(target)
        // Verdicts for the first event only: it leaves, the second stays for the next batch.
        #expect(await engine.uploadOnce() == .progressed(removed: 1))
        target.fail(with: .retry(reason: "down", retryAfter: .milliseconds(300)))
        guard case .wait(let wait) = await engine.uploadOnce() else {
            Issue.record("a failure waits")
            return
        }
        #expect(wait >= .milliseconds(300), "Retry-After is honoured")
        #expect(try device.store.syncState(.lastError) == "down")
        #expect(try device.outboxKinds().count == 1)
    }

    @Test func refusedCredentialsStopWithTheTargetsReason() async throws {
        let device = try TestDevice.make()
        try device.recordKiosk(rating: 1, comment: nil)
        let target = InMemoryUpstream(name: "memory")
        target.fail(with: .unauthorized(reason: "memory refused user x"))
        let error = await #expect(throws: SyncError.self) {
            try await withDeadline { try await device.engine(target).uploadUntilDrained() }
        }
        #expect(error?.code == .credentials)
        #expect(error?.description == "memory refused user x")
        #expect(try device.outboxKinds() == ["kiosk.response"])
    }
}
