// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import MessageStore
import SMSPDU
import Testing

/// A staff reply from the hub never reaches a patient who texted STOP: the command is refused (or its text
/// fails, when STOP came after it was queued) with reason `opted_out`, and the hub hears so.
@Suite struct StaffReplyRespectsStopTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let patient = "+447700900456"
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func openStore() throws -> MessageStore {
        try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
    }

    /// The patient texts `text` and the conversation's outcome is applied, as the gateway does.
    func patientTexts(_ text: String, optedOut: Bool, slot: Int, store: MessageStore) throws {
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
                receivedAt: now
            )
        else { throw CancellationError() }
        try store.applyConversation(ConversationOutcome(optedOut: optedOut), to: message, now: now)
    }

    func staffReply(_ id: String, to number: String) -> IncomingHubCommand {
        IncomingHubCommand(
            commandID: id,
            type: "sms.send",
            payload: #"{"to":"\#(number)","text":"Thank you for telling us"}"#,
            createdAt: now,
            expiresAt: now.addingTimeInterval(3_600),
            action: .sendSMS(to: number, text: "Thank you for telling us")
        )
    }

    /// The `command.status` payloads in the sync outbox for `commandID`, in order.
    func statuses(_ commandID: String, store: MessageStore) throws -> [[String: String]] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM sync_outbox WHERE kind = 'command.status' ORDER BY seq")
        }.compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
            .filter { $0["command_id"] == commandID }
    }

    func queuedTexts(store: MessageStore) throws -> Int {
        try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbound_message WHERE origin = 'hub'") ?? 0
        }
    }

    @Test func replyToOptedOutNumberIsRejectedAndNothingQueued() throws {
        // Given a patient who texted STOP
        let store = try openStore()
        try patientTexts("STOP", optedOut: true, slot: 1, store: store)

        // When staff reply through the hub, written the same or with spaces
        try store.recordHubCommands(
            [staffReply("c-1", to: patient), staffReply("c-2", to: "+44 7700 900456")],
            cursor: "k1",
            now: now
        )

        // Then nothing is queued, and each command goes up as rejected: opted_out
        #expect(try queuedTexts(store: store) == 0)
        #expect(try store.claimNextOutbound(now: now) == nil)
        for id in ["c-1", "c-2"] {
            #expect(try store.hubCommandState(id) == "rejected")
            #expect(try statuses(id, store: store) == [["command_id": id, "state": "rejected", "reason": "opted_out"]])
        }
        #expect(try store.syncState(.downlinkCursor) == "k1")
    }

    @Test func replyAfterStartIsQueuedAgain() throws {
        // Given a patient who texted STOP, then START
        let store = try openStore()
        try patientTexts("STOP", optedOut: true, slot: 1, store: store)
        try patientTexts("START", optedOut: false, slot: 2, store: store)

        // When staff reply
        try store.recordHubCommands([staffReply("c-3", to: patient)], cursor: nil, now: now)

        // Then it is queued as usual
        #expect(try store.hubCommandState("c-3") == "queued")
        #expect(try store.claimNextOutbound(now: now)?.recipient == patient)
    }

    @Test func stopAfterQueueingFailsTheQueuedReply() throws {
        // Given a staff reply queued while the patient had not opted out, and a ward reply to someone else
        let store = try openStore()
        try store.recordHubCommands([staffReply("c-4", to: patient)], cursor: nil, now: now)
        let other = try store.enqueueOutbound(to: "+447700900999", text: "Thanks", origin: "reply", now: now)
        #expect(try store.hubCommandState("c-4") == "queued")

        // When the patient texts STOP before the gateway sends it, and the gateway takes the next text
        try patientTexts("STOP", optedOut: true, slot: 1, store: store)
        let claimed = try store.claimNextOutbound(now: now)
        try store.advanceHubCommands(now: now)

        // Then the staff reply is failed with opted_out, never handed to the modem, and the hub hears it
        #expect(claimed?.id == other)
        #expect(try store.claimNextOutbound(now: now) == nil)
        let reply = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT state, last_error FROM outbound_message WHERE command_id = 'c-4'")
        }
        #expect(reply?["state"] as String? == "failed")
        #expect(reply?["last_error"] as String? == "opted_out")
        #expect(try store.hubCommandState("c-4") == "failed")
        #expect(
            try statuses("c-4", store: store).last == ["command_id": "c-4", "state": "failed", "reason": "opted_out"]
        )
    }
}
