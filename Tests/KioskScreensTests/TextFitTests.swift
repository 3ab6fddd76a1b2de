// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskRendering
import KioskUI
import Testing

/// Every sample screen in every language on both panels in both orientations, measured with the fonts the panel
/// draws with (requirement 18: no glyph is clipped, and no character lacks a font).
@Suite struct TextFitTests {
    /// Should draw every text inside its box, with a font for every character, as Pango lays it out.
    @Test(arguments: ScreenPanel.all, KioskLanguage.allCases)
    func everyTextFitsItsBoxWithRealFonts(panel: ScreenPanel, language: KioskLanguage) {
        // Given
        let screens = SampleScreen.all(language, on: panel)
        #expect(screens.count >= 11, "\(panel.name) \(language.tag) has only \(screens.count) sample screens")

        for screen in screens {
            // When
            let issues = PangoTextMeasurer.shared.fitIssues(in: screen.layout.drawList)

            // Then
            withKnownIssue("text drawn outside its box with real fonts (see KnownLayoutProblem)") {
                #expect(issues.isEmpty, "\(screen.label): \(issues.map(\.description).joined(separator: "; "))")
            } when: {
                KnownLayoutProblem.textDoesNotFit(screen)
            }
        }
    }

    /// Should find, when laying out with Pango's metrics, that the layout engine's own boxes hold their text.
    @Test(arguments: ScreenPanel.all, KioskLanguage.allCases)
    func layoutEngineReportsNoOverflowWithRealFonts(panel: ScreenPanel, language: KioskLanguage) {
        // Given
        let screens = SampleScreen.all(language, on: panel)

        for screen in screens {
            // When
            let overflowing = screen.layout.overflowingText

            // Then
            withKnownIssue("the layout engine gives up fitting this text (see KnownLayoutProblem)") {
                #expect(overflowing.isEmpty, "\(screen.label): \(overflowing) do not fit")
            } when: {
                KnownLayoutProblem.engineOverflow.contains(screen.label)
            }
        }
    }

    /// Should report text that runs out of its box, so that the checks above can fail.
    @Test func textTooLongForItsBoxIsReported() throws {
        // Given
        let screen = try #require(SampleScreen.named("start", .bengali, on: .sevenInchLandscape))
        var list = screen.layout.drawList
        let index = try #require(list.items.firstIndex { $0.id == "question" })
        guard case .text(var box) = list.items[index].command else {
            Issue.record("the question is not text")
            return
        }
        box.text += " " + box.text
        list.items[index].command = .text(box)

        // When
        let issues = PangoTextMeasurer.shared.fitIssues(in: list)

        // Then
        #expect(issues.map(\.itemID) == ["question"])
        #expect(issues.first?.overflowsFrame == true)
    }
}
