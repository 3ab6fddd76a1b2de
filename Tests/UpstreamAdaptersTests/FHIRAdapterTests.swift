// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import MessageStore
import SyncClient
import SyncProtocol
import Testing
import UpstreamAdapters

/// The FHIR R4 adapter against a double with batch and conditional create on 127.0.0.1.
@Suite(.serialized) struct FHIRAdapterTests {
    @Test func kioskAndSMSAnswersBecomeQuestionnaireResponsesKeyedByEventID() async throws {
        let double = FHIRDouble()
        let device = try TestDevice.make()
        let kiosk = try device.recordKiosk(rating: 1, comment: "Nurses were kind")
        let kioskDontKnow = try device.recordKiosk(rating: 6, comment: nil)
        let sms = try device.recordSMS(from: "+447700900123", text: "4 noisy", score: 4, comment: "noisy")
        try await double.run { base in
            let target = try FHIRTarget(baseURL: base, site: "RXX01", ward: "Ward 7")
            try await withDeadline { try await device.engine(target).uploadUntilDrained() }
            await target.shutdown()
        }
        let stored = try double.stored.map { try JSONSerialization.jsonObject(with: $0) as! [String: Any] }
        #expect(stored.count == 3)
        func identifier(_ resource: [String: Any]) -> String? {
            (resource["identifier"] as? [String: Any])?["value"] as? String
        }
        #expect(stored.compactMap(identifier) == [kiosk, kioskDontKnow, sms].map { "urn:uuid:\($0)" })
        let first = try #require(stored.first)
        #expect(first["status"] as? String == "completed")
        #expect(first["questionnaire"] as? String == FHIRQuestionnaire.canonical)
        let items = try #require(first["item"] as? [[String: Any]])
        #expect(items.compactMap { $0["linkId"] as? String } == ["fft", "why"])
        let coding = (items[0]["answer"] as? [[String: Any]])?.first?["valueCoding"] as? [String: Any]
        #expect(coding?["code"] as? String == "1")
        #expect(coding?["display"] as? String == "Very good")
        #expect(try device.outboxKinds().isEmpty)
        let dead = try device.store.syncDeadLetters()
        #expect(dead.count == 1, "the sms.received event is not an FFT answer")
        #expect(dead.first?.error.hasPrefix("not_applicable: sms.received events are not FFT answers") == true)
    }

    @Test func theSameBatchSentAgainIsAnsweredDuplicateAndCreatesNothing() async throws {
        let double = FHIRDouble()
        let device = try TestDevice.make()
        let ids = [try device.recordKiosk(rating: 2, comment: nil), try device.recordKiosk(rating: 3, comment: "ok")]
        let batch = try device.batch(ids)
        try await double.run { base in
            let target = try FHIRTarget(baseURL: base)
            let first = await target.upload(batch)
            #expect(first.results.map(\.status) == [.accepted, .accepted])
            let second = await target.upload(batch)
            #expect(second.results.map(\.status) == [.duplicate, .duplicate])
            #expect(second.results.map(\.ref) == first.results.map(\.ref))
            await target.shutdown()
        }
        #expect(double.stored.count == 2)
        #expect(double.bundles == 2)
    }

    @Test func aWhole503IsTriedAgainAndA412IsADeadLetterWithTheServersText() async throws {
        let double = FHIRDouble()
        let device = try TestDevice.make()
        let clash = try device.recordKiosk(rating: 1, comment: nil)
        let flaky = try device.recordKiosk(rating: 2, comment: nil)
        double.seed(identifier: "urn:uuid:\(clash)")
        double.seed(identifier: "urn:uuid:\(clash)")
        double.failWith([503])
        try await double.run { base in
            let target = try FHIRTarget(baseURL: base)
            // 503 for the whole batch first; then the first entry is refused with 412 and the second created.
            let outcome = await target.upload(try device.batch([clash, flaky]))
            guard case .retry? = outcome.failure else {
                Issue.record("a 503 is tried again")
                return
            }
            try await withDeadline { try await device.engine(target).uploadUntilDrained() }
            await target.shutdown()
        }
        let dead = try device.store.syncDeadLetters()
        #expect(dead.map(\.eventID) == [clash])
        #expect(
            dead.first?.error.hasPrefix("fhir_412: several QuestionnaireResponses already have this identifier") == true
        )
        #expect(dead.first?.error.contains("Multiple resources match this search (2)") == true)
        #expect(double.stored.count == 3, "two seeded copies and the flaky one")
    }

    @Test func anEntryThatFailsWith500StaysInTheOutboxAndIsSentAgain() async throws {
        let double = FHIRDouble()
        let device = try TestDevice.make()
        let ids = [try device.recordKiosk(rating: 5, comment: "cold"), try device.recordKiosk(rating: 4, comment: nil)]
        double.failEntries(1)
        try await double.run { base in
            let target = try FHIRTarget(baseURL: base)
            let first = await target.upload(try device.batch(ids))
            #expect(first.results.map(\.status) == [.rejected, .accepted])
            #expect(first.results.first?.error?.retryable == true)
            try await withDeadline { try await device.engine(target).uploadUntilDrained() }
            await target.shutdown()
        }
        #expect(double.stored.count == 2)
        #expect(try device.store.syncDeadLetters().isEmpty)
        #expect(try device.outboxKinds().isEmpty)
    }
}
