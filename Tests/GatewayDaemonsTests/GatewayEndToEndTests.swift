// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import GatewayDaemons
import MessageStore
import ModemSimulator
import Testing

/// The gateway against the simulated modem over a real pseudo-terminal.
@Suite(.serialized, .timeLimit(.minutes(2))) struct GatewayEndToEndTests {
    let patient = "+447700900456"

    @Test func receivesScoreRepliesAndRecordsFollowUp() async throws {
        let harness = try GatewayHarness()
        harness.start()
        // Given a patient texts a score
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "1"))
        // Then the reply asks the follow-up question, and the SIM is emptied
        try await harness.wait("the thank-you") { harness.sentTexts(to: patient).count == 1 }
        #expect(harness.sentTexts(to: patient).first?.contains("What was good, or what could we do better?") == true)
        #expect(harness.sentTexts(to: patient).first?.contains("Ward 7") == true)
        // When the patient answers the follow-up in Polish with an emoji
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "Pielęgniarki były wspaniałe 😀"))
        try await harness.wait("the second reply") { harness.sentTexts(to: patient).count == 2 }
        // Then one feedback record holds score and comment
        let rows = try harness.store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT score, comment FROM sms_feedback")
        }
        #expect(rows.count == 1)
        #expect(rows.first?["score"] as Int? == 1)
        #expect(rows.first?["comment"] as String? == "Pielęgniarki były wspaniałe 😀")
        try await harness.wait("delivery reports") {
            try harness.store.status().outboundByState["delivered", default: 0] == 2
        }
        // A stored status report is deleted from the modem just after it is recorded
        try await harness.wait("modem storage emptied") {
            harness.simulator.status.storage.allSatisfy { $0.value.used == 0 }
        }
        await harness.stop()
    }

    @Test func reassemblesThreePartMessageAndUnicode() async throws {
        let harness = try GatewayHarness()
        harness.start()
        let long = String(repeating: "The call bell took a long time to be answered at night {ward 7}. ", count: 6)
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: long))
        _ = try harness.simulator.inject(
            InjectedMessage(from: "+447700900789", text: "Emoji 😀👍 and 你好", reference16Bit: true)
        )
        try await harness.wait("both messages") { try harness.messages().count == 2 }
        let texts = Set(try harness.messages().map(\.text))
        #expect(texts == [long, "Emoji 😀👍 and 你好"])
        #expect(try harness.messages().first { $0.text == long }?.partCount == 3)
        await harness.stop()
    }

    @Test func stopIsHonouredAndAlphanumericSendersNeverAnswered() async throws {
        let harness = try GatewayHarness()
        harness.start()
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "STOP"))
        try await harness.wait("the STOP confirmation") { harness.sentTexts(to: patient).count == 1 }
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "2"))
        _ = try harness.simulator.inject(InjectedMessage(from: "NHSTrust", text: "1"))
        try await harness.wait("three messages handled") {
            try harness.messages().count == 3 && harness.store.unhandledMessages().isEmpty
        }
        try await Task.sleep(for: .milliseconds(500))
        #expect(harness.sentTexts(to: patient).count == 1, "no reply after STOP")
        #expect(harness.simulator.sentMessages.count == 1, "nothing sent to the alphanumeric sender")
        #expect(try harness.store.contact(patient).optedOut)
        await harness.stop()
    }

    @Test func readsMessagesStoredWhileAwayAndAfterMissedIndications() async throws {
        let harness = try GatewayHarness()
        // Messages arrive before the gateway starts, and one arrives with its +CMTI lost.
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "waiting in the SIM"))
        harness.simulator.apply(.dropIndications(true))
        harness.start()
        try await harness.wait("the stored message") { try harness.messages().count == 1 }
        _ = try harness.simulator.inject(InjectedMessage(from: "+447700900111", text: "no indication for me"))
        try await harness.wait("the periodic sweep", timeout: .seconds(15)) { try harness.messages().count == 2 }
        await harness.stop()
    }

    @Test func survivesModemRebootAndPortClosure() async throws {
        let harness = try GatewayHarness()
        harness.start()
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "before"))
        try await harness.wait("first message") { try harness.messages().count == 1 }
        harness.simulator.apply(.reboot)
        try await Task.sleep(for: .milliseconds(500))
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "after reboot"))
        try await harness.wait("message after reboot") { try harness.messages().count == 2 }
        // Unplug and replug: the port closes and reopens a second later.
        harness.simulator.apply(.closePort(reopenAfter: .seconds(1)))
        try await Task.sleep(for: .milliseconds(300))
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "after replug"))
        try await harness.wait("message after replug", timeout: .seconds(30)) {
            try harness.messages().count == 3
        }
        #expect(harness.gateway.statistics.initialisations >= 2)
        await harness.stop()
    }

    @Test func simFullMessagesArriveAsSpaceFrees() async throws {
        let harness = try GatewayHarness { $0.simCapacity = 3 }
        for index in 0..<10 {
            _ = try harness.simulator.inject(
                InjectedMessage(from: "+4477009002\(10 + index)", text: "message \(index)")
            )
        }
        harness.start()
        try await harness.wait("all ten messages") { try harness.messages().count == 10 }
        #expect(Set(try harness.messages().map(\.text)) == Set((0..<10).map { "message \($0)" }))
        await harness.stop()
    }
}
