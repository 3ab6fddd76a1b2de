// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import KioskUI
import Testing

@Suite struct KioskStateMachineTests {
    /// Answers on the current screen, going to the answers screen first where the panel needs one.
    func goToAnswers(_ kiosk: inout KioskStateMachine, at now: Duration) {
        if kiosk.layout.target(.start) != nil { _ = kiosk.press(.start, at: now) }
    }

    @Test func theStartScreenAsksTheFFTQuestionWithSixAnswersInOrder() {
        // Given a new kiosk
        let kiosk = KioskStateMachine.test()
        // When the start screen is drawn
        let texts = kiosk.drawList.texts
        // Then it shows the national question and the answers in FFT order
        #expect(kiosk.screen == .question)
        #expect(texts["question"]?.text == "Overall, how was your experience of our service?")
        let labels = FFTRating.allCases.map { texts["answer.\($0.rawValue).label"]?.text }
        #expect(labels == ["Very good", "Good", "Neither good nor poor", "Poor", "Very poor", "Don't know"])
        #expect(texts["question.idle"]?.text.contains("60 seconds") == true)
    }

    @Test func everyLanguageHasSixAnswersAndEveryText() {
        for language in KioskLanguage.allCases {
            for audience in AudienceMode.allCases {
                let strings = KioskStrings.catalog(for: language, audience: audience)
                #expect(strings.answers.count == 6)
                #expect(Set(strings.answers).count == 6, "\(language.tag) repeats an answer")
                #expect(strings.categories.count == FeedbackCategory.allCases.count, "\(language.tag)")
                let texts = [
                    strings.question, strings.idleStatement, strings.next, strings.skip, strings.submit, strings.listen,
                    strings.language, strings.freeTextPrompt, strings.personalDetailsWarning, strings.thankYou,
                    strings.needMoreTime, strings.moreTimeButton, strings.countdown,
                ]
                #expect(texts.allSatisfy { !$0.isEmpty }, "\(language.tag) has an empty text")
                #expect(strings.idleStatement.contains("{seconds}") && strings.countdown.contains("{seconds}"))
            }
        }
        #expect(KioskStrings.english.personalDetailsWarning.hasPrefix("Please don't include names or personal details"))
        #expect(KioskLanguage.allCases.count == 13)
    }

    @Test func aRatingAndItsCommentAreSubmittedTogetherInOneResponse() {
        // Given a patient who chooses Good, taps Next, types and picks a topic
        let world = TestWorld()
        var kiosk = KioskStateMachine.test(
            settings: KioskSettings(
                wardName: "Ward 7",
                trustODSCode: "RXX",
                siteCode: "RXX01",
                specialtyCodes: ["300"]
            ),
            world: world
        )
        var now = Duration.seconds(1000)
        goToAnswers(&kiosk, at: now)
        now += .seconds(1)
        _ = kiosk.press(.answer(.good), at: now)
        #expect(kiosk.committedRating == nil)
        now += .seconds(1)
        _ = kiosk.press(.next, at: now)
        #expect(kiosk.screen == .freeText && kiosk.committedRating == .good)
        now += .seconds(1)
        _ = kiosk.press(.commentField, at: now)
        for key in ["h", "i"] {
            now += .seconds(1)
            _ = kiosk.press(.key(.character(key)), at: now)
        }
        now += .seconds(1)
        _ = kiosk.press(.keyboardDone, at: now)
        now += .seconds(1)
        _ = kiosk.press(.chooseTopics, at: now)
        now += .seconds(1)
        _ = kiosk.press(.chip(.staff), at: now)
        now += .seconds(1)
        _ = kiosk.press(.topicsDone, at: now)
        // When the patient taps Send
        now += .seconds(1)
        let actions = kiosk.press(.submit, at: now)
        // Then one response carries the rating, the comment and the ward's details, and thanks are shown
        let responses = actions.submissions
        #expect(responses.count == 1)
        let response = responses[0]
        #expect(response.rating == .good)
        #expect(response.comment == "hi")
        #expect(response.categories == [.staff])
        #expect(response.wardName == "Ward 7" && response.trustODSCode == "RXX" && response.siteCode == "RXX01")
        #expect(response.specialtyCodes == ["300"])
        #expect(response.mode == "Electronic Discharge")
        #expect(response.language == "en")
        #expect(response.submittedAt == world.now)
        #expect(response.suspectRepeat == false)
        #expect(kiosk.screen == .thankYou)
    }

    @Test func skippingTheFreeTextSubmitsTheRatingWithoutAComment() {
        var kiosk = KioskStateMachine.test()
        var now = Duration.seconds(1000)
        goToAnswers(&kiosk, at: now)
        now += .seconds(1)
        _ = kiosk.press(.answer(.veryPoor), at: now)
        now += .seconds(1)
        _ = kiosk.press(.next, at: now)
        now += .seconds(1)
        let responses = kiosk.press(.skip, at: now).submissions
        #expect(responses.map(\.rating) == [.veryPoor])
        #expect(responses.first?.comment == nil)
    }

    @Test func theLocalTimestampAndOffsetFollowTheWardsTimeZone() {
        // 2026-07-01T12:00:00Z is 13:00 in London (summer time)
        let date = Date(timeIntervalSince1970: 1_782_907_200)
        #expect(KioskResponse.localTimestamp(for: date, offsetSeconds: 3600) == "2026-07-01T13:00:00")
        #expect(KioskResponse.localTimestamp(for: date, offsetSeconds: 0) == "2026-07-01T12:00:00")
        #expect(
            KioskResponse.localTimestamp(for: Date(timeIntervalSince1970: 0), offsetSeconds: -1)
                == "1969-12-31T23:59:59"
        )
    }

    /// Runs one complete survey (choose, Next, Skip) starting at `now`; returns the response.
    func completeSurvey(_ kiosk: inout KioskStateMachine, rating: FFTRating, at now: Duration) -> KioskResponse? {
        if kiosk.screen == .thankYou { _ = kiosk.fire(.thankYou) }
        goToAnswers(&kiosk, at: now)
        _ = kiosk.press(.answer(rating), at: now + .milliseconds(400))
        _ = kiosk.press(.next, at: now + .milliseconds(800))
        return kiosk.press(.skip, at: now + .milliseconds(1200)).submissions.first
    }

    @Test func aSubmissionWithinTwentySecondsOfThePreviousIsMarkedSuspect() {
        // Given one completed survey
        var kiosk = KioskStateMachine.test()
        let first = completeSurvey(&kiosk, rating: .good, at: .seconds(1000))
        // When the next two arrive 10 s and then 40 s later
        let second = completeSurvey(&kiosk, rating: .veryGood, at: .seconds(1010))
        let third = completeSurvey(&kiosk, rating: .poor, at: .seconds(1050))
        // Then only the one within 20 s is suspect
        #expect(first?.suspectRepeat == false)
        #expect(second?.suspectRepeat == true)
        #expect(third?.suspectRepeat == false)
    }

    @Test func thePreviousSubmissionBeforeARestartCountsForTheRepeatCheck() {
        // Given a restart 5 s after the last submission
        let world = TestWorld()
        let previous = world.now.addingTimeInterval(-5)
        var kiosk = KioskStateMachine.test(world: world, previousSubmission: previous)
        // When a survey is completed straight away
        let response = completeSurvey(&kiosk, rating: .good, at: .seconds(1000))
        // Then it is suspect
        #expect(response?.suspectRepeat == true)
    }

    @Test func theThankYouScreenIgnoresInputAndReturnsToTheStartAfterFiveSeconds() {
        var kiosk = KioskStateMachine.test()
        _ = completeSurvey(&kiosk, rating: .good, at: .seconds(1000))
        #expect(kiosk.screen == .thankYou)
        let deadline = kiosk.deadlines[.thankYou]
        #expect(deadline == .seconds(1000) + .milliseconds(1200) + .seconds(5))
        // Taps anywhere do nothing
        for x in stride(from: 10.0, to: 1280, by: 150) {
            for y in stride(from: 10.0, to: 800, by: 150) {
                #expect(kiosk.tap(at: Point(x: x, y: y), now: .seconds(1002)).isEmpty)
            }
        }
        #expect(kiosk.screen == .thankYou)
        _ = kiosk.fire(.thankYou)
        #expect(kiosk.screen == .question)
    }

    @Test(arguments: TestPanels.all.map(\.name))
    func theThankYouScreenLooksTheSameWhateverTheRating(panelName: String) {
        let panel = TestPanels.all.first { $0.name == panelName }!.panel
        var lists: [DrawList] = []
        for rating in FFTRating.allCases {
            var kiosk = KioskStateMachine.test(panel: panel)
            _ = completeSurvey(&kiosk, rating: rating, at: .seconds(1000))
            #expect(kiosk.screen == .thankYou)
            lists.append(kiosk.drawList)
        }
        #expect(Set(lists).count == 1)
    }

    @Test func sixtySecondsWithoutATouchAsksForMoreTimeAndExtendingKeepsTheAnswer() {
        // Given a patient who chose an answer at t = 1000 s
        var kiosk = KioskStateMachine.test()
        goToAnswers(&kiosk, at: .seconds(1000))
        let actions = kiosk.press(.answer(.good), at: .seconds(1000))
        #expect(actions.contains(.scheduleTimer(.idle, deadline: .seconds(1060))))
        // When the idle timer fires
        let (_, at) = kiosk.fire(.idle)
        // Then the prompt asks, counting down from 30
        #expect(at == .seconds(1060))
        #expect(kiosk.screen == .idlePrompt)
        #expect(kiosk.drawList.texts["idle.question"]?.text == "Do you need more time?")
        #expect(kiosk.drawList.texts["idle.countdown"]?.text == "Starting again in 30 seconds")
        _ = kiosk.fire(.countdown)
        #expect(kiosk.drawList.texts["idle.countdown"]?.text == "Starting again in 29 seconds")
        // And asking for more time ten times in a row keeps the chosen answer
        var now = Duration.seconds(1061)
        for _ in 0..<10 {
            _ = kiosk.press(.moreTime, at: now)
            #expect(kiosk.selectedRating == .good)
            #expect(kiosk.screen != .idlePrompt)
            now = kiosk.fire(.idle).at + .seconds(1)
            #expect(kiosk.screen == .idlePrompt)
        }
    }

    @Test func whenThePromptTimesOutTheKioskStartsAgainInEnglishWithNothingKept() {
        // Given a Polish-speaking patient who chose an answer but did not tap Next
        var kiosk = KioskStateMachine.test()
        _ = kiosk.press(.language, at: .seconds(1000))
        _ = kiosk.press(.languageOption(.polish), at: .seconds(1001))
        goToAnswers(&kiosk, at: .seconds(1002))
        _ = kiosk.press(.answer(.poor), at: .seconds(1003))
        // When the idle prompt counts down to zero
        _ = kiosk.fire(.idle)
        var submitted: [KioskResponse] = []
        while kiosk.screen == .idlePrompt { submitted += kiosk.fire(.countdown).actions.submissions }
        // Then nothing is submitted and the start screen is in English, empty, with no timers
        #expect(submitted.isEmpty)
        #expect(kiosk.screen == .question && kiosk.language == .english)
        #expect(kiosk.selectedRating == nil && kiosk.comment.isEmpty)
        #expect(kiosk.deadlines.isEmpty)
        #expect(kiosk.drawList == KioskStateMachine.test().drawList)
    }

    @Test func aCommittedRatingIsSubmittedWithoutItsCommentWhenTheFreeTextTimesOut() {
        // Given a rating committed with Next and a half-typed comment
        var kiosk = KioskStateMachine.test()
        goToAnswers(&kiosk, at: .seconds(1000))
        _ = kiosk.press(.answer(.veryGood), at: .seconds(1001))
        let next = kiosk.press(.next, at: .seconds(1002))
        // The free-text screen waits 120 s
        #expect(next.contains(.scheduleTimer(.idle, deadline: .seconds(1122))))
        _ = kiosk.press(.commentField, at: .seconds(1003))
        _ = kiosk.press(.key(.character("x")), at: .seconds(1004))
        // When the prompt times out
        _ = kiosk.fire(.idle)
        var submitted: [KioskResponse] = []
        while kiosk.screen == .idlePrompt { submitted += kiosk.fire(.countdown).actions.submissions }
        // Then the rating is kept, the comment is not
        #expect(submitted.map(\.rating) == [.veryGood])
        #expect(submitted.first?.comment == nil)
        #expect(kiosk.screen == .question && kiosk.comment.isEmpty)
    }

    @Test func anUntouchedStartScreenDoesNotPrompt() {
        let kiosk = KioskStateMachine.test()
        #expect(kiosk.deadlines[.idle] == nil)
    }

    @Test func staleTimerFiresAreIgnored() {
        var kiosk = KioskStateMachine.test()
        goToAnswers(&kiosk, at: .seconds(1000))
        _ = kiosk.press(.answer(.good), at: .seconds(1000))
        _ = kiosk.press(.answer(.poor), at: .seconds(1030))
        // The first deadline (1060 s) was moved to 1090 s
        #expect(kiosk.timerFired(.idle, now: .seconds(1060)).isEmpty)
        #expect(kiosk.screen != .idlePrompt)
    }

    @Test func listenPlaysTheCurrentScreenInTheCurrentLanguage() {
        var kiosk = KioskStateMachine.test()
        _ = kiosk.press(.language, at: .seconds(1000))
        _ = kiosk.press(.languageOption(.urdu), at: .seconds(1001))
        let actions = kiosk.press(.listen, at: .seconds(1002))
        #expect(actions.contains(.playAudio(AudioPrompt(screen: .question, language: .urdu))))
        // And the prompter twin records it
        let prompter = InMemoryAudioPrompter()
        for case .playAudio(let prompt) in actions { prompter.play(prompt) }
        #expect(prompter.played.map(\.fileName) == ["question.ur.standard.ogg"])
    }

    @Test func theLanguageListShowsEachLanguageInItsOwnName() {
        var kiosk = KioskStateMachine.test()
        _ = kiosk.press(.language, at: .seconds(1000))
        let texts = kiosk.drawList.texts
        for language in KioskLanguage.allCases {
            let box = texts["language.\(language.tag).label"]
            #expect(box?.text == language.ownName)
            #expect(box?.style.language == language.tag)
            #expect(box?.style.fontFamily == language.fontFamily)
        }
        #expect(texts["language.ur.label"]?.style.lineSpacing ?? 0 >= 1.5)
    }

    @Test func threeTapsInTheStaffCornerOpenThePINPadAndTheRightPINShowsStatus() {
        // Given a kiosk whose driver supplied status lines
        var kiosk = KioskStateMachine.test(settings: KioskSettings(staffPIN: "1357"))
        _ = kiosk.updateStaffStatus(["Queue: 4 waiting"])
        let corner = kiosk.layout.staffCorner!
        let point = Point(x: corner.x + 5, y: corner.y + 5)
        // When staff tap the corner three times within two seconds
        _ = kiosk.tap(at: point, now: .seconds(1000))
        _ = kiosk.tap(at: point, now: .milliseconds(1_000_500))
        #expect(kiosk.screen == .question)
        _ = kiosk.tap(at: point, now: .seconds(1001))
        #expect(kiosk.screen == .staffPIN)
        // Then a wrong PIN is refused and the right one opens the status screen
        for digit in [1, 2] { _ = kiosk.press(.pinDigit(digit), at: .seconds(1002 + Int64(digit))) }
        _ = kiosk.press(.pinEnter, at: .seconds(1010))
        #expect(kiosk.screen == .staffPIN)
        for (offset, digit) in [1, 3, 5, 7].enumerated() {
            _ = kiosk.press(.pinDigit(digit), at: .seconds(1020 + Int64(offset)))
        }
        _ = kiosk.press(.pinEnter, at: .seconds(1030))
        #expect(kiosk.screen == .staffStatus)
        #expect(kiosk.drawList.texts.values.contains { $0.text == "Queue: 4 waiting" })
    }

    @Test func slowCornerTapsDoNotOpenTheStaffScreen() {
        var kiosk = KioskStateMachine.test()
        let corner = kiosk.layout.staffCorner!
        let point = Point(x: corner.x + 5, y: corner.y + 5)
        for second in [1000, 1001, 1002, 1003] { _ = kiosk.tap(at: point, now: .milliseconds(Int64(second) * 1100)) }
        #expect(kiosk.screen == .question)
    }

    @Test func emptyStaffPINTurnsTheStaffGestureOff() {
        var kiosk = KioskStateMachine.test(settings: KioskSettings(wardName: "Ward 7", staffPIN: ""))
        let corner = kiosk.layout.staffCorner!
        for i in 0..<3 {
            _ = kiosk.tap(at: Point(x: corner.x + 5, y: corner.y + 5), now: .seconds(1000) + .milliseconds(400 * i))
        }
        #expect(kiosk.screen == .question)
    }

    @Test func staffCanChooseTheChildrensWording() {
        var kiosk = KioskStateMachine.test()
        let corner = kiosk.layout.staffCorner!
        for i in 0..<3 {
            _ = kiosk.tap(at: Point(x: corner.x + 5, y: corner.y + 5), now: .seconds(1000) + .milliseconds(400 * i))
        }
        for (offset, digit) in [2, 4, 6, 8].enumerated() {
            _ = kiosk.press(.pinDigit(digit), at: .seconds(1010 + Int64(offset)))
        }
        _ = kiosk.press(.pinEnter, at: .seconds(1020))
        _ = kiosk.press(.audience(.children), at: .seconds(1021))
        _ = kiosk.press(.staffExit, at: .seconds(1022))
        #expect(kiosk.screen == .question)
        #expect(kiosk.drawList.texts["question"]?.text == KioskStrings.englishChildren.question)
    }

    @Test func calibrationSolvesTheCorrectionFromFourTaps() {
        // Given a kiosk whose touches land 2% right and 3% low of where the finger is
        var kiosk = KioskStateMachine.test()
        let corner = kiosk.layout.staffCorner!
        for i in 0..<3 {
            _ = kiosk.tap(at: Point(x: corner.x + 5, y: corner.y + 5), now: .seconds(1000) + .milliseconds(400 * i))
        }
        for (offset, digit) in [2, 4, 6, 8].enumerated() {
            _ = kiosk.press(.pinDigit(digit), at: .seconds(1010 + Int64(offset)))
        }
        _ = kiosk.press(.pinEnter, at: .seconds(1020))
        _ = kiosk.press(.calibrate, at: .seconds(1021))
        #expect(kiosk.screen == .calibration)
        // When staff touch each cross
        var actions: [KioskAction] = []
        for (index, target) in KioskLayoutEngine.calibrationTargets.enumerated() {
            let point = Point(x: (target.x + 0.02) * 1280, y: (target.y + 0.03) * 800)
            actions += kiosk.tap(at: point, now: .seconds(1030 + Int64(index)))
        }
        // Then the new matrix moves touches back by that offset
        let saved = actions.compactMap {
            if case .saveCalibration(let matrix) = $0 { return matrix }
            return nil
        }
        #expect(saved.count == 1)
        let corrected = saved[0].apply(x: 0.52, y: 0.53)
        #expect(abs(corrected.x - 0.5) < 1e-9 && abs(corrected.y - 0.5) < 1e-9)
        #expect(kiosk.screen == .staffStatus)
    }

    @Test func selectingAnAnswerRedrawsOnlyThatButtonAndNext() {
        // Given the question screen with nothing chosen
        var kiosk = KioskStateMachine.test(panel: TestPanels.portrait(TestPanels.tenInch))
        let before = kiosk.drawList
        // When Good is chosen
        let actions = kiosk.press(.answer(.good), at: .seconds(1000))
        // Then the damage covers only the Good button and Next
        #expect(actions.contains(.redraw))
        let damage = kiosk.drawList.damage(comparedTo: before)
        let good = kiosk.layout.target(.answer(.good))!.frame
        let next = kiosk.layout.target(.next)!.frame
        let area = damage.map(\.area).reduce(0, +)
        // (text bounds allow a little ink outside the label's box)
        let margin = 32.0
        #expect(
            Double(area) <= (good.width + margin) * (good.height + margin) + (next.width + margin)
                * (next.height + margin)
        )
        #expect(damage.count == 2)
        let screenArea = 800 * 1280
        #expect(area * 5 < screenArea)
    }
}

@Suite struct FreeTextTests {
    func freeText(_ language: KioskLanguage) -> KioskStateMachine {
        var kiosk = KioskStateMachine.test()
        if language != .english {
            _ = kiosk.press(.language, at: .seconds(1000))
            _ = kiosk.press(.languageOption(language), at: .seconds(1001))
        }
        if kiosk.layout.target(.start) != nil { _ = kiosk.press(.start, at: .seconds(1002)) }
        _ = kiosk.press(.answer(.good), at: .seconds(1003))
        _ = kiosk.press(.next, at: .seconds(1004))
        return kiosk
    }

    @Test func theFreeTextScreenWarnsAgainstPersonalDetails() {
        let kiosk = freeText(.english)
        let texts = kiosk.drawList.texts
        #expect(texts["freeText.prompt"]?.text == "What was good, or what could we do better?")
        #expect(texts["freeText.warning"]?.text == "Please don't include names or personal details.")
        #expect(kiosk.layout.target(.skip) != nil && kiosk.layout.target(.submit) != nil)
    }

    @Test(arguments: [KioskLanguage.urdu, .arabic, .bengali, .chineseSimplified, .panjabi, .gujarati])
    func nonLatinLanguagesOfferTopicsInsteadOfTheKeyboard(language: KioskLanguage) {
        let kiosk = freeText(language)
        #expect(kiosk.layout.target(.commentField) == nil)
        #expect(kiosk.layout.target(.chooseTopics) != nil)
    }

    @Test func theKeyboardTypesCapitalsAccentsAndDeletes() {
        // Given a Polish patient on the keyboard
        var kiosk = freeText(.polish)
        var now = Duration.seconds(1010)
        func press(_ key: KeyboardKey) {
            now += .milliseconds(500)
            _ = kiosk.press(.key(key), at: now)
        }
        _ = kiosk.press(.commentField, at: now)
        // When they type Shift, d, o, accents, ś, numbers, 1, Delete, space
        press(.shift)
        press(.character("D"))
        press(.character("o"))
        press(.layer(.accents))
        press(.character("ś"))
        press(.layer(.numbers))
        press(.character("1"))
        press(.backspace)
        press(.space)
        // Then the comment reads "Doś " and the shift applied to one letter only
        #expect(kiosk.comment == "Doś ")
        #expect(kiosk.drawList.texts["keyboard.field.text"]?.text == "Doś ")
        now += .milliseconds(500)
        _ = kiosk.press(.keyboardDone, at: now)
        now += .milliseconds(500)
        let response = kiosk.press(.submit, at: now).submissions.first
        #expect(response?.comment == "Doś")
        #expect(response?.language == "pl")
    }
}
