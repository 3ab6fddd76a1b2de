// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GatewayDaemons
import MessageStore
import ModemSimulator
import Testing
import WardConversation

/// The ward conversation's protections and language choice, end to end over a real pseudo-terminal.
@Suite(.serialized, .timeLimit(.minutes(2))) struct GatewayConversationTests {
    let patient = "+447700900321"

    /// Should record every text but answer no more than the hourly cap allows (an auto-responder loop).
    @Test func hourlyCapLimitsRepliesButEveryTextIsStored() async throws {
        // Given a cap of two replies an hour
        let harness = try GatewayHarness(gatewaySettings: { $0.conversation.maximumRepliesPerHour = 2 })
        harness.start()
        // When one number sends five different texts
        for index in 1...5 {
            _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "Automatic reply number \(index)"))
            try await harness.wait("text \(index) handled") {
                try harness.messages().count == index && harness.store.unhandledMessages().isEmpty
            }
        }
        try await Task.sleep(for: .milliseconds(500))
        await harness.stop()
        // Then all five are stored and only two replies went out
        #expect(try harness.messages().count == 5)
        #expect(harness.sentTexts(to: patient).count == 2)
    }

    /// Should answer an identical text sent twice within seconds only once.
    @Test func identicalTextWithinSecondsIsAnsweredOnce() async throws {
        let harness = try GatewayHarness()
        harness.start()
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "2"))
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "2"))
        try await harness.wait("both stored and handled") {
            try harness.messages().count == 2 && harness.store.unhandledMessages().isEmpty
        }
        try await Task.sleep(for: .milliseconds(500))
        await harness.stop()
        #expect(harness.sentTexts(to: patient).count == 1)
    }

    /// Should reply in Polish from the moment the patient sends POLSKI, and remember it.
    @Test func languageKeywordSwitchesReplies() async throws {
        let harness = try GatewayHarness()
        harness.start()
        // When the patient chooses Polish
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "Polski"))
        // (a two-part UCS-2 text: wait for both parts)
        try await harness.wait("the confirmation") { harness.sentTexts(to: patient).first?.hasSuffix("1–6.") == true }
        // Then the confirmation is in Polish
        #expect(
            harness.sentTexts(to: patient)[0]
                == "Będziemy odpowiadać po polsku. Jak ogólnie oceniasz pobyt na Ward 7? Odpowiedz 1–6."
        )
        // And a later score is thanked in Polish, naming the ward
        _ = try harness.simulator.inject(InjectedMessage(from: patient, text: "1"))
        try await harness.wait("the thank-you") { harness.sentTexts(to: patient).last?.hasSuffix("poprawić?") == true }
        #expect(
            harness.sentTexts(to: patient)[1] == "Dziękujemy za opinię o Ward 7. Co było dobre, a co możemy poprawić?"
        )
        #expect(try harness.store.contact(patient).language == "pl")
        await harness.stop()
    }
}
