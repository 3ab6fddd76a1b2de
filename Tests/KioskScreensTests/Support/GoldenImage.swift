// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import KioskRendering
import KioskUI

/// A reference screenshot kept as a PNG file under `Golden/`, and how a fresh rendering is held against it.
///
/// Run the tests with `UPDATE_GOLDEN=1` in the environment to rewrite the files from the current rendering, then look
/// at them before committing them. A mismatch leaves the actual image and a diff image (differing pixels in magenta)
/// in `kiosk-screens-failures` under the temporary directory (`$TMPDIR`).
struct GoldenImage {
    /// The file name, such as `7in-800x480-ur-start.png`.
    let fileName: String

    init(_ screen: SampleScreen) {
        fileName = "\(screen.panel.name)-\(screen.language.tag)-\(screen.name).png"
    }

    /// Glyph edges vary slightly between FreeType, HarfBuzz and Cairo versions, so a pixel only counts as different
    /// when one of its channels moves by more than 48 of 255 (a clear step, not antialiasing noise), and a screen
    /// matches while at most 0.5 % of its pixels differ.
    static let comparison = ImageComparison(channelTolerance: 48, maximumDifferingFraction: 0.005)

    /// Differences spread thinly over a screen are rendering noise; differences gathered in one place are a change.
    /// One changed short word changes only a few hundred pixels (about 0.1 % of the 7-inch screen), so besides the
    /// whole-screen share no square of `tileSide` pixels may have more than 10 % of its pixels differing.
    static let tileSide = 24
    static let maximumTileFraction = 0.1

    /// Every differing pixel (by the same channel tolerance), for drawing the diff image.
    private static let everyDifference = ImageComparison(
        channelTolerance: comparison.channelTolerance,
        maximumDifferingFraction: 0
    )

    /// Whether this run rewrites the golden files.
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Where the file lives in the source tree (written when updating).
    var sourcePath: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Golden")
            .appendingPathComponent(fileName)
            .path
    }

    /// The copy built into the test bundle, if there is one.
    var bundledPath: String? {
        let name = (fileName as NSString).deletingPathExtension
        return Bundle.module.path(forResource: name, ofType: "png", inDirectory: "Golden")
    }

    /// Where failures are left for people to look at.
    static var failureDirectory: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-screens-failures")
    }

    /// The result of holding an image against a golden file.
    struct Outcome {
        var difference: ImageDifference
        /// The most differing pixels in any one tile, and the tile.
        var worstTileCount: Int
        var worstTile: PixelRect
        /// Set when the image did not match: the rendering and the diff image.
        var actualPath: String?
        var diffPath: String?

        /// Whether the image matches the golden file both over the whole screen and in every tile.
        var matches: Bool {
            difference.isWithinTolerance
                && Double(worstTileCount) <= GoldenImage.maximumTileFraction * Double(worstTile.area)
        }

        /// Deletes the actual and diff images, for comparisons that were meant to fail.
        func removeFailureFiles() {
            for path in [actualPath, diffPath].compactMap({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }

        var message: String {
            let tile = "at most \(worstTileCount) in the tile at (\(worstTile.x), \(worstTile.y))"
            guard let actualPath, let diffPath else { return "\(difference), \(tile)" }
            return "\(difference), \(tile); actual image \(actualPath), differences in magenta \(diffPath)"
        }
    }

    /// Compares `image` with the golden file (after rewriting it when updating), leaving the actual and diff images
    /// in the failure directory when they do not match.
    ///
    /// - Parameter suffix: added to the names of the failure files, to keep apart several comparisons with one file.
    func compare(_ image: RasterImage, suffix: String = "") throws -> Outcome {
        let expectedPath: String
        if Self.isUpdating && suffix.isEmpty {
            try PNGFile.write(image, to: sourcePath)
            expectedPath = sourcePath
        } else {
            guard let bundledPath else {
                throw GoldenImageMissing(fileName: fileName)
            }
            expectedPath = bundledPath
        }
        let expected = try PNGFile.read(from: expectedPath)
        let difference = try Self.comparison.compare(image, to: expected)
        let (worstTile, worstTileCount) = Self.worstTile(image, expected)
        var outcome = Outcome(difference: difference, worstTileCount: worstTileCount, worstTile: worstTile)
        guard !outcome.matches else { return outcome }
        try FileManager.default.createDirectory(at: Self.failureDirectory, withIntermediateDirectories: true)
        let stem = (fileName as NSString).deletingPathExtension + suffix
        let diffPath = Self.failureDirectory.appendingPathComponent("\(stem)-diff.png").path
        _ = try Self.everyDifference.compare(image, to: expected, diffImagePath: diffPath)
        let actualPath = Self.failureDirectory.appendingPathComponent("\(stem)-actual.png").path
        try PNGFile.write(image, to: actualPath)
        outcome.actualPath = actualPath
        outcome.diffPath = diffPath
        return outcome
    }

    /// The tile with the most pixels differing by more than the channel tolerance, and their number.
    private static func worstTile(_ actual: RasterImage, _ expected: RasterImage) -> (PixelRect, Int) {
        let size = expected.size
        let columns = (size.width + tileSide - 1) / tileSide
        let rows = (size.height + tileSide - 1) / tileSide
        var counts = [Int](repeating: 0, count: columns * rows)
        for y in 0..<size.height {
            for x in 0..<size.width {
                let a = actual.pixel(x: x, y: y)
                let e = expected.pixel(x: x, y: y)
                guard a != e else { continue }
                var largest: UInt32 = 0
                for shift: UInt32 in [0, 8, 16, 24] {
                    let first = (a >> shift) & 0xFF
                    let second = (e >> shift) & 0xFF
                    largest = max(largest, first > second ? first - second : second - first)
                }
                if largest > comparison.channelTolerance { counts[(y / tileSide) * columns + x / tileSide] += 1 }
            }
        }
        let worst = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        let x = (worst % columns) * tileSide
        let y = (worst / columns) * tileSide
        let tile = PixelRect(x: x, y: y, width: min(tileSide, size.width - x), height: min(tileSide, size.height - y))
        return (tile, counts.isEmpty ? 0 : counts[worst])
    }
}

/// A golden file is not in the test bundle.
struct GoldenImageMissing: Error, CustomStringConvertible {
    var fileName: String

    var description: String {
        "golden image \(fileName) is missing: run the tests once with UPDATE_GOLDEN=1, look at it and commit it"
    }
}
