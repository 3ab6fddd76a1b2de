// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskLinux
import KioskUI
import Testing

@Suite("Framebuffer display")
struct FramebufferDisplayTests {
    let directory = TemporaryDirectory()

    /// Reads the pixel at (x, y) of the file's first page with read(2), not through the display's mapping.
    func filePixel(_ path: String, layout: FramebufferLayout, x: Int, y: Int) -> UInt32 {
        let bytes = TemporaryDirectory.bytes(of: path)
        let offset = y * layout.stride + x * layout.format.bytesPerPixel
        switch layout.format {
        case .xrgb8888:
            return bytes[offset..<(offset + 4)].reversed().reduce(0) { $0 << 8 | UInt32($1) }
        case .rgb565:
            return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
        }
    }

    @Test("a file framebuffer holds the presented pixels in the file", arguments: FramebufferPixelFormat.allCases)
    func fileRoundTrip(format: FramebufferPixelFormat) throws {
        // Given
        let path = directory.file("fb-\(format)")
        let display = try FileFramebufferDisplay(
            path: path,
            size: PixelSize(width: 8, height: 6),
            format: format,
            stride: 8 * format.bytesPerPixel + 8
        )
        let image = RasterImage(size: display.panel.size)
        fill(image, with: 0xFFFF_FFFF)
        set(image, 2, 3, 0xFF00_5EB8)

        // When
        try display.present(image, damage: [PixelRect(x: 0, y: 0, width: 8, height: 6)])

        // Then the file, read independently, has the converted pixels
        #expect(TemporaryDirectory.bytes(of: path).count == (8 * format.bytesPerPixel + 8) * 6)
        let blue: UInt32 = format == .rgb565 ? 0x02F7 : 0xFF00_5EB8
        let white: UInt32 = format == .rgb565 ? 0xFFFF : 0xFFFF_FFFF
        #expect(filePixel(path, layout: display.layout, x: 2, y: 3) == blue)
        #expect(filePixel(path, layout: display.layout, x: 3, y: 2) == white)
        // And reading back through the mapping gives the image (RGB565 rounds the blue)
        let back = display.readBack()
        #expect(back.pixel(x: 0, y: 0) == 0xFFFF_FFFF)
        #expect(back.pixel(x: 2, y: 3) == (format == .rgb565 ? 0xFF00_5DBD : 0xFF00_5EB8))
    }

    @Test("a rotated panel reports its logical size and millimetres")
    func rotatedPanel() throws {
        // Given
        let display = try FileFramebufferDisplay(
            path: directory.file("rotated"),
            size: PixelSize(width: 800, height: 480),
            format: .rgb565,
            rotation: .quarter,
            millimetres: Size(width: 154, height: 86)
        )

        // Then
        #expect(display.panel.size == PixelSize(width: 480, height: 800))
        #expect(display.panel.millimetres == Size(width: 86, height: 154))
    }

    @Test("with no physical size from the driver or the configuration, a 10.1 inch diagonal is assumed")
    func defaultDiagonal() throws {
        // Given
        let display = try FileFramebufferDisplay(
            path: directory.file("diagonal"),
            size: PixelSize(width: 1280, height: 800),
            format: .xrgb8888
        )

        // Then
        let millimetres = display.panel.millimetres
        let diagonal = (millimetres.width * millimetres.width + millimetres.height * millimetres.height).squareRoot()
        #expect(abs(diagonal - 10.1 * 25.4) < 0.001)
    }

    @Test("the driver's physical size wins over the configured one")
    func driverMillimetres() throws {
        // Given
        var info = FramebufferInfo(size: PixelSize(width: 4, height: 2), format: .xrgb8888)
        info.millimetres = Size(width: 40, height: 20)
        let control = try FileFramebufferControl(path: directory.file("mm"), info: info)

        // When
        let display = try FramebufferDisplay(control: control, fallbackMillimetres: Size(width: 1, height: 1))

        // Then
        #expect(display.panel.millimetres == Size(width: 40, height: 20))
    }

    @Test("a size measured by whoever installed the panel wins over the driver's")
    func configuredMillimetresOverrideDriver() throws {
        // Given a driver reporting a television's size
        var info = FramebufferInfo(size: PixelSize(width: 4, height: 2), format: .xrgb8888)
        info.millimetres = Size(width: 1600, height: 900)
        let control = try FileFramebufferControl(path: directory.file("mm-configured"), info: info)

        // When the configuration gives the real size, with the panel turned a quarter
        let display = try FramebufferDisplay(
            control: control,
            rotation: .quarter,
            configuredMillimetres: Size(width: 154, height: 86),
            fallbackMillimetres: Size(width: 1, height: 1)
        )

        // Then the configured size is used, turned with the panel
        #expect(display.panel.millimetres == Size(width: 86, height: 154))
    }

    @Test("a virtual area twice the height means panning between two pages")
    func pansWhenVirtualAreaAllows() throws {
        // Given a two-page framebuffer
        let display = try FileFramebufferDisplay(
            path: directory.file("pan"),
            size: PixelSize(width: 6, height: 4),
            format: .xrgb8888,
            pages: 2
        )
        #expect(display.strategy == .panning)
        let first = RasterImage(size: display.panel.size)
        fill(first, with: 0xFF11_1111)

        // When three frames are shown, the last two changing one small rectangle each
        try display.present(first, damage: [PixelRect(x: 0, y: 0, width: 6, height: 4)])
        set(first, 1, 1, 0xFF22_2222)
        try display.present(first, damage: [PixelRect(x: 1, y: 1, width: 1, height: 1)])
        set(first, 4, 2, 0xFF33_3333)
        try display.present(first, damage: [PixelRect(x: 4, y: 2, width: 1, height: 1)])

        // Then the pages alternate and the shown page has every change, including those made while it was hidden
        #expect(display.control.calls.pans == [4, 0, 4])
        let shown = display.readBack()
        for y in 0..<4 {
            for x in 0..<6 { #expect(shown.pixel(x: x, y: y) == first.pixel(x: x, y: y), "(\(x), \(y))") }
        }
    }

    @Test("without a virtual area, only the damaged rectangles are copied out and nothing pans")
    func copiesDamageWithoutVirtualArea() throws {
        // Given
        let display = try FileFramebufferDisplay(
            path: directory.file("copy"),
            size: PixelSize(width: 6, height: 4),
            format: .rgb565
        )
        #expect(display.strategy == .copying)
        let image = RasterImage(size: display.panel.size)
        fill(image, with: 0xFF00_0000)
        try display.present(image, damage: [PixelRect(x: 0, y: 0, width: 6, height: 4)])

        // When two pixels change but only one is declared damaged
        set(image, 1, 1, 0xFFFF_FFFF)
        set(image, 5, 3, 0xFFFF_FFFF)
        try display.present(image, damage: [PixelRect(x: 1, y: 1, width: 1, height: 1)])

        // Then the file shows the damaged one only
        #expect(filePixel(display.path, layout: display.layout, x: 1, y: 1) == 0xFFFF)
        #expect(filePixel(display.path, layout: display.layout, x: 5, y: 3) == 0x0000)
        #expect(display.control.calls.pans.isEmpty)
    }

    @Test("the first frame is copied whole whatever damage it declares")
    func firstFrameIsWhole() throws {
        // Given
        let display = try FileFramebufferDisplay(
            path: directory.file("first"),
            size: PixelSize(width: 3, height: 3),
            format: .xrgb8888
        )
        let image = RasterImage(size: display.panel.size)
        fill(image, with: 0xFF44_5566)

        // When
        try display.present(image, damage: [])

        // Then
        #expect(filePixel(display.path, layout: display.layout, x: 2, y: 2) == 0xFF44_5566)
    }

    @Test("when the driver refuses to pan, the display copies into the visible page instead")
    func fallsBackWhenPanningFails() throws {
        // Given
        let display = try FileFramebufferDisplay(
            path: directory.file("nopan"),
            size: PixelSize(width: 4, height: 4),
            format: .xrgb8888,
            pages: 2
        )
        display.control.setPanningFails(true)
        let image = RasterImage(size: display.panel.size)
        fill(image, with: 0xFF12_3456)

        // When
        try display.present(image, damage: [PixelRect(x: 0, y: 0, width: 4, height: 4)])

        // Then
        #expect(display.strategy == .copying)
        #expect(filePixel(display.path, layout: display.layout, x: 3, y: 3) == 0xFF12_3456)
    }

    @Test("formats other than RGB565 and XRGB8888 are refused with the device's name")
    func rejectsOtherFormats() throws {
        // Given a 24-bit framebuffer
        var info = FramebufferInfo(size: PixelSize(width: 4, height: 4), format: .xrgb8888)
        info.bitsPerPixel = 24
        let path = directory.file("fb24")
        let control = try FileFramebufferControl(path: path, info: info)

        // When / Then
        let error = #expect(throws: DisplayError.self) { try FramebufferDisplay(control: control) }
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.device == path)
        #expect(error?.description.contains("24 bits per pixel") == true)
    }

    @Test("an image of the wrong size is refused")
    func rejectsWrongSize() throws {
        // Given
        let display = try FileFramebufferDisplay(
            path: directory.file("size"),
            size: PixelSize(width: 4, height: 2),
            format: .xrgb8888,
            rotation: .quarter
        )

        // When / Then
        let error = #expect(throws: DisplayError.self) {
            try display.present(RasterImage(size: PixelSize(width: 4, height: 2)), damage: [])
        }
        #expect(error?.code == .sizeMismatch)
    }

    @Test("blanking goes to the device")
    func blanking() throws {
        // Given
        let display = try FileFramebufferDisplay(
            path: directory.file("blank"),
            size: PixelSize(width: 2, height: 2),
            format: .rgb565
        )

        // When
        try display.setBlanked(true)
        try display.setBlanked(false)

        // Then
        #expect(display.control.calls.blanking == [true, false])
    }

    @Test("opening a missing framebuffer device names it")
    func missingDevice() {
        let error = #expect(throws: DisplayError.self) {
            try FramebufferDisplay(path: directory.file("fb9"))
        }
        #expect(error?.code == .cannotOpen)
        #expect(error?.device == directory.file("fb9"))
    }
}

@Suite("In-memory display")
struct InMemoryDisplayTests {
    @Test("it keeps a copy of the last frame and every damage list")
    func keepsFramesAndDamage() throws {
        // Given
        let display = InMemoryDisplay(size: PixelSize(width: 4, height: 3))
        let image = RasterImage(size: PixelSize(width: 4, height: 3))
        fill(image, with: 0xFF00_5EB8)

        // When
        try display.present(image, damage: [PixelRect(x: 0, y: 0, width: 4, height: 3)])
        set(image, 0, 0, 0xFFFF_FFFF)
        try display.present(image, damage: [PixelRect(x: 0, y: 0, width: 1, height: 1)])
        set(image, 1, 0, 0xFFFF_FFFF)
        try display.setBlanked(true)

        // Then
        #expect(display.presentCount == 2)
        #expect(display.damageHistory.last == [PixelRect(x: 0, y: 0, width: 1, height: 1)])
        #expect(display.totalDamagedArea == 13)
        #expect(display.lastImage?.pixel(x: 0, y: 0) == 0xFFFF_FFFF)
        #expect(display.lastImage?.pixel(x: 1, y: 0) == 0xFF00_5EB8)
        #expect(display.isBlanked)
        #expect(display.blankingHistory == [true])
    }
}
