// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskRendering
import KioskUI
import Synchronization

/// One of the kiosk's sample screens in one language on one panel, laid out with real Pango metrics.
struct SampleScreen: Sendable {
    /// The sample's name from `KioskStateMachine.sampleStates`, such as `answer-selected`.
    let name: String
    let language: KioskLanguage
    let panel: ScreenPanel
    let state: KioskViewState
    let layout: KioskScreenLayout

    /// A label for messages, such as `7in-800x480 ur thank-you`.
    var label: String { "\(panel.name) \(language.tag) \(name)" }

    /// Every sample screen for `language` on `panel`, laid out once per test run and then shared between tests.
    static func all(_ language: KioskLanguage, on panel: ScreenPanel) -> [SampleScreen] {
        let key = "\(panel.name) \(language.tag)"
        if let known = cache.withLock({ $0[key] }) { return known }
        let measurer = PangoTextMeasurer.shared
        let engine = KioskLayoutEngine(panel: panel.geometry, measurer: measurer)
        let screens = KioskStateMachine.sampleStates(
            settings: KioskSettings(),
            language: language,
            panel: panel.geometry,
            measurer: measurer
        ).map { sample in
            SampleScreen(
                name: sample.name,
                language: language,
                panel: panel,
                state: sample.state,
                layout: engine.layout(sample.state)
            )
        }
        cache.withLock { $0[key] = screens }
        return screens
    }

    /// The sample screen called `name`, if `language` has it on `panel`.
    static func named(_ name: String, _ language: KioskLanguage, on panel: ScreenPanel) -> SampleScreen? {
        all(language, on: panel).first { $0.name == name }
    }

    private static let cache = Mutex<[String: [SampleScreen]]>([:])
}
