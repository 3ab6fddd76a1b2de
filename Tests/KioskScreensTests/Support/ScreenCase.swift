// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

/// A test argument naming one sample screen: its name, its language and its panel.
struct ScreenCase: Hashable, Sendable, CustomTestStringConvertible {
    var panel: ScreenPanel
    var language: KioskLanguage
    var name: String

    var testDescription: String { "\(panel.name) \(language.tag) \(name)" }

    /// The screen laid out, if the sample list has it.
    var screen: SampleScreen? { SampleScreen.named(name, language, on: panel) }

    /// The languages with golden screenshots on the 7-inch panel.
    static let goldenLanguages: [KioskLanguage] = [.english, .urdu, .bengali]

    /// Every sample screen in English, Urdu and Bengali on the 7-inch landscape panel, and in English on the 10.1-inch
    /// panel in portrait.
    static let golden: [ScreenCase] =
        goldenLanguages.flatMap { every($0, on: .sevenInchLandscape) } + every(.english, on: .tenInchPortrait)

    /// The sample screen called `name` in each language and panel of the golden set.
    static func goldenPanels(_ name: String) -> [ScreenCase] {
        goldenLanguages.map { ScreenCase(panel: .sevenInchLandscape, language: $0, name: name) }
            + [ScreenCase(panel: .tenInchPortrait, language: .english, name: name)]
    }

    private static func every(_ language: KioskLanguage, on panel: ScreenPanel) -> [ScreenCase] {
        SampleScreen.all(language, on: panel).map { ScreenCase(panel: panel, language: language, name: $0.name) }
    }
}
