// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The framebuffer pixel formats the kiosk can draw to.
public enum FramebufferPixelFormat: String, Hashable, Sendable, CaseIterable {
    /// 16 bits per pixel: red in bits 11–15, green in 5–10, blue in 0–4.
    case rgb565
    /// 32 bits per pixel: unused byte, then red, green and blue from the most significant byte down.
    case xrgb8888

    /// Bytes one pixel takes.
    public var bytesPerPixel: Int {
        switch self {
        case .rgb565: 2
        case .xrgb8888: 4
        }
    }

    /// The format described by a framebuffer's bits per pixel and colour bitfields (offset and length of each
    /// channel, as in `struct fb_var_screeninfo`), or `nil` when it is not one the kiosk supports.
    public init?(
        bitsPerPixel: Int,
        red: (offset: Int, length: Int),
        green: (offset: Int, length: Int),
        blue: (offset: Int, length: Int)
    ) {
        switch bitsPerPixel {
        case 16 where red == (11, 5) && green == (5, 6) && blue == (0, 5):
            self = .rgb565
        case 32 where red == (16, 8) && green == (8, 8) && blue == (0, 8):
            self = .xrgb8888
        default:
            return nil
        }
    }
}
