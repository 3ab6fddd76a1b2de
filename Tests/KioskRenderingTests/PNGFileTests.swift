// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import KioskUI
import Testing

@testable import KioskRendering

struct PNGFileTests {
    /// Should read back exactly the pixels of an opaque rendered screen.
    @Test func roundTripKeepsEveryPixel() throws {
        // Given
        let directory = try TemporaryDirectory()
        let path = directory.path("screen.png")
        let image = RasterImage(size: PixelSize(width: 320, height: 200))
        try CairoRenderer(image: image).render(SampleScreens.survey(size: image.size, selected: 1))

        // When
        try PNGFile.write(image, to: path)
        let read = try PNGFile.read(from: path)

        // Then
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(read.size == image.size)
        let difference = try ImageComparison.exact.compare(read, to: image)
        #expect(difference.differingPixelCount == 0)
        #expect(difference.maximumChannelDifference == 0)
    }

    /// Should name the path when the file does not exist.
    @Test func missingFileIsReportedWithItsPath() throws {
        // Given
        let directory = try TemporaryDirectory()
        let path = directory.path("absent.png")

        // When
        let error = #expect(throws: RenderingError.self) { try PNGFile.read(from: path) }

        // Then
        #expect(error?.code == .fileNotFound)
        #expect(error?.path == path)
        #expect(error?.description.contains(path) == true)
    }

    /// Should report a file that is not a PNG image as invalid, without crashing.
    @Test(arguments: [
        Data("not a picture".utf8), Data(), Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]),
    ])
    func corruptFileIsReportedAsInvalid(contents: Data) throws {
        // Given
        let directory = try TemporaryDirectory()
        let path = directory.path("corrupt.png")
        try contents.write(to: URL(fileURLWithPath: path))

        // When
        let error = #expect(throws: RenderingError.self) { try PNGFile.read(from: path) }

        // Then
        #expect(error?.code == .invalidImage)
        #expect(error?.path == path)
    }

    /// Should read a truncated PNG as invalid rather than as a partial image.
    @Test func truncatedFileIsReportedAsInvalid() throws {
        // Given
        let directory = try TemporaryDirectory()
        let whole = directory.path("whole.png")
        let cut = directory.path("cut.png")
        let image = RasterImage(size: PixelSize(width: 64, height: 64))
        try CairoRenderer(image: image).render(SampleScreens.survey(size: image.size))
        try PNGFile.write(image, to: whole)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: whole))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))

        // When
        let error = #expect(throws: RenderingError.self) { try PNGFile.read(from: cut) }

        // Then
        #expect(error?.code == .invalidImage)
    }

    /// Should report a file that cannot be written, naming the path.
    @Test func unwritablePathIsReported() throws {
        // Given
        let directory = try TemporaryDirectory()
        let path = directory.path("no/such/folder/screen.png")
        let image = RasterImage(size: PixelSize(width: 4, height: 4))

        // When
        let error = #expect(throws: RenderingError.self) { try PNGFile.write(image, to: path) }

        // Then
        #expect(error?.code == .writeFailed)
        #expect(error?.path == path)
    }
}
