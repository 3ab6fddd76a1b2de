// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

@testable import KioskRendering

struct ColorVisionSimulationTests {
    private let red = Color(red: 255, green: 0, blue: 0)
    private let green = Color(red: 0, green: 255, blue: 0)
    private let leftHalf = PixelRect(x: 0, y: 0, width: 40, height: 40)
    private let rightHalf = PixelRect(x: 40, y: 0, width: 40, height: 40)

    /// Two halves of an 80×40 image, painted `left` and `right`.
    private func split(_ left: Color, _ right: Color) throws -> RasterImage {
        let image = RasterImage(size: PixelSize(width: 80, height: 40))
        let leftRect = Rect(x: 0, y: 0, width: 40, height: 40)
        let rightRect = Rect(x: 40, y: 0, width: 40, height: 40)
        let list = DrawList(
            size: image.size,
            background: left,
            items: [
                DrawItem(
                    id: "right",
                    bounds: rightRect,
                    command: .rectangle(rightRect, cornerRadius: 0, fill: right, stroke: nil, lineWidth: 0)
                ),
                DrawItem(
                    id: "left",
                    bounds: leftRect,
                    command: .rectangle(leftRect, cornerRadius: 0, fill: left, stroke: nil, lineWidth: 0)
                ),
            ]
        )
        try CairoRenderer(image: image).render(list)
        return image
    }

    /// Should make pure red and pure green hard to tell apart for a deuteranope or protanope: their colour
    /// difference falls by more than half.
    @Test(arguments: [ColorVisionSimulation.deuteranopia, .protanopia])
    func redAndGreenBecomeHardToTellApart(simulation: ColorVisionSimulation) throws {
        // Given
        let image = try split(red, green)
        let normalDifference = ColorContrast.difference(in: image, between: leftHalf, and: rightHalf)
        let normalRatio = ColorContrast.ratio(in: image, between: leftHalf, and: rightHalf)

        // When
        let seen = simulation.apply(to: image)

        // Then
        let simulatedDifference = ColorContrast.difference(in: seen, between: leftHalf, and: rightHalf)
        let simulatedRatio = ColorContrast.ratio(in: seen, between: leftHalf, and: rightHalf)
        #expect(normalDifference > 80)
        #expect(simulatedDifference < normalDifference / 2, "ΔE \(normalDifference) → \(simulatedDifference)")
        if simulation == .deuteranopia {
            // A protanope sees red darker, so only the deuteranope also loses lightness contrast.
            #expect(simulatedRatio < normalRatio, "contrast \(normalRatio) → \(simulatedRatio)")
        }
    }

    /// Should keep black text on white at full contrast in every simulation.
    @Test(arguments: ColorVisionSimulation.allCases)
    func blackOnWhiteStaysHighContrast(simulation: ColorVisionSimulation) throws {
        // Given
        let image = try split(Color(hex: 0x000000), Color(hex: 0xFFFFFF))

        // When
        let seen = simulation.apply(to: image)

        // Then
        #expect(ColorContrast.ratio(in: seen, between: leftHalf, and: rightHalf) > 20)
    }

    /// Should keep the NHS text colour on white above the 7:1 the kiosk requires, in every simulation.
    @Test(arguments: ColorVisionSimulation.allCases)
    func nhsTextColourKeepsItsContrast(simulation: ColorVisionSimulation) {
        // Given
        let text = Color(hex: 0x212B32)
        let background = Color(hex: 0xFFFFFF)

        // When
        let ratio = ColorContrast.ratio(simulation.apply(to: text), simulation.apply(to: background))

        // Then
        #expect(ratio >= 7)
    }

    /// Should turn colours into greys of the same luminance.
    @Test func greyscaleKeepsLuminance() {
        // Given
        let colours = [red, green, Color(hex: 0x005EB8), Color(hex: 0xFFEB3B)]

        for colour in colours {
            // When
            let grey = ColorVisionSimulation.greyscale.apply(to: colour)

            // Then
            #expect(grey.red == grey.green && grey.green == grey.blue)
            #expect(abs(ColorContrast.relativeLuminance(grey) - ColorContrast.relativeLuminance(colour)) < 0.005)
        }
    }

    /// Should compute the WCAG contrast ratio of known pairs.
    @Test func contrastRatioMatchesWCAG() {
        #expect(abs(ColorContrast.ratio(Color(hex: 0x000000), Color(hex: 0xFFFFFF)) - 21) < 0.001)
        #expect(abs(ColorContrast.ratio(Color(hex: 0x777777), Color(hex: 0xFFFFFF)) - 4.48) < 0.01)
        #expect(ColorContrast.ratio(red, red) == 1)
    }
}
