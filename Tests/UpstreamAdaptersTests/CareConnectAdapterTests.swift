// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import MessageStore
import SyncClient
import SyncProtocol
import Testing
import UpstreamAdapters

/// The Care Connect API v0.1 adapter against a double that replays the reference's rules on 127.0.0.1.
@Suite(.serialized) struct CareConnectAdapterTests {
    static func settings(
        _ base: String,
        organisation: String = "RXX01",
        password: String = CareConnectDouble.password
    )
        -> CareConnectTarget.Settings
    {
        CareConnectTarget.Settings(
            baseURL: base,
            username: CareConnectDouble.username,
            password: password,
            organisation: organisation,
            commissioned: 0
        )
    }

    @Test func smsCommentsBecomeProblemsWithTheReferenceFieldsAndEverythingElseIsAVisibleDeadLetter() async throws {
        let double = CareConnectDouble()
        let device = try TestDevice.make()
        let food = try device.recordSMS(
            from: "+447700900123",
            text: "2 the food was cold",
            score: 2,
            comment: "the food was cold",
            category: "food"
        )
        let long = String(repeating: "é", count: 2_100)
        let other = try device.recordSMS(
            from: "+447700900456",
            text: "5 " + long,
            score: 5,
            comment: long,
            category: "weather"
        )
        let scoreOnly = try device.recordSMS(from: "+447700900789", text: "1", score: 1, comment: nil)
        let kiosk = try device.recordKiosk(rating: 1, comment: "lovely")
        try await double.run { base in
            let target = try CareConnectTarget(store: device.store, settings: Self.settings(base))
            try await withDeadline { try await device.engine(target).uploadUntilDrained() }
            await target.shutdown()
        }
        let problems = double.problems
        #expect(problems.count == 2)
        let first = try #require(problems.first)
        #expect(first.reference == "P1")
        #expect(
            first.fields == [
                "organisation": "RXX01", "commissioned": "0", "source": "sms", "reporter_name": "SMS sender",
                "reporter_phone": "+447700900123", "preferred_contact_method": "phone", "category": "food",
                "public": "0", "description": "the food was cold",
            ]
        )
        let second = try #require(problems.last)
        #expect(second.fields["category"] == "other")
        #expect(second.fields["description"] == String(repeating: "é", count: 2_000))
        #expect(second.fields["priority"] == nil)
        #expect(try device.store.upstreamLedgerEntry(eventID: food)?.reference == "P1")
        #expect(try device.store.upstreamLedgerEntry(eventID: food)?.state == .done)
        #expect(try device.store.upstreamLedgerEntry(eventID: other)?.reference == "P2")
        #expect(try device.outboxKinds().isEmpty)
        let dead = Dictionary(try device.store.syncDeadLetters().map { ($0.eventID, $0.error) }) { a, _ in a }
        #expect(dead[scoreOnly]?.hasPrefix("not_applicable: an FFT score without a comment") == true)
        #expect(
            dead[kiosk]?.hasPrefix("not_applicable: kiosk.response events are not sent to the Care Connect API") == true
        )
        #expect(dead.count == 5, "3 sms.received, 1 score only, 1 kiosk")
        #expect(dead[food] == nil && dead[other] == nil)
    }

    @Test func aRetriedEventGetsItsReferenceFromTheLedgerAndMakesNoSecondProblem() async throws {
        let double = CareConnectDouble()
        let device = try TestDevice.make()
        let event = try device.recordSMS(from: "+447700900123", text: "4 noisy", score: 4, comment: "noisy at night")
        let batch = try device.batch([event])
        try await double.run { base in
            let target = try CareConnectTarget(store: device.store, settings: Self.settings(base))
            let first = await target.upload(batch)
            #expect(first.results.map(\.status) == [.accepted])
            #expect(first.results.first?.ref == "P1")
            // The acknowledgement was lost and a new process sends the same event again.
            let again = try CareConnectTarget(store: device.reopened().store, settings: Self.settings(base))
            let second = await again.upload(batch)
            #expect(second.results.map(\.status) == [.duplicate])
            #expect(second.results.first?.ref == "P1")
            await target.shutdown()
            await again.shutdown()
        }
        #expect(double.problems.count == 1)
        #expect(double.requests == 1)
    }

    @Test func anAnswerLostAfterTheServerCommittedLeavesTheEventUnknownAndNeverPostsItAgain() async throws {
        let double = CareConnectDouble()
        let device = try TestDevice.make()
        let lost = try device.recordSMS(
            from: "+447700900123",
            text: "3 slow",
            score: 3,
            comment: "slow to answer the bell"
        )
        let fine = try device.recordSMS(from: "+447700900124", text: "1 kind", score: 1, comment: "kind nurses")
        double.failAfterCommit(1)
        try await double.run { base in
            let target = try CareConnectTarget(store: device.store, settings: Self.settings(base))
            try await withDeadline { try await device.engine(target).uploadUntilDrained() }
            // A new process over the same database does not post it again either.
            let restarted = try CareConnectTarget(store: device.reopened().store, settings: Self.settings(base))
            try device.requeue(
                eventID: lost,
                kind: "feedback.fft",
                payload: #"{"channel":"sms","answers":{"why":"x"}}"#
            )
            try await withDeadline { try await device.engine(restarted).uploadUntilDrained() }
            await target.shutdown()
            await restarted.shutdown()
        }
        #expect(double.problems.count == 2, "the lost one was stored once, the next one once")
        #expect(double.problems.map(\.fields["description"]) == ["slow to answer the bell", "kind nurses"])
        let entry = try #require(try device.store.upstreamLedgerEntry(eventID: lost))
        #expect(entry.state == .unknown)
        #expect(entry.attempts == 1)
        #expect(try device.store.upstreamLedgerEntry(eventID: fine)?.reference == "P2")
        let dead = try device.store.syncDeadLetters().filter { $0.eventID == lost }
        #expect(dead.first?.error.hasPrefix("outcome_unknown") == true)
        #expect(dead.first?.error.contains("careconnect sync ledger --resolve \(lost)") == true)

        // Staff find P1 in Care Connect and resolve it by hand: done, and out of the dead letters.
        try device.store.resolveUpstreamPost(eventID: lost, reference: "P1", now: Date())
        #expect(try device.store.upstreamLedgerEntry(eventID: lost)?.state == .done)
        #expect(try device.store.syncDeadLetters().contains { $0.eventID == lost } == false)
    }

    @Test func aRepostAskedByHandPostsTheEventOnceMore() async throws {
        let double = CareConnectDouble()
        let device = try TestDevice.make()
        let event = try device.recordSMS(from: "+447700900123", text: "5 rude", score: 5, comment: "rude porter")
        double.failAfterCommit(1)
        try await double.run { base in
            let target = try CareConnectTarget(store: device.store, settings: Self.settings(base))
            try await withDeadline { try await device.engine(target).uploadUntilDrained() }
            #expect(try device.store.upstreamLedgerEntry(eventID: event)?.state == .unknown)
            try device.store.repostUpstreamEvent(eventID: event, now: Date())
            #expect(try device.outboxKinds() == ["feedback.fft"])
            try await withDeadline { try await device.engine(target).uploadUntilDrained() }
            await target.shutdown()
        }
        #expect(double.problems.count == 2, "staff chose to post again")
        let entry = try #require(try device.store.upstreamLedgerEntry(eventID: event))
        #expect(entry.state == .done && entry.reference == "P2" && entry.attempts == 2)
        #expect(throws: MessageStore.UpstreamLedgerError.self) {
            try device.store.repostUpstreamEvent(eventID: event, now: Date())
        }
    }

    @Test func aProcessKilledMidRequestLeavesAPostingRowThatTheNextProcessMarksUnknown() async throws {
        let double = CareConnectDouble()
        let device = try TestDevice.make()
        let interrupted = try device.recordSMS(from: "+447700900123", text: "2 ok", score: 2, comment: "ok really")
        let next = try device.recordSMS(from: "+447700900125", text: "2 fine", score: 2, comment: "fine food")
        // What kill -9 between the committed `posting` row and the answer leaves behind.
        try device.store.beginUpstreamPost(eventID: interrupted, target: CareConnectTarget.targetName, now: Date())
        try await double.run { base in
            let restarted = try CareConnectTarget(store: device.reopened().store, settings: Self.settings(base))
            try await withDeadline { try await device.engine(restarted).uploadUntilDrained() }
            await restarted.shutdown()
        }
        #expect(try device.store.upstreamLedgerEntry(eventID: interrupted)?.state == .unknown)
        #expect(try device.store.upstreamLedgerEntry(eventID: next)?.state == .done)
        #expect(double.problems.map(\.fields["description"]) == ["fine food"])
        #expect(try device.store.upstreamLedger(states: [.unknown]).map(\.eventID) == [interrupted])
    }

    @Test func aRefusalIsPermanentAndKeepsTheServersErrors() async throws {
        let double = CareConnectDouble()
        let device = try TestDevice.make()
        let event = try device.recordSMS(from: "+447700900123", text: "4 dirty", score: 4, comment: "dirty floor")
        try await double.run { base in
            let target = try CareConnectTarget(
                store: device.store,
                settings: Self.settings(base, organisation: "ZZZ99")
            )
            try await withDeadline { try await device.engine(target).uploadUntilDrained() }
            await target.shutdown()
        }
        #expect(double.problems.isEmpty)
        let dead = try device.store.syncDeadLetters().first { $0.eventID == event }
        #expect(dead?.error == "careconnect_400: organisation: Sorry, that organisation is not recognised.")
        #expect(try device.store.upstreamLedgerEntry(eventID: event)?.state == .rejected)
    }

    @Test func theDoubleAnswersTheReferencesOtherRefusals() {
        let ok: [String: String] = [
            "organisation": "RXX01", "commissioned": "0", "source": "sms", "reporter_name": "SMS sender",
            "reporter_phone": "+447700900123", "category": "food", "description": "x",
        ]
        #expect(CareConnectDouble.validate(ok).isEmpty)
        var noContact = ok
        noContact["reporter_phone"] = nil
        #expect(
            CareConnectDouble.validate(noContact) == [
                "__all__": ["You must provide either a phone number or an email address"]
            ]
        )
        var badCategory = ok
        badCategory["category"] = "weather"
        #expect(
            CareConnectDouble.validate(badCategory)["category"] == [
                "Select a valid choice. weather is not one of the available choices."
            ]
        )
        var high = ok
        high["category"] = "parking"
        high["priority"] = "20"
        #expect(
            CareConnectDouble.validate(high)["priority"] == [
                "The problem is not in a category which permits setting of a high priority."
            ]
        )
        var missing = ok
        missing["description"] = nil
        #expect(CareConnectDouble.validate(missing)["description"] == ["This field is required."])
    }

    @Test func wrongCredentialsStopWithAClearErrorAndKeepTheEvent() async throws {
        let double = CareConnectDouble()
        let device = try TestDevice.make()
        let event = try device.recordSMS(from: "+447700900123", text: "4 cold", score: 4, comment: "cold ward")
        try await double.run { base in
            let target = try CareConnectTarget(store: device.store, settings: Self.settings(base, password: "wrong"))
            let error = await #expect(throws: SyncError.self) {
                try await withDeadline { try await device.engine(target).uploadUntilDrained() }
            }
            #expect(error?.code == .credentials)
            #expect(error?.description.contains("Error: Authentication required") == true)
            #expect(error?.description.contains(#"Basic realm="NHSD API""#) == true)
            await target.shutdown()
        }
        #expect(double.problems.isEmpty)
        #expect(try device.store.upstreamLedgerEntry(eventID: event) == nil, "certainly not created: no ledger row")
        #expect(try device.outboxKinds().contains("feedback.fft"))
    }

    @Test func serverErrorsAndARefusedConnectionAreTriedAgainNotMarkedUnknown() async throws {
        let device = try TestDevice.make()
        let event = try device.recordSMS(from: "+447700900123", text: "2 good", score: 2, comment: "good care")
        // Nothing listens on this port: the connection is refused before anything is sent.
        let closedPort = try await CareConnectDouble().run { base in base }
        let unreachable = try CareConnectTarget(store: device.store, settings: Self.settings(closedPort))
        let refused = await unreachable.upload(try device.batch([event]))
        await unreachable.shutdown()
        guard case .retry? = refused.failure else {
            Issue.record("a refused connection is retried, got \(String(describing: refused.failure))")
            return
        }
        #expect(try device.store.upstreamLedgerEntry(eventID: event) == nil)

        let double = CareConnectDouble()
        double.failWith([503, 500])
        try await double.run { base in
            let target = try CareConnectTarget(store: device.store, settings: Self.settings(base))
            try await withDeadline { try await device.engine(target).uploadUntilDrained() }
            // The endpoint refuses GET: the probe sees the API up.
            _ = try await target.probe()
            await target.shutdown()
        }
        #expect(double.requests == 3)
        #expect(double.problems.count == 1)
        #expect(try device.store.upstreamLedgerEntry(eventID: event)?.reference == "P1")
    }
}
