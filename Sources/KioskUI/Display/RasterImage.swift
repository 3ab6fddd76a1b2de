// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A frame of pixels in memory: 32 bits per pixel, premultiplied ARGB in native byte order (Cairo's
/// `CAIRO_FORMAT_ARGB32`, which is also the byte layout of an XRGB8888 framebuffer on little-endian machines).
///
/// The renderer draws into it; a `DisplaySurface` copies the damaged parts out to the panel.
public final class RasterImage: @unchecked Sendable {
    public let size: PixelSize
    /// Bytes from one row to the next (a multiple of 4, at least `width * 4`).
    public let stride: Int
    /// `stride * height` bytes, 16-byte aligned, owned by this image.
    public let pixels: UnsafeMutableRawPointer

    public init(size: PixelSize) {
        precondition(size.width > 0 && size.height > 0, "an image needs at least one pixel")
        self.size = size
        self.stride = size.width * 4
        self.pixels = UnsafeMutableRawPointer.allocate(byteCount: stride * size.height, alignment: 16)
        pixels.initializeMemory(as: UInt8.self, repeating: 0, count: stride * size.height)
    }

    deinit {
        pixels.deallocate()
    }

    /// The pixel at (x, y) as `0xAARRGGBB`.
    public func pixel(x: Int, y: Int) -> UInt32 {
        precondition(x >= 0 && x < size.width && y >= 0 && y < size.height, "pixel (\(x), \(y)) is outside the image")
        return pixels.load(fromByteOffset: y * stride + x * 4, as: UInt32.self)
    }
}
