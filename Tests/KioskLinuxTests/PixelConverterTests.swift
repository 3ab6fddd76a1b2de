// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskLinux
import KioskUI
import Testing

/// The four corners of an image, in the order top left, top right, bottom left, bottom right.
enum Corner: CaseIterable {
    case topLeft, topRight, bottomLeft, bottomRight

    func pixel(in size: PixelSize) -> (x: Int, y: Int) {
        switch self {
        case .topLeft: (0, 0)
        case .topRight: (size.width - 1, 0)
        case .bottomLeft: (0, size.height - 1)
        case .bottomRight: (size.width - 1, size.height - 1)
        }
    }

    var normalised: (x: Double, y: Double) {
        switch self {
        case .topLeft: (0, 0)
        case .topRight: (1, 0)
        case .bottomLeft: (0, 1)
        case .bottomRight: (1, 1)
        }
    }

    var colour: UInt32 {
        switch self {
        case .topLeft: 0xFFFF_0000
        case .topRight: 0xFF00_FF00
        case .bottomLeft: 0xFF00_00FF
        case .bottomRight: 0xFFFF_FFFF
        }
    }
}

/// Where each logical corner appears in the framebuffer for each mounting rotation. The panel is turned clockwise,
/// so the picture is turned anticlockwise in the framebuffer (as libinput's rotation matrices assume).
let cornerPlacements: [(Rotation, [Corner: Corner])] = [
    (.none, [.topLeft: .topLeft, .topRight: .topRight, .bottomLeft: .bottomLeft, .bottomRight: .bottomRight]),
    (.quarter, [.topLeft: .bottomLeft, .topRight: .topLeft, .bottomLeft: .bottomRight, .bottomRight: .topRight]),
    (.half, [.topLeft: .bottomRight, .topRight: .bottomLeft, .bottomLeft: .topRight, .bottomRight: .topLeft]),
    (.threeQuarters, [.topLeft: .topRight, .topRight: .bottomRight, .bottomLeft: .topLeft, .bottomRight: .bottomLeft]),
]

func fill(_ image: RasterImage, with colour: UInt32) {
    for y in 0..<image.size.height {
        for x in 0..<image.size.width { set(image, x, y, colour) }
    }
}

func set(_ image: RasterImage, _ x: Int, _ y: Int, _ colour: UInt32) {
    image.pixels.storeBytes(of: colour, toByteOffset: y * image.stride + x * 4, as: UInt32.self)
}

/// A page of framebuffer memory filled with a marker byte.
final class Page {
    let bytes: UnsafeMutableRawBufferPointer

    init(byteCount: Int, marker: UInt8 = 0xAA) {
        bytes = .allocate(byteCount: byteCount, alignment: 16)
        bytes.initializeMemory(as: UInt8.self, repeating: marker)
    }

    deinit { bytes.deallocate() }

    func load32(_ offset: Int) -> UInt32 { bytes.load(fromByteOffset: offset, as: UInt32.self) }
    func load16(_ offset: Int) -> UInt16 { bytes.load(fromByteOffset: offset, as: UInt16.self) }
}

@Suite("Pixel conversion")
struct PixelConverterTests {
    @Test(
        "XRGB8888 keeps the colour channels and sets the unused byte",
        arguments: [
            (UInt32(0xFF00_5EB8), UInt32(0xFF00_5EB8)),
            (0xFFFF_FFFF, 0xFFFF_FFFF),
            (0x8040_2010, 0xFF40_2010),
            (0x0000_0000, 0xFF00_0000),
        ]
    )
    func xrgb8888Values(argb: UInt32, expected: UInt32) {
        // Given
        let image = RasterImage(size: PixelSize(width: 2, height: 1))
        fill(image, with: argb)
        let layout = FramebufferLayout(size: image.size, format: .xrgb8888)
        let page = Page(byteCount: layout.byteCount)

        // When
        PixelConverter.copy(image, damage: [layout.fullScreen], into: page.bytes.baseAddress!, layout: layout)

        // Then
        #expect(page.load32(0) == expected)
        #expect(page.load32(4) == expected)
    }

    @Test(
        "RGB565 keeps the top 5, 6 and 5 bits",
        arguments: [
            (UInt32(0xFF00_5EB8), UInt16(0x02F7)),  // NHS blue
            (0xFFFF_0000, 0xF800),
            (0xFF00_FF00, 0x07E0),
            (0xFF00_00FF, 0x001F),
            (0xFFFF_FFFF, 0xFFFF),
            (0xFF00_0000, 0x0000),
            (0xFF23_3E5D, 0x21EB),
        ]
    )
    func rgb565Values(argb: UInt32, expected: UInt16) {
        // Given
        let image = RasterImage(size: PixelSize(width: 3, height: 1))
        fill(image, with: argb)
        let layout = FramebufferLayout(size: image.size, format: .rgb565)
        let page = Page(byteCount: layout.byteCount)

        // When
        PixelConverter.copy(image, damage: [layout.fullScreen], into: page.bytes.baseAddress!, layout: layout)

        // Then
        #expect(page.load16(0) == expected)
        #expect(page.load16(4) == expected)
    }

    @Test("the padding at the end of each line is never written", arguments: FramebufferPixelFormat.allCases)
    func stridePaddingUntouched(format: FramebufferPixelFormat) {
        // Given
        let size = PixelSize(width: 5, height: 4)
        let image = RasterImage(size: size)
        fill(image, with: 0xFF12_3456)
        let padding = 12
        let layout = FramebufferLayout(size: size, stride: 5 * format.bytesPerPixel + padding, format: format)
        let page = Page(byteCount: layout.byteCount)

        // When
        PixelConverter.copy(image, damage: [layout.fullScreen], into: page.bytes.baseAddress!, layout: layout)

        // Then
        for row in 0..<size.height {
            let pixelsEnd = row * layout.stride + size.width * format.bytesPerPixel
            #expect(page.bytes[pixelsEnd..<(pixelsEnd + padding)].allSatisfy { $0 == 0xAA }, "row \(row)")
            #expect(page.bytes[(row * layout.stride)..<pixelsEnd].contains { $0 != 0xAA }, "row \(row)")
        }
    }

    @Test("only the damaged rectangles are written", arguments: Rotation.allCases)
    func damageOnly(rotation: Rotation) {
        // Given a 6×4 logical screen and a damaged 2×2 square at (1, 1)
        let layout = FramebufferLayout(
            size: rotation.swapsAxes ? PixelSize(width: 4, height: 6) : PixelSize(width: 6, height: 4),
            format: .xrgb8888,
            rotation: rotation
        )
        let image = RasterImage(size: layout.logicalSize)
        fill(image, with: 0xFF00_5EB8)
        let page = Page(byteCount: layout.byteCount)
        let damage = PixelRect(x: 1, y: 1, width: 2, height: 2)

        // When
        PixelConverter.copy(image, damage: [damage], into: page.bytes.baseAddress!, layout: layout)

        // Then exactly four framebuffer pixels changed, and reading back shows them at the damaged place
        var written = 0
        for offset in stride(from: 0, to: layout.byteCount, by: 4) where page.load32(offset) != 0xAAAA_AAAA {
            #expect(page.load32(offset) == 0xFF00_5EB8)
            written += 1
        }
        #expect(written == 4)
        let back = PixelConverter.readImage(from: UnsafeRawPointer(page.bytes.baseAddress!), layout: layout)
        for y in 0..<4 {
            for x in 0..<6 {
                let inside = x >= 1 && x < 3 && y >= 1 && y < 3
                #expect((back.pixel(x: x, y: y) == 0xFF00_5EB8) == inside, "(\(x), \(y))")
            }
        }
    }

    @Test("damage outside the screen is clipped")
    func damageClipped() {
        // Given
        let layout = FramebufferLayout(size: PixelSize(width: 4, height: 4), format: .rgb565)
        let image = RasterImage(size: layout.logicalSize)
        fill(image, with: 0xFFFF_FFFF)
        let page = Page(byteCount: layout.byteCount)

        // When
        PixelConverter.copy(
            image,
            damage: [PixelRect(x: 3, y: -5, width: 10, height: 6), PixelRect(x: 9, y: 9, width: 2, height: 2)],
            into: page.bytes.baseAddress!,
            layout: layout
        )

        // Then only pixel (3, 0) was written
        let changed = stride(from: 0, to: layout.byteCount, by: 2).filter { page.load16($0) != 0xAAAA }
        #expect(changed == [3 * 2])
    }

    @Test("each rotation puts the logical corners in the right framebuffer corners", arguments: cornerPlacements)
    func rotationCorners(rotation: Rotation, placements: [Corner: Corner]) {
        // Given a 5×3 logical image with coloured corners
        let physicalSize = rotation.swapsAxes ? PixelSize(width: 3, height: 5) : PixelSize(width: 5, height: 3)
        let layout = FramebufferLayout(size: physicalSize, format: .xrgb8888, rotation: rotation)
        #expect(layout.logicalSize == PixelSize(width: 5, height: 3))
        let image = RasterImage(size: layout.logicalSize)
        fill(image, with: 0xFF80_8080)
        for corner in Corner.allCases {
            let pixel = corner.pixel(in: image.size)
            set(image, pixel.x, pixel.y, corner.colour)
        }
        let page = Page(byteCount: layout.byteCount)

        // When
        PixelConverter.copy(image, damage: [layout.fullScreen], into: page.bytes.baseAddress!, layout: layout)

        // Then
        for (logical, physical) in placements {
            let pixel = physical.pixel(in: physicalSize)
            #expect(page.load32(pixel.y * layout.stride + pixel.x * 4) == logical.colour, "\(logical) → \(physical)")
        }
    }

    @Test("an image survives a round trip through XRGB8888 exactly", arguments: Rotation.allCases)
    func xrgbRoundTrip(rotation: Rotation) {
        // Given an image of distinct opaque colours
        let layout = FramebufferLayout(
            size: PixelSize(width: 7, height: 5),
            stride: 7 * 4 + 4,
            format: .xrgb8888,
            rotation: rotation
        )
        let image = RasterImage(size: layout.logicalSize)
        for y in 0..<image.size.height {
            for x in 0..<image.size.width {
                set(image, x, y, 0xFF00_0000 | UInt32(x * 31) << 16 | UInt32(y * 47) << 8 | 0x5A)
            }
        }
        let page = Page(byteCount: layout.byteCount)

        // When
        PixelConverter.copy(image, damage: [layout.fullScreen], into: page.bytes.baseAddress!, layout: layout)
        let back = PixelConverter.readImage(from: UnsafeRawPointer(page.bytes.baseAddress!), layout: layout)

        // Then
        for y in 0..<image.size.height {
            for x in 0..<image.size.width { #expect(back.pixel(x: x, y: y) == image.pixel(x: x, y: y)) }
        }
    }

    @Test("RGB565 widens back to the nearest 8-bit colour")
    func rgb565Widening() {
        #expect(PixelConverter.argb(fromRGB565: 0xFFFF) == 0xFFFF_FFFF)
        #expect(PixelConverter.argb(fromRGB565: 0x0000) == 0xFF00_0000)
        #expect(PixelConverter.argb(fromRGB565: 0x02F7) == 0xFF00_5DBD)
    }

    @Test("pixel formats are recognised from the kernel's bitfields")
    func formatDetection() {
        #expect(FramebufferPixelFormat(bitsPerPixel: 16, red: (11, 5), green: (5, 6), blue: (0, 5)) == .rgb565)
        #expect(FramebufferPixelFormat(bitsPerPixel: 32, red: (16, 8), green: (8, 8), blue: (0, 8)) == .xrgb8888)
        #expect(FramebufferPixelFormat(bitsPerPixel: 32, red: (0, 8), green: (8, 8), blue: (16, 8)) == nil)
        #expect(FramebufferPixelFormat(bitsPerPixel: 24, red: (16, 8), green: (8, 8), blue: (0, 8)) == nil)
        #expect(FramebufferPixelFormat(bitsPerPixel: 16, red: (10, 5), green: (5, 5), blue: (0, 5)) == nil)
    }
}
