// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import MessageStore
import SMSPDU
import Testing

@Suite struct MessageStoreTests {
    let directory: URL
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let patient = "+447700900456"

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var path: String { directory.appendingPathComponent("state/careconnect.sqlite").path }

    func deliverPDUs(_ text: String, from sender: String? = nil, reference: Int = 7) throws -> [String] {
        var options = MessageEncoder.Options()
        options.concatenationReference = reference
        options.smsc = try PhoneAddress(number: "+447785016005")
        return try MessageEncoder.deliver(
            text: text,
            from: PhoneAddress(number: sender ?? patient),
            timestamp: SMSTimestamp(secondsSince1970: 1_795_000_000, utcOffsetQuarterHours: 0),
            options: options
        ).map(\.hex)
    }

    @Test func opensPrivateWALFileWithFullSynchronous() throws {
        let store = try MessageStore(path: path)
        let (journal, synchronous) = try store.writer.writeWithoutTransaction { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA synchronous")
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 2, "synchronous must be FULL (2) on the writer")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func storesSingleMessageOnceAndRecognisesReRead() throws {
        // Given
        let store = try MessageStore(path: path)
        let pdu = try deliverPDUs("2 - good, thank you {ward 7}")[0]
        // When
        let first = try store.storeInboundPart(pdu: pdu, storage: "SM", slot: 3, receivedAt: now)
        let again = try MessageStore(path: path).storeInboundPart(pdu: pdu, storage: "SM", slot: 3, receivedAt: now)
        // Then
        guard case .stored(let partID, let message?) = first else {
            Issue.record("expected a completed message, got \(first)")
            return
        }
        #expect(message.text == "2 - good, thank you {ward 7}")
        #expect(message.sender == patient)
        #expect(again == .duplicate(partID: partID))
        #expect(try store.allMessages().count == 1)
    }

    @Test func reassemblesAcrossRestartsInAnyOrder() throws {
        let text = String(repeating: "The call bell took a long time to be answered at night. ", count: 6)
        let pdus = try deliverPDUs(text)
        #expect(pdus.count == 3)
        // Parts arrive 3, 1 (store reopened in between, as after a crash), then 2.
        _ = try MessageStore(path: path).storeInboundPart(pdu: pdus[2], storage: "SM", slot: 1, receivedAt: now)
        _ = try MessageStore(path: path).storeInboundPart(pdu: pdus[0], storage: "SM", slot: 2, receivedAt: now)
        let store = try MessageStore(path: path)
        #expect(try store.status().pendingParts == 2)
        let last = try store.storeInboundPart(pdu: pdus[1], storage: "SM", slot: 3, receivedAt: now)
        guard case .stored(_, let message?) = last else {
            Issue.record("expected completion, got \(last)")
            return
        }
        #expect(message.text == text)
        #expect(message.partCount == 3)
        #expect(!message.isPartial)
        #expect(try store.status().pendingParts == 0)
    }

    @Test func joinsSurrogatePairSplitAcrossParts() throws {
        // A careless sender cut an emoji's surrogate pair between two UCS-2 parts.
        let stamp = SMSTimestamp(secondsSince1970: 1_795_000_000, utcOffsetQuarterHours: 0)
        let units = Array(String(repeating: "a", count: 66).utf16) + Array("😀 ok".utf16)
        func part(_ number: Int, _ slice: ArraySlice<UInt16>) throws -> String {
            let payload = slice.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            let header = UserDataHeader(elements: [
                .init(identifier: 0x00, data: [9, 2, UInt8(number)])
            ])
            let userData = UserData(
                header: header,
                dataCoding: DataCodingScheme(alphabet: .ucs2),
                payload: payload,
                text: nil,
                undecodableCharacters: 0
            )
            let pdu = SMSDeliver(
                originator: try PhoneAddress(number: patient),
                serviceCentreTimestamp: stamp,
                userData: userData
            )
            return "00" + Hex.encode(try pdu.encodedTPDU())
        }
        let store = try MessageStore(path: path)
        _ = try store.storeInboundPart(pdu: try part(1, units[0..<67]), storage: "SM", slot: 1, receivedAt: now)
        let outcome = try store.storeInboundPart(
            pdu: try part(2, units[67...]),
            storage: "SM",
            slot: 2,
            receivedAt: now
        )
        guard case .stored(_, let message?) = outcome else {
            Issue.record("expected completion")
            return
        }
        #expect(message.text == String(repeating: "a", count: 66) + "😀 ok")
    }

    @Test func keepsUndecodablePDUsRaw() throws {
        let store = try MessageStore(path: path)
        let outcome = try store.storeInboundPart(
            pdu: "0791447758100650040C9144",
            storage: "SM",
            slot: 4,
            receivedAt: now
        )
        guard case .undecodable(_, let error) = outcome else {
            Issue.record("expected undecodable, got \(outcome)")
            return
        }
        #expect(error.contains("TP-OA"))
        #expect(try store.status().undecodableParts == 1)
        #expect(try store.undecodableParts().first?.pdu == "0791447758100650040C9144")
    }

    @Test func releasesIncompleteSetsAsPartialAfterTimeout() throws {
        let text = String(repeating: "Food was cold. ", count: 25)
        let pdus = try deliverPDUs(text)
        #expect(pdus.count == 3)
        let store = try MessageStore(path: path)
        _ = try store.storeInboundPart(pdu: pdus[0], storage: "SM", slot: 1, receivedAt: now)
        _ = try store.storeInboundPart(pdu: pdus[2], storage: "SM", slot: 2, receivedAt: now)
        #expect(try store.releaseIncompleteMessages(timeout: 86_400, now: now.addingTimeInterval(3_600)).isEmpty)
        let released = try store.releaseIncompleteMessages(timeout: 86_400, now: now.addingTimeInterval(86_401))
        #expect(released.count == 1)
        #expect(released.first?.missingParts == 1)
        #expect(released.first?.text.contains("[part 2 of 3 missing]") == true)
        #expect(try store.status().partialMessages == 1)
        #expect(try store.status().pendingParts == 0)
    }

    @Test func outboxLifecycleWithStatusReport() throws {
        let store = try MessageStore(path: path)
        let id = try store.enqueueOutbound(to: patient, text: "Thank you", origin: "reply", now: now)
        #expect(try store.claimNextOutbound(now: now.addingTimeInterval(-1)) == nil, "not due yet")
        let claimed = try #require(try store.claimNextOutbound(now: now))
        #expect(claimed.id == id)
        #expect(claimed.state == .sending)
        #expect(claimed.attempts == 1)
        #expect(try store.claimNextOutbound(now: now) == nil, "one claim only")
        try store.markSent(outboundID: id, references: [42], now: now)
        #expect(try store.outbound(id: id)?.state == .sent)

        let stamp = SMSTimestamp(secondsSince1970: 1_795_000_010, utcOffsetQuarterHours: 0)
        let report = SMSStatusReport(
            messageReference: 42,
            recipient: try PhoneAddress(number: patient),
            serviceCentreTimestamp: stamp,
            dischargeTime: stamp,
            status: .receivedBySME
        )
        let outcome = try store.storeInboundPart(
            pdu: "00" + Hex.encode(try report.encodedTPDU()),
            storage: "SM",
            slot: 9,
            receivedAt: now.addingTimeInterval(10)
        )
        #expect(outcome == .statusReport(partID: 1, matchedOutboundID: id))
        #expect(try store.outbound(id: id)?.state == .delivered)
    }

    @Test func retriesThenFailsAndNeverResendsInterrupted() throws {
        let store = try MessageStore(path: path)
        let retried = try store.enqueueOutbound(to: patient, text: "a", origin: "reply", now: now)
        _ = try store.claimNextOutbound(now: now)
        try store.markSendFailed(
            outboundID: retried,
            error: "+CMS ERROR: 332",
            retryAt: now.addingTimeInterval(30),
            now: now
        )
        #expect(try store.outbound(id: retried)?.state == .queued)
        #expect(try store.claimNextOutbound(now: now.addingTimeInterval(29)) == nil)
        #expect(try store.claimNextOutbound(now: now.addingTimeInterval(30))?.attempts == 2)
        try store.markSendFailed(outboundID: retried, error: "+CMS ERROR: 1", retryAt: nil, now: now)
        #expect(try store.outbound(id: retried)?.state == .failed)

        // A message claimed before a crash is not sent again after it.
        let interrupted = try store.enqueueOutbound(to: patient, text: "b", origin: "reply", now: now)
        _ = try store.claimNextOutbound(now: now)
        let reopened = try MessageStore(path: path)
        #expect(try reopened.recoverInterruptedSends(now: now) == 1)
        #expect(try reopened.outbound(id: interrupted)?.state == .unconfirmed)
        #expect(try reopened.claimNextOutbound(now: now.addingTimeInterval(3_600)) == nil)
    }

    @Test func upstreamCommandIsQueuedOnce() throws {
        let store = try MessageStore(path: path)
        let first = try store.enqueueOutbound(
            to: patient,
            text: "Staff reply",
            origin: "staff",
            commandID: "cmd-1",
            now: now
        )
        let second = try store.enqueueOutbound(
            to: patient,
            text: "Staff reply",
            origin: "staff",
            commandID: "cmd-1",
            now: now
        )
        #expect(first == second)
        #expect(try store.outboundCount(to: patient, since: now.addingTimeInterval(-1)) == 1)
    }

    @Test func unhandledMessagesSurviveUntilMarked() throws {
        let store = try MessageStore(path: path)
        _ = try store.storeInboundPart(pdu: try deliverPDUs("1")[0], storage: "SM", slot: 1, receivedAt: now)
        let pending = try MessageStore(path: path).unhandledMessages()
        #expect(pending.count == 1)
        try store.markHandled(messageID: try #require(pending.first?.id), at: now)
        #expect(try store.unhandledMessages().isEmpty)
    }
}

@Suite struct ConversationStoreTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let patient = "+447700900456"

    func receive(_ store: MessageStore, _ text: String, slot: Int, at date: Date? = nil) throws -> InboundMessage {
        let pdu = try MessageEncoder.deliver(
            text: text,
            from: PhoneAddress(number: patient),
            timestamp: SMSTimestamp(secondsSince1970: 1_795_000_000 + Int64(slot), utcOffsetQuarterHours: 0)
        )[0].hex
        guard
            case .stored(_, let message?) = try store.storeInboundPart(
                pdu: pdu,
                storage: "SM",
                slot: slot,
                receivedAt: date ?? now
            )
        else { throw CancellationError() }
        return message
    }

    func events(_ store: MessageStore) throws -> [(kind: String, payload: [String: Any])] {
        try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, payload FROM sync_outbox ORDER BY seq").map { row in
                let payload: String = row["payload"]
                let object = try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any] ?? [:]
                return (row["kind"], object)
            }
        }
    }

    @Test func scoreThenCommentMakeOneFeedbackRecord() throws {
        let store = try MessageStore.inMemory()
        // Given a score that asks for a follow-up
        let score = try receive(store, "1", slot: 1)
        let replyID = try store.applyConversation(
            ConversationOutcome(score: 1, reply: "Thank you… what was good?", awaitingFollowUpFor: .some(score.id)),
            to: score,
            now: now
        )
        #expect(replyID != nil)
        #expect(try store.contact(patient).awaitingFollowUpFor == score.id)
        // When the comment arrives
        let comment = try receive(store, "The night nurses were kind", slot: 2)
        try store.applyConversation(
            ConversationOutcome(
                comment: comment.text,
                category: "staff",
                followUpTo: score.id,
                awaitingFollowUpFor: .some(nil)
            ),
            to: comment,
            now: now
        )
        // Then one record holds both, and the sync outbox says so twice with the same feedback id
        let rows = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT score, comment, category FROM sms_feedback")
        }
        #expect(rows.count == 1)
        #expect(rows.first?["score"] as Int? == 1)
        #expect(rows.first?["comment"] as String? == "The night nurses were kind")
        let feedbackEvents = try events(store).filter { $0.kind == "feedback.fft" }
        #expect(feedbackEvents.count == 2)
        #expect(
            feedbackEvents[0].payload["feedback_id"] as? String == feedbackEvents[1].payload["feedback_id"] as? String
        )
        #expect(
            (feedbackEvents[1].payload["answers"] as? [String: String]) == [
                "fft": "1", "why": "The night nurses were kind",
            ]
        )
        #expect(feedbackEvents[0].payload["category"] is NSNull)
        #expect(try store.contact(patient).awaitingFollowUpFor == nil)
    }

    @Test func applyingTwiceQueuesOneReply() throws {
        let store = try MessageStore.inMemory()
        let message = try receive(store, "2", slot: 1)
        let outcome = ConversationOutcome(score: 2, reply: "Thanks")
        #expect(try store.applyConversation(outcome, to: message, now: now) != nil)
        #expect(try store.applyConversation(outcome, to: message, now: now) == nil)
        #expect(try store.status().outboundByState["queued"] == 1)
        #expect(try store.unhandledMessages().isEmpty)
    }

    @Test func stopIsPersisted() throws {
        let store = try MessageStore.inMemory()
        let message = try receive(store, "STOP", slot: 1)
        try store.applyConversation(ConversationOutcome(reply: "Stopped", optedOut: true), to: message, now: now)
        #expect(try store.contact(patient).optedOut)
        #expect(try events(store).map(\.kind).contains("contact.opted_out"))
    }

    @Test func historyCountsRepliesAndDuplicates() throws {
        let store = try MessageStore.inMemory()
        let first = try receive(store, "same text", slot: 1)
        try store.applyConversation(ConversationOutcome(comment: "same text", reply: "Thanks"), to: first, now: now)
        let second = try receive(store, "same text", slot: 2, at: now.addingTimeInterval(30))
        let history = try store.history(
            of: patient,
            message: second,
            duplicateWindow: 120,
            now: now.addingTimeInterval(30)
        )
        #expect(history.isRecentDuplicate)
        #expect(history.repliesLastHour == 1)
        let later = try receive(store, "same text", slot: 3, at: now.addingTimeInterval(600))
        #expect(
            !(try store.history(of: patient, message: later, duplicateWindow: 120, now: now.addingTimeInterval(600))
                .isRecentDuplicate)
        )
    }
}
