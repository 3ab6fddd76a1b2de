// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

@testable import KioskRendering

struct RenderingSpeedTests {
    /// Should redraw a whole survey screen, and a changed answer, fast enough for touch feedback on the panels the
    /// kiosk supports (the bound is loose, so that a busy test machine does not fail it).
    @Test(arguments: [PixelSize(width: 800, height: 480), PixelSize(width: 1280, height: 800)])
    func surveyScreenRendersQuickly(size: PixelSize) throws {
        // Given
        let image = RasterImage(size: size)
        let renderer = try CairoRenderer(image: image, measurer: PangoTextMeasurer())
        let before = SampleScreens.survey(size: size, selected: 1)
        let after = SampleScreens.survey(size: size, selected: 2)
        let damage = after.damage(comparedTo: before)
        let clock = ContinuousClock()
        let rounds = 10

        // When
        let first = clock.measure { renderer.render(before) }
        let full = (0..<rounds).map { round in
            Self.milliseconds(clock.measure { renderer.render(round.isMultiple(of: 2) ? after : before) })
        }
        let partial = (0..<rounds).map { round in
            Self.milliseconds(
                clock.measure { renderer.render(round.isMultiple(of: 2) ? after : before, damage: damage) }
            )
        }

        // Then
        let fullMean = full.reduce(0, +) / Double(rounds)
        let partialMean = partial.reduce(0, +) / Double(rounds)
        print(
            "render \(size.width)×\(size.height): first (fonts loading) \(Self.format(Self.milliseconds(first))) ms, "
                + "full \(Self.format(fullMean)) ms, one answer changed \(Self.format(partialMean)) ms (means of \(rounds))"
        )
        // The fastest round of each is compared, so that a busy machine pausing the test does not decide the result.
        #expect(full.min()! < 250)
        #expect(partial.min()! < full.min()!)
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    private static func format(_ value: Double) -> String {
        String((value * 100).rounded() / 100)
    }
}
