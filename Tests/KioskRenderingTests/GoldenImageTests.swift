// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import KioskUI
import Testing

@testable import KioskRendering

/// Renders fixed screens and compares them with PNG files kept under `Golden/`.
///
/// Run the tests with `UPDATE_GOLDEN=1` in the environment to rewrite the golden files from the current rendering,
/// then look at them and commit them.
struct GoldenImageTests {
    /// Text edges vary a little between FreeType and Cairo versions; shapes and layout must not.
    private let comparison = ImageComparison(channelTolerance: 64, maximumDifferingFraction: 0.005)

    private static func goldenSourcePath(_ name: String, filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)").path
    }

    /// A survey screen in English with an Urdu caption, rendered into a fresh image.
    private func renderedScreen() throws -> RasterImage {
        let size = PixelSize(width: 480, height: 288)
        var list = SampleScreens.survey(size: size, selected: 1)
        let caption = Rect(x: 14, y: 240, width: 300, height: 44)
        let style = TextStyle(
            fontFamily: "Noto Nastaliq Urdu, Noto Sans",
            pixelSize: 18,
            lineSpacing: 1.5,
            direction: .rightToLeft,
            language: "ur",
            wraps: false
        )
        list.items.append(
            DrawItem(
                id: "caption",
                bounds: caption,
                command: .text(
                    TextBox(text: "وارڈ Oak 7 میں خوش آمدید", frame: caption, style: style, color: SampleScreens.text)
                )
            )
        )
        let image = RasterImage(size: size)
        try CairoRenderer(image: image).render(list)
        return image
    }

    /// Should render the survey screen as it looks in the golden file.
    @Test func surveyScreenMatchesGoldenImage() throws {
        // Given
        let name = "survey-480x288.png"
        let image = try renderedScreen()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try PNGFile.write(image, to: Self.goldenSourcePath(name))
        }
        let goldenPath = try #require(
            Bundle.module.path(forResource: "survey-480x288", ofType: "png", inDirectory: "Golden"),
            "golden file missing: run the tests once with UPDATE_GOLDEN=1"
        )
        let golden = try PNGFile.read(from: goldenPath)
        // Kept after the run, so that a failure can be looked at.
        let failures = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-golden-failures")
        try FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
        let diffPath = failures.appendingPathComponent("survey-diff.png").path

        // When
        let difference = try comparison.compare(image, to: golden, diffImagePath: diffPath)

        // Then
        if !difference.isWithinTolerance {
            let actualPath = failures.appendingPathComponent("survey-actual.png").path
            try PNGFile.write(image, to: actualPath)
            Issue.record("\(difference); see \(diffPath) and \(actualPath)")
        }
        #expect(difference.differingFraction <= 0.005)
    }
}
