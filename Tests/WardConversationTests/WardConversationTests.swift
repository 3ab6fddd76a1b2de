// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Testing
import WardConversation

@Suite struct IntentTests {
    @Test(arguments: [
        ("1", FFTScore.veryGood), ("2", .good), ("3.", .neitherGoodNorPoor), ("4", .poor), ("5!", .veryPoor),
        ("6", .dontKnow), ("Very good", .veryGood), ("very goood", .veryGood), ("Vrey good", .veryGood),
        ("GOOD", .good), ("god", .good), ("neither good nor poor", .neitherGoodNorPoor),
        ("nether good nor por", .neitherGoodNorPoor), ("Poor", .poor), ("very poor", .veryPoor),
        ("Don't know", .dontKnow), ("dont knw", .dontKnow), ("not sure", .dontKnow),
    ])
    func readsScores(text: String, expected: FFTScore) {
        #expect(InboundIntent.classify(text) == .score(expected, comment: nil))
    }

    @Test func scoreWithComment() {
        #expect(
            InboundIntent.classify("1 - the nurses were lovely") == .score(.veryGood, comment: "the nurses were lovely")
        )
        #expect(InboundIntent.classify("Poor. Food was cold") == .score(.poor, comment: "Food was cold"))
        #expect(
            InboundIntent.classify("Don't know, only visited once") == .score(.dontKnow, comment: "only visited once")
        )
    }

    @Test(arguments: [
        "food", "Food was cold", "Good food but long waits", "good morning doctor, when is visiting?", "7",
        "10/10 great", "door",
    ])
    func doesNotMistakeTextForScores(text: String) {
        if case .score = InboundIntent.classify(text) {
            Issue.record("'\(text)' read as a score")
        }
    }

    @Test func keywords() {
        for stop in ["STOP", "stop all", "Unsubscribe", "STOP ALL!", "opt out"] {
            #expect(InboundIntent.classify(stop) == .stop, "\(stop)")
        }
        #expect(InboundIntent.classify("START") == .start)
        #expect(InboundIntent.classify("help") == .help)
        #expect(InboundIntent.classify("Polski", languages: ReplyTemplates.builtInKeywords) == .language("pl"))
        #expect(InboundIntent.classify("اردو", languages: ReplyTemplates.builtInKeywords) == .language("ur"))
        #expect(InboundIntent.classify("Thanks!") == .acknowledgement)
        #expect(InboundIntent.classify("stop the noise at night please") == .freeText("stop the noise at night please"))
    }

    @Test(arguments: [
        ("The nurses were rude at night", FeedbackCategory.staff), ("Toilets were dirty", .cleanliness),
        ("Waited 6 hours for discharge", .delays), ("Parking cost a fortune", .parking),
        ("Dinner was cold and late", .food), ("Wrong tablets given twice", .medicines),
        ("I lost my glasses", .lostproperty), ("Lovely", .other),
    ])
    func guessesCategories(text: String, expected: FeedbackCategory) {
        #expect(FeedbackCategory.guess(for: text) == expected)
    }
}

@Suite struct DecisionTests {
    var settings: ConversationSettings {
        var settings = ConversationSettings()
        settings.wardName = "Ward 7"
        return settings
    }

    func decide(
        _ text: String,
        sender: String = "+447700900456",
        alphanumeric: Bool = false,
        contact: WardConversation.Contact = .init(),
        history: WardConversation.History = .init()
    ) -> WardConversation.Decision {
        WardConversation(settings: settings).decide(
            text: text,
            messageID: 10,
            sender: sender,
            senderIsAlphanumeric: alphanumeric,
            contact: contact,
            history: history
        )
    }

    @Test func scoreIsThankedAndAsksOneFollowUp() {
        let decision = decide("2")
        #expect(decision.feedback?.score == .good)
        #expect(
            decision.reply == "Thank you for your feedback about Ward 7. What was good, or what could we do better?"
        )
        #expect(decision.awaitingFollowUpFor == .some(10))
    }

    @Test func followUpCommentJoinsTheScoreRecord() {
        let decision = decide("The night staff were wonderful", contact: .init(awaitingFollowUpFor: 9))
        #expect(decision.feedback?.followUpTo == 9)
        #expect(decision.feedback?.category == .staff)
        #expect(decision.awaitingFollowUpFor == .some(nil))
        #expect(decision.reply?.hasPrefix("Thank you.") == true)
    }

    @Test func stopIsHonouredAndConfirmedOnce() {
        let stop = decide("STOP")
        #expect(stop.optedOut == true)
        #expect(stop.reply?.contains("no more texts") == true)
        let again = decide("STOP", contact: .init(optedOut: true))
        #expect(again.reply == nil)
        let feedback = decide("1", contact: .init(optedOut: true))
        #expect(feedback.feedback?.score == .veryGood, "still recorded")
        #expect(feedback.reply == nil)
        #expect(feedback.suppressedReason?.contains("opted out") == true)
        let start = decide("START", contact: .init(optedOut: true))
        #expect(start.optedOut == false)
        #expect(start.reply != nil)
    }

    @Test func neverRepliesToAlphanumericOrShortCodes() {
        #expect(decide("1", sender: "NHSTrust", alphanumeric: true).reply == nil)
        #expect(decide("1", sender: "88440").reply == nil)
        #expect(decide("1", sender: "88440").feedback?.score == .veryGood)
        #expect(decide("1", sender: "07700900456").reply != nil)
    }

    @Test func capsAndDuplicatesSuppressReplies() {
        #expect(decide("1", history: .init(repliesLastHour: 4)).suppressedReason?.contains("per hour") == true)
        #expect(decide("1", history: .init(repliesLastDay: 12)).suppressedReason?.contains("per day") == true)
        #expect(decide("1", history: .init(isRecentDuplicate: true)).reply == nil)
    }

    @Test func languageKeywordSwitchesReplies() {
        let choose = decide("polski")
        #expect(choose.language == "pl")
        #expect(choose.reply?.hasPrefix("Będziemy odpowiadać po polsku") == true)
        let score = decide("1", contact: .init(language: "ur"))
        #expect(score.reply?.contains("Ward 7") == true)
        #expect(score.reply?.contains("شکریہ") == true)
    }

    @Test func acknowledgementsAreNotAnswered() {
        let decision = decide("thanks")
        #expect(decision.reply == nil)
        #expect(decision.feedback == nil)
    }
}
