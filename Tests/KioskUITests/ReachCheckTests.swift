// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

@Suite struct ReachCheckTests {
    @Test func everyControlIsInReachWhenTheBottomEdgeIsAtEightHundredMillimetres() {
        // Given a 10-inch portrait panel whose bottom edge is 800 mm above the floor
        let panel = TestPanels.portrait(TestPanels.tenInch)
        let engine = KioskLayoutEngine(panel: panel)
        for sample in KioskStateMachine.sampleStates(settings: KioskSettings(), language: .english, panel: panel) {
            // When every screen's targets are checked
            let violations = ReachCheck.violations(
                engine.layout(sample.state).targets,
                panelHeight: panel.millimetres.height,
                mountHeight: 800
            )
            // Then none is out of reach
            #expect(violations.isEmpty, "\(sample.name): \(violations)")
        }
    }

    @Test func controlsAboveTheReachRangeAreReported() {
        // Given a panel mounted with its bottom edge at 1150 mm, so its top is above 1220 mm
        let panel = TestPanels.portrait(TestPanels.tenInch)
        let layout = KioskLayoutEngine(panel: panel).layout(KioskViewState())
        // When the start screen is checked
        let violations = ReachCheck.violations(layout.targets, panelHeight: panel.millimetres.height, mountHeight: 1150)
        // Then the top controls are reported, with heights above the limit, and the bottom ones are not
        #expect(violations.contains { $0.target == .language })
        #expect(violations.allSatisfy { $0.highest > 1220 })
        #expect(!violations.contains { $0.target == .next })
    }

    @Test func controlsBelowTheReachRangeAreReported() {
        let panel = TestPanels.sevenInch
        let layout = KioskLayoutEngine(panel: panel).layout(KioskViewState())
        let violations = ReachCheck.violations(layout.targets, panelHeight: panel.millimetres.height, mountHeight: 300)
        #expect(violations.contains { $0.target == .next || $0.target == .start })
        #expect(violations.allSatisfy { $0.lowest < 380 })
    }
}

@Suite struct ReachCheckSettingsTests {
    @Test func theConfiguredMountHeightIsCheckedOnEveryScreenAndLanguage() {
        // Given a 7-inch landscape kiosk mounted too low, and one mounted well
        let low = KioskSettings(enabledLanguages: [.english, .urdu], mountHeightMillimetres: 320)
        let good = KioskSettings(enabledLanguages: [.english, .urdu], mountHeightMillimetres: 900)
        // When every screen is checked
        let lowViolations = ReachCheck.violations(settings: low, panel: TestPanels.sevenInch)
        let goodViolations = ReachCheck.violations(settings: good, panel: TestPanels.sevenInch)
        // Then the low one reports bottom controls in both languages and the good one nothing
        #expect(Set(lowViolations.map(\.language)) == [.english, .urdu])
        #expect(lowViolations.allSatisfy { $0.violation.lowest < 380 })
        #expect(goodViolations.isEmpty)
        #expect(ReachCheck.violations(settings: KioskSettings(), panel: TestPanels.sevenInch).isEmpty)
    }
}
