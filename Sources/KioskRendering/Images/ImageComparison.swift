// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

/// Compares two images pixel by pixel, for golden-image tests.
///
/// A pixel differs when any of its four channels differs by more than `channelTolerance`. Two images match when the
/// share of differing pixels is at most `maximumDifferingFraction`. Font rendering varies slightly between FreeType
/// and Cairo versions, so golden tests of text usually allow a small tolerance; shapes alone can be compared exactly.
public struct ImageComparison: Hashable, Sendable {
    /// The largest per-channel difference (0 to 255) that still counts as equal.
    public var channelTolerance: Int
    /// The largest share of differing pixels (0 to 1) for the images to match.
    public var maximumDifferingFraction: Double

    public init(channelTolerance: Int = 0, maximumDifferingFraction: Double = 0) {
        self.channelTolerance = channelTolerance
        self.maximumDifferingFraction = maximumDifferingFraction
    }

    /// Every pixel equal, byte for byte.
    public static let exact = ImageComparison()

    /// Measures how `actual` differs from `expected`.
    ///
    /// When the images do not match and `diffImagePath` is given, a PNG is written there showing differing pixels in
    /// magenta over a faded copy of `expected`.
    ///
    /// - Throws: `RenderingError.Code.sizeMismatch` when the sizes differ, or a `writeFailed` error from the diff image.
    public func compare(
        _ actual: RasterImage,
        to expected: RasterImage,
        diffImagePath: String? = nil
    ) throws(RenderingError) -> ImageDifference {
        guard actual.size == expected.size else {
            throw RenderingError(
                code: .sizeMismatch,
                message: "image is \(actual.size.width)×\(actual.size.height) pixels, "
                    + "expected \(expected.size.width)×\(expected.size.height)"
            )
        }
        let diff = diffImagePath == nil ? nil : RasterImage(size: expected.size)
        var differing = 0
        var maximum = 0
        for y in 0..<actual.size.height {
            let actualRow = actual.row(y)
            let expectedRow = expected.row(y)
            let diffRow = diff?.row(y)
            for x in 0..<actual.size.width {
                let a = actualRow[x]
                let e = expectedRow[x]
                var largest = 0
                if a != e {
                    for shift in stride(from: 0, to: 32, by: 8) {
                        let difference = abs(Int((a >> UInt32(shift)) & 0xFF) - Int((e >> UInt32(shift)) & 0xFF))
                        largest = max(largest, difference)
                    }
                }
                maximum = max(maximum, largest)
                let differs = largest > channelTolerance
                if differs { differing += 1 }
                diffRow?[x] = differs ? 0xFFFF_00FF : Self.faded(e)
            }
        }
        let pixelCount = actual.size.width * actual.size.height
        let result = ImageDifference(
            differingPixelCount: differing,
            pixelCount: pixelCount,
            maximumChannelDifference: maximum,
            isWithinTolerance: Double(differing) <= maximumDifferingFraction * Double(pixelCount)
        )
        if let diff, let diffImagePath, !result.isWithinTolerance {
            try PNGFile.write(diff, to: diffImagePath)
        }
        return result
    }

    /// An opaque light grey standing for `pixel`, so differences stand out against it.
    private static func faded(_ pixel: UInt32) -> UInt32 {
        let red = (pixel >> 16) & 0xFF
        let green = (pixel >> 8) & 0xFF
        let blue = pixel & 0xFF
        let grey = 192 + (red + green + blue) / 12
        return 0xFF00_0000 | grey << 16 | grey << 8 | grey
    }
}
