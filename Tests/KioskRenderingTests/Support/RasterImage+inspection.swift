// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI

extension RasterImage {
    /// The smallest pixel rectangle inside `area` holding every pixel that differs from `background`, or nil when
    /// there is none.
    func inkBounds(in area: PixelRect, background: UInt32) -> PixelRect? {
        var left = Int.max
        var top = Int.max
        var right = Int.min
        var bottom = Int.min
        for y in max(0, area.y)..<min(size.height, area.y + area.height) {
            for x in max(0, area.x)..<min(size.width, area.x + area.width) where pixel(x: x, y: y) != background {
                left = min(left, x)
                top = min(top, y)
                right = max(right, x)
                bottom = max(bottom, y)
            }
        }
        guard left <= right else { return nil }
        return PixelRect(x: left, y: top, width: right - left + 1, height: bottom - top + 1)
    }

    /// Whether every pixel inside `area` equals the same pixel of `other`.
    func equals(_ other: RasterImage, in area: PixelRect) -> Bool {
        for y in area.y..<(area.y + area.height) {
            for x in area.x..<(area.x + area.width) where pixel(x: x, y: y) != other.pixel(x: x, y: y) {
                return false
            }
        }
        return true
    }

    /// Sets every pixel to `value`.
    func fill(with value: UInt32) {
        for y in 0..<size.height {
            for x in 0..<size.width {
                setPixel(x: x, y: y, to: value)
            }
        }
    }

    /// Sets one pixel.
    func setPixel(x: Int, y: Int, to value: UInt32) {
        pixels.storeBytes(of: value, toByteOffset: y * stride + x * 4, as: UInt32.self)
    }
}

extension Color {
    /// This opaque colour as a `0xAARRGGBB` pixel.
    var opaquePixel: UInt32 {
        0xFF00_0000 | UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
    }
}
