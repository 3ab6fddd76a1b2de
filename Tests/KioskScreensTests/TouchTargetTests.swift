// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

/// Touch targets measured on the panel in millimetres (requirements 15 and 16), for layouts made with the fonts the
/// panel draws with: longer real words can push buttons around in ways an estimate does not.
///
/// Sizes come from the targets' pixel rectangles and the panel's pixels per millimetre, not from the layout's own
/// millimetre figures, with every edge on the pixel boundary nearest to it as the panel draws it, so a target that
/// rounding makes smaller on the panel, or a gap that rounding narrows, is caught.
@Suite struct TouchTargetTests {
    /// `rect` with each edge moved to the nearest pixel boundary, as the panel shows it.
    static func snapped(_ rect: Rect) -> Rect {
        let left = rect.minX.rounded()
        let top = rect.minY.rounded()
        return Rect(x: left, y: top, width: rect.maxX.rounded() - left, height: rect.maxY.rounded() - top)
    }

    /// The shortest distance in millimetres between two pixel rectangles (zero when they touch or overlap).
    static func clearance(_ a: Rect, _ b: Rect, on panel: ScreenPanel) -> Double {
        let scale = panel.millimetresPerPixel
        let horizontal = max(0, b.minX - a.maxX, a.minX - b.maxX) * scale.x
        let vertical = max(0, b.minY - a.maxY, a.minY - b.maxY) * scale.y
        return (horizontal * horizontal + vertical * vertical).squareRoot()
    }

    /// Should give every target on every screen at least 11 mm by 11 mm of the panel.
    @Test(arguments: ScreenPanel.all, KioskLanguage.allCases)
    func everyTargetIsAtLeastElevenMillimetresSquare(panel: ScreenPanel, language: KioskLanguage) {
        // Given
        let scale = panel.millimetresPerPixel
        let screens = SampleScreen.all(language, on: panel)
        #expect(screens.contains { !$0.layout.targets.isEmpty })

        for screen in screens {
            // When
            let snapped = screen.layout.targets.map { (id: $0.id, pixels: Self.snapped($0.frame)) }

            // Then
            for (id, pixels) in snapped {
                let width = pixels.width * scale.x
                let height = pixels.height * scale.y
                #expect(
                    width >= KioskMetrics.minimumTargetSide && height >= KioskMetrics.minimumTargetSide,
                    "\(screen.label): \(id) is \(width) × \(height) mm"
                )
            }
            withKnownIssue("the language list runs off the panel (see KnownLayoutProblem)") {
                for (id, pixels) in snapped {
                    #expect(
                        pixels.minX >= 0 && pixels.minY >= 0 && Int(pixels.maxX) <= panel.geometry.size.width
                            && Int(pixels.maxY) <= panel.geometry.size.height,
                        "\(screen.label): \(id) reaches off the panel to \(pixels)"
                    )
                }
            } when: {
                KnownLayoutProblem.languageListOverflows(screen)
            }
        }
    }

    /// Should keep at least 3 mm of clear panel between any two targets on every screen.
    @Test(arguments: ScreenPanel.all, KioskLanguage.allCases)
    func targetsAreAtLeastThreeMillimetresApart(panel: ScreenPanel, language: KioskLanguage) {
        for screen in SampleScreen.all(language, on: panel) {
            // Given
            let targets = screen.layout.targets

            withKnownIssue("the language list reaches the Back button (see KnownLayoutProblem)") {
                for i in targets.indices {
                    for j in targets.indices where j > i {
                        // When
                        let clearance = Self.clearance(
                            Self.snapped(targets[i].frame),
                            Self.snapped(targets[j].frame),
                            on: panel
                        )

                        // Then
                        #expect(
                            clearance >= KioskMetrics.minimumTargetSpacing,
                            "\(screen.label): \(targets[i].id) and \(targets[j].id) are \(clearance) mm apart"
                        )
                    }
                }
            } when: {
                KnownLayoutProblem.languageListMeetsBack.contains(screen.label)
            }
        }
    }

    /// Should measure the clear space between targets side by side, one above another and corner to corner.
    @Test func clearanceIsMeasuredInMillimetres() {
        // Given
        let panel = ScreenPanel.sevenInchLandscape
        let scale = panel.millimetresPerPixel
        let box = Rect(x: 0, y: 0, width: 100, height: 100)

        // When
        let beside = Self.clearance(box, Rect(x: 110, y: 0, width: 50, height: 50), on: panel)
        let corner = Self.clearance(box, Rect(x: 103, y: 104, width: 50, height: 50), on: panel)
        let overlapping = Self.clearance(box, Rect(x: 50, y: 50, width: 100, height: 100), on: panel)

        // Then
        #expect(abs(beside - 10 * scale.x) < 1e-9)
        #expect(abs(corner - (9 * scale.x * scale.x + 16 * scale.y * scale.y).squareRoot()) < 1e-9)
        #expect(overlapping == 0)
        #expect(Self.snapped(Rect(x: 0.4, y: 1.6, width: 10, height: 10.7)) == Rect(x: 0, y: 2, width: 10, height: 10))
    }
}
