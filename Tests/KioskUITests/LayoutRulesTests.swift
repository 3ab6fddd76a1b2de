// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

/// The physical rules (requirements 15, 16 and 18) on every screen, in every language, on both panels in both
/// orientations.
@Suite struct LayoutRulesTests {
    static let arguments = TestPanels.all.map(\.name)

    /// Every sample screen of every language on every panel, laid out once for all the tests.
    static let screens: [String: [(label: String, layout: KioskScreenLayout, panel: PanelGeometry)]] = Dictionary(
        uniqueKeysWithValues: TestPanels.all.map { ($0.name, layOutEveryScreen($0.name)) }
    )

    func everyScreen(_ panelName: String) -> [(label: String, layout: KioskScreenLayout, panel: PanelGeometry)] {
        Self.screens[panelName]!
    }

    static func layOutEveryScreen(
        _ panelName: String
    ) -> [(label: String, layout: KioskScreenLayout, panel: PanelGeometry)] {
        let panel = TestPanels.all.first { $0.name == panelName }!.panel
        let engine = KioskLayoutEngine(panel: panel)
        var result: [(String, KioskScreenLayout, PanelGeometry)] = []
        for language in KioskLanguage.allCases {
            for sample in KioskStateMachine.sampleStates(settings: KioskSettings(), language: language, panel: panel) {
                result.append(("\(panelName) \(language.tag) \(sample.name)", engine.layout(sample.state), panel))
            }
        }
        return result
    }

    @Test(arguments: arguments)
    func everyTargetIsAtLeastElevenMillimetresSquareAndInsideTheScreen(panelName: String) {
        for (label, layout, panel) in everyScreen(panelName) {
            for target in layout.targets {
                let mm = target.millimetres
                #expect(mm.width >= KioskMetrics.minimumTargetSide, "\(label) \(target.id) is \(mm.width) mm wide")
                #expect(mm.height >= KioskMetrics.minimumTargetSide, "\(label) \(target.id) is \(mm.height) mm high")
                #expect(mm.minX >= 0 && mm.minY >= 0, "\(label) \(target.id) starts off screen")
                #expect(mm.maxX <= panel.millimetres.width + 1e-6, "\(label) \(target.id) runs off the right")
                #expect(mm.maxY <= panel.millimetres.height + 1e-6, "\(label) \(target.id) runs off the bottom")
            }
        }
    }

    @Test(arguments: arguments)
    func targetsAreAtLeastThreeMillimetresApart(panelName: String) {
        for (label, layout, _) in everyScreen(panelName) {
            let targets = layout.targets
            for i in targets.indices {
                for j in targets.indices where j > i {
                    let a = targets[i].millimetres
                    let b = targets[j].millimetres
                    let horizontal = max(b.minX - a.maxX, a.minX - b.maxX)
                    let vertical = max(b.minY - a.maxY, a.minY - b.maxY)
                    #expect(
                        max(horizontal, vertical) >= KioskMetrics.minimumTargetSpacing - 1e-6,
                        "\(label): \(targets[i].id) and \(targets[j].id) are \(max(horizontal, vertical)) mm apart"
                    )
                }
            }
        }
    }

    @Test(arguments: arguments)
    func noTextIsUnderFiveMillimetresAndTheQuestionIsAtLeastEight(panelName: String) {
        for (label, layout, panel) in everyScreen(panelName) {
            let pixelsPerMillimetre = panel.pixelsPerMillimetre.y
            for (id, box) in layout.drawList.texts {
                let em = box.style.pixelSize / pixelsPerMillimetre
                #expect(em >= KioskMetrics.minimumEm - 1e-9, "\(label) \(id) is set at \(em) mm")
                if id == "question" {
                    #expect(em >= KioskMetrics.minimumQuestionEm - 1e-9, "\(label): the question is \(em) mm")
                }
            }
            #expect(layout.overflowingText.isEmpty, "\(label): text does not fit \(layout.overflowingText)")
        }
    }

    @Test(arguments: arguments)
    func answerButtonsAreAtLeastEighteenMillimetresHighAndFillTheContentColumn(panelName: String) {
        let panel = TestPanels.all.first { $0.name == panelName }!.panel
        let engine = KioskLayoutEngine(panel: panel)
        for language in KioskLanguage.allCases {
            // Given the screen that shows the answers
            let screen: KioskScreen = engine.questionFitsWithAnswers(language: language) ? .question : .answers
            let layout = engine.layout(KioskViewState(screen: screen, language: language))
            // When the answer buttons are measured
            let answers = FFTRating.allCases.compactMap { layout.target(.answer($0))?.millimetres }
            // Then there are six, each at least 18 mm high and equally wide, spanning the content column
            #expect(answers.count == 6)
            for answer in answers {
                #expect(answer.height >= KioskMetrics.minimumAnswerHeight, "\(panelName) \(language.tag)")
                #expect(abs(answer.width - answers[0].width) < 1e-6)
            }
            let span = answers.dropFirst().reduce(answers[0]) { $0.union($1) }
            let rail = layout.target(.language)!.millimetres
            let content =
                panel.millimetres.width > panel.millimetres.height
                ? panel.millimetres.width - (rail.width + 2 * 2.5) - 2 * 2.5 : panel.millimetres.width - 2 * 2.5
            #expect(
                abs(span.width - content) < 0.5,
                "\(panelName) \(language.tag): answers span \(span.width) of \(content) mm"
            )
        }
    }

    @Test func answersStackInOneFullWidthColumnWhereThereIsRoom() {
        // Given a 10-inch portrait panel
        let engine = KioskLayoutEngine(panel: TestPanels.portrait(TestPanels.tenInch))
        // When the English question screen is laid out
        let layout = engine.layout(KioskViewState())
        // Then the answers are one above the other, in FFT order, all starting at the same x
        let frames = FFTRating.allCases.map { layout.target(.answer($0))!.millimetres }
        for (upper, lower) in zip(frames, frames.dropFirst()) {
            #expect(upper.maxY < lower.minY)
            #expect(upper.minX == lower.minX)
        }
    }

    @Test func everyPatientScreenHasListenAndLanguageButtons() {
        for (name, panel) in TestPanels.all {
            let engine = KioskLayoutEngine(panel: panel)
            for sample in KioskStateMachine.sampleStates(settings: KioskSettings(), language: .polish, panel: panel)
            where sample.state.screen.isPatientScreen && sample.state.screen != .languagePicker {
                let layout = engine.layout(sample.state)
                #expect(layout.target(.listen) != nil, "\(name) \(sample.name) has no Listen button")
                #expect(layout.target(.language) != nil, "\(name) \(sample.name) has no Language button")
            }
        }
    }

    @Test func idlePromptHasASingleButtonAtLeastTwentyMillimetresHigh() {
        for (name, panel) in TestPanels.all {
            for language in KioskLanguage.allCases {
                let layout = KioskLayoutEngine(panel: panel).layout(
                    KioskViewState(screen: .idlePrompt, language: language)
                )
                #expect(layout.targets.map(\.id) == [.moreTime], "\(name) \(language.tag)")
                #expect(layout.targets[0].millimetres.height >= KioskMetrics.minimumMoreTimeHeight)
            }
        }
    }
}

@Suite struct KeyboardLayoutTests {
    @Test func typingRelaysOnlyTheFieldAndMatchesAFullLayout() {
        // Given the keyboard screen with some text
        let engine = KioskLayoutEngine(panel: TestPanels.sevenInch)
        let before = KioskViewState(screen: .keyboard, comment: "The food")
        let previous = engine.layout(before)
        // When a letter is typed
        var after = before
        after.comment += "s"
        let quick = engine.layout(after, after: (before, previous))
        // Then the quick update equals a full layout, and only the field's text is damaged
        #expect(quick == engine.layout(after))
        #expect(quick.drawList.texts["keyboard.field.text"]?.text == "The foods")
        let damage = quick.drawList.damage(comparedTo: previous.drawList)
        #expect(damage.count == 1)
    }
}

@Suite struct SampleStatesTests {
    @Test(arguments: TestPanels.all.map(\.name))
    func sampleStatesCoverEveryScreenWithUniqueNames(panelName: String) {
        let panel = TestPanels.all.first { $0.name == panelName }!.panel
        let samples = KioskStateMachine.sampleStates(settings: KioskSettings(), language: .english, panel: panel)
        let names = samples.map(\.name)
        #expect(Set(names).count == names.count)
        for required in [
            "start", "answer-selected", "free-text", "free-text-typing", "keyboard", "topics", "thank-you",
            "idle-prompt",
            "language-picker", "staff-pin", "staff-status", "calibration",
        ] {
            #expect(names.contains(required), "\(panelName) lacks \(required)")
        }
        let screens = Set(samples.map(\.state.screen))
        #expect(screens.isSuperset(of: KioskScreen.allCases.filter { $0 != .answers }))
    }
}
