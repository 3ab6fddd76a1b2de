// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI

extension RasterImage {
    /// Row `y` of the image as 32-bit premultiplied ARGB pixels.
    func row(_ y: Int) -> UnsafeMutableBufferPointer<UInt32> {
        let start = (pixels + y * stride).assumingMemoryBound(to: UInt32.self)
        return UnsafeMutableBufferPointer(start: start, count: size.width)
    }
}

extension Color {
    /// The colour of a premultiplied `0xAARRGGBB` pixel, with straight alpha.
    init(premultipliedPixel pixel: UInt32) {
        let alpha = (pixel >> 24) & 0xFF
        func channel(_ shift: UInt32) -> UInt8 {
            let value = (pixel >> shift) & 0xFF
            guard alpha > 0 else { return 0 }
            return UInt8(min(255, (value * 255 + alpha / 2) / alpha))
        }
        self.init(red: channel(16), green: channel(8), blue: channel(0), alpha: UInt8(alpha))
    }

    /// This colour as a premultiplied `0xAARRGGBB` pixel.
    var premultipliedPixel: UInt32 {
        let a = UInt32(alpha)
        func channel(_ value: UInt8) -> UInt32 { (UInt32(value) * a + 127) / 255 }
        return a << 24 | channel(red) << 16 | channel(green) << 8 | channel(blue)
    }
}
