// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension ReachCheck {
    /// A target out of reach on one sample screen.
    public struct ScreenViolation: Hashable, Sendable {
        /// The sample state's name (see `KioskStateMachine.sampleStates`).
        public var screen: String
        public var language: KioskLanguage
        public var violation: Violation
    }

    /// Every target of every sample screen in every enabled language, checked at the configured mount height.
    /// Empty when `settings.mountHeightMillimetres` is not set.
    public static func violations(
        settings: KioskSettings,
        panel: PanelGeometry,
        measurer: any TextMeasuring = EstimatingTextMeasurer()
    ) -> [ScreenViolation] {
        guard let mountHeight = settings.mountHeightMillimetres else { return [] }
        let engine = KioskLayoutEngine(panel: panel, measurer: measurer)
        var result: [ScreenViolation] = []
        for language in settings.enabledLanguages {
            let samples = KioskStateMachine.sampleStates(
                settings: settings,
                language: language,
                panel: panel,
                measurer: measurer
            )
            for sample in samples {
                let found = violations(
                    engine.layout(sample.state).targets,
                    panelHeight: panel.millimetres.height,
                    mountHeight: mountHeight
                )
                result += found.map { ScreenViolation(screen: sample.name, language: language, violation: $0) }
            }
        }
        return result
    }
}
