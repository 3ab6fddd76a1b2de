// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

/// Copies pixels between the UI's `RasterImage` and framebuffer memory in any supported format, stride and rotation.
///
/// Only the pixels of the given rectangles are written; the padding at the end of each line and everything outside
/// the rectangles stay as they were. Colours are premultiplied, so dropping alpha gives the picture as it would look
/// over black, which is what a panel without transparency shows.
public enum PixelConverter {
    /// Writes the `damage` rectangles (in logical coordinates, clipped to the screen) of `image` into
    /// `destination`, a page laid out as `layout` describes. `image` must be `layout.logicalSize`.
    public static func copy(
        _ image: RasterImage,
        damage: [PixelRect],
        into destination: UnsafeMutableRawPointer,
        layout: FramebufferLayout
    ) {
        precondition(image.size == layout.logicalSize, "the image is \(image.size), the screen \(layout.logicalSize)")
        for rect in damage {
            let clipped = layout.clip(rect)
            if clipped.isEmpty { continue }
            copyRect(image, logical: clipped, into: destination, layout: layout)
        }
    }

    private static func copyRect(
        _ image: RasterImage,
        logical: PixelRect,
        into destination: UnsafeMutableRawPointer,
        layout: FramebufferLayout
    ) {
        let physical = layout.physicalRect(for: logical)
        // Moving one pixel right in the framebuffer moves this many bytes in the image.
        let sourceStep: Int
        switch layout.rotation {
        case .none: sourceStep = 4
        case .quarter: sourceStep = image.stride
        case .half: sourceStep = -4
        case .threeQuarters: sourceStep = -image.stride
        }
        let source = UnsafeRawPointer(image.pixels)
        let bytesPerPixel = layout.format.bytesPerPixel
        for row in physical.y..<(physical.y + physical.height) {
            let start = layout.logicalPoint(physicalX: physical.x, physicalY: row)
            var sourceOffset = start.y * image.stride + start.x * 4
            let line = destination + row * layout.stride + physical.x * bytesPerPixel
            switch layout.format {
            case .xrgb8888:
                for column in 0..<physical.width {
                    let argb = source.load(fromByteOffset: sourceOffset, as: UInt32.self)
                    line.storeBytes(of: xrgb8888(fromARGB: argb), toByteOffset: column * 4, as: UInt32.self)
                    sourceOffset += sourceStep
                }
            case .rgb565:
                for column in 0..<physical.width {
                    let argb = source.load(fromByteOffset: sourceOffset, as: UInt32.self)
                    line.storeBytes(of: rgb565(fromARGB: argb), toByteOffset: column * 2, as: UInt16.self)
                    sourceOffset += sourceStep
                }
            }
        }
    }

    /// An XRGB8888 pixel for a premultiplied `0xAARRGGBB` colour (the unused byte set to `0xFF`).
    public static func xrgb8888(fromARGB argb: UInt32) -> UInt32 {
        0xFF00_0000 | (argb & 0x00FF_FFFF)
    }

    /// An RGB565 pixel for a premultiplied `0xAARRGGBB` colour, keeping the top 5, 6 and 5 bits of each channel.
    public static func rgb565(fromARGB argb: UInt32) -> UInt16 {
        let red = (argb >> 19) & 0x1F
        let green = (argb >> 10) & 0x3F
        let blue = (argb >> 3) & 0x1F
        return UInt16(truncatingIfNeeded: (red << 11) | (green << 5) | blue)
    }

    /// The opaque `0xFFRRGGBB` colour of an RGB565 pixel, widening each channel by repeating its top bits.
    public static func argb(fromRGB565 value: UInt16) -> UInt32 {
        let red = UInt32(value >> 11) & 0x1F
        let green = UInt32(value >> 5) & 0x3F
        let blue = UInt32(value) & 0x1F
        let red8 = (red << 3) | (red >> 2)
        let green8 = (green << 2) | (green >> 4)
        let blue8 = (blue << 3) | (blue >> 2)
        return 0xFF00_0000 | (red8 << 16) | (green8 << 8) | blue8
    }

    /// Reads a page of framebuffer memory back into an opaque image in the logical orientation.
    public static func readImage(from source: UnsafeRawPointer, layout: FramebufferLayout) -> RasterImage {
        let image = RasterImage(size: layout.logicalSize)
        for y in 0..<layout.size.height {
            let line = source + y * layout.stride
            for x in 0..<layout.size.width {
                let argb: UInt32
                switch layout.format {
                case .xrgb8888:
                    argb = 0xFF00_0000 | line.load(fromByteOffset: x * 4, as: UInt32.self)
                case .rgb565:
                    argb = Self.argb(fromRGB565: line.load(fromByteOffset: x * 2, as: UInt16.self))
                }
                let logical = layout.logicalPoint(physicalX: x, physicalY: y)
                image.pixels.storeBytes(
                    of: argb,
                    toByteOffset: logical.y * image.stride + logical.x * 4,
                    as: UInt32.self
                )
            }
        }
        return image
    }
}
