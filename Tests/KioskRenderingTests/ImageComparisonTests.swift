// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

@testable import KioskRendering

struct ImageComparisonTests {
    private func renderedScreen() throws -> RasterImage {
        let image = RasterImage(size: PixelSize(width: 200, height: 120))
        try CairoRenderer(image: image).render(SampleScreens.survey(size: image.size))
        return image
    }

    /// Should accept two renders of the same screen.
    @Test func acceptsAnIdenticalImage() throws {
        // Given
        let first = try renderedScreen()
        let second = try renderedScreen()

        // When
        let difference = try ImageComparison.exact.compare(first, to: second)

        // Then
        #expect(difference.isWithinTolerance)
        #expect(difference.differingPixelCount == 0)
        #expect(difference.pixelCount == 200 * 120)
    }

    /// Should find a single pixel changed beyond the tolerance, and write a diff image marking it.
    @Test func detectsOnePixelBeyondTolerance() throws {
        // Given
        let directory = try TemporaryDirectory()
        let diffPath = directory.path("diff.png")
        let expected = try renderedScreen()
        let actual = try renderedScreen()
        let original = actual.pixel(x: 100, y: 60)
        actual.setPixel(x: 100, y: 60, to: original ^ 0x0000_4000)
        let comparison = ImageComparison(channelTolerance: 16, maximumDifferingFraction: 0)

        // When
        let difference = try comparison.compare(actual, to: expected, diffImagePath: diffPath)

        // Then
        #expect(!difference.isWithinTolerance)
        #expect(difference.differingPixelCount == 1)
        #expect(difference.maximumChannelDifference == 64)
        let diff = try PNGFile.read(from: diffPath)
        #expect(diff.pixel(x: 100, y: 60) == 0xFFFF_00FF)
        #expect(diff.pixel(x: 0, y: 0) != 0xFFFF_00FF)
    }

    /// Should accept a change within the per-channel tolerance, and a few differing pixels within the allowed share.
    @Test func acceptsChangesWithinTolerance() throws {
        // Given
        let expected = try renderedScreen()
        let actual = try renderedScreen()
        actual.setPixel(x: 10, y: 10, to: actual.pixel(x: 10, y: 10) ^ 0x0000_0004)
        actual.setPixel(x: 20, y: 20, to: actual.pixel(x: 20, y: 20) ^ 0x0080_0000)

        // When
        let byChannel = try ImageComparison(channelTolerance: 8).compare(actual, to: expected)
        let byShare = try ImageComparison(channelTolerance: 8, maximumDifferingFraction: 0.001)
            .compare(actual, to: expected)

        // Then
        #expect(byChannel.differingPixelCount == 1)
        #expect(!byChannel.isWithinTolerance)
        #expect(byShare.isWithinTolerance)
    }

    /// Should refuse to compare images of different sizes.
    @Test func rejectsDifferentSizes() {
        // Given
        let small = RasterImage(size: PixelSize(width: 10, height: 10))
        let large = RasterImage(size: PixelSize(width: 10, height: 11))

        // When
        let error = #expect(throws: RenderingError.self) { try ImageComparison.exact.compare(small, to: large) }

        // Then
        #expect(error?.code == .sizeMismatch)
    }
}
