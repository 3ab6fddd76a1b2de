// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

/// What the kernel says about a framebuffer: the parts of `fb_var_screeninfo` and `fb_fix_screeninfo` the kiosk
/// uses.
public struct FramebufferInfo: Hashable, Sendable {
    /// `xres` × `yres`: the visible resolution.
    public var visibleSize: PixelSize
    /// `xres_virtual` × `yres_virtual`: the resolution of the whole panning area.
    public var virtualSize: PixelSize
    /// `yoffset`: the first visible line of the virtual area.
    public var yOffset: Int
    public var bitsPerPixel: Int
    public var red: Bitfield
    public var green: Bitfield
    public var blue: Bitfield
    /// `width` × `height` in millimetres, or `nil` when the driver does not know (it reports 0 or -1).
    public var millimetres: Size?
    /// `line_length`: bytes per line.
    public var lineLength: Int
    /// `smem_len`: bytes of framebuffer memory.
    public var memoryLength: Int

    /// Where one colour channel sits in a pixel.
    public struct Bitfield: Hashable, Sendable {
        public var offset: Int
        public var length: Int

        public init(offset: Int, length: Int) {
            self.offset = offset
            self.length = length
        }
    }

    public init(
        visibleSize: PixelSize,
        virtualSize: PixelSize,
        yOffset: Int = 0,
        bitsPerPixel: Int,
        red: Bitfield,
        green: Bitfield,
        blue: Bitfield,
        millimetres: Size?,
        lineLength: Int,
        memoryLength: Int
    ) {
        self.visibleSize = visibleSize
        self.virtualSize = virtualSize
        self.yOffset = yOffset
        self.bitsPerPixel = bitsPerPixel
        self.red = red
        self.green = green
        self.blue = blue
        self.millimetres = millimetres
        self.lineLength = lineLength
        self.memoryLength = memoryLength
    }

    /// The screen information of a framebuffer in `format` with no panning area and no physical size.
    public init(size: PixelSize, format: FramebufferPixelFormat, lineLength: Int? = nil, pages: Int = 1) {
        let stride = lineLength ?? size.width * format.bytesPerPixel
        let channels: (Bitfield, Bitfield, Bitfield) =
            switch format {
            case .rgb565:
                (Bitfield(offset: 11, length: 5), Bitfield(offset: 5, length: 6), Bitfield(offset: 0, length: 5))
            case .xrgb8888:
                (Bitfield(offset: 16, length: 8), Bitfield(offset: 8, length: 8), Bitfield(offset: 0, length: 8))
            }
        self.init(
            visibleSize: size,
            virtualSize: PixelSize(width: size.width, height: size.height * pages),
            bitsPerPixel: format.bytesPerPixel * 8,
            red: channels.0,
            green: channels.1,
            blue: channels.2,
            millimetres: nil,
            lineLength: stride,
            memoryLength: stride * size.height * pages
        )
    }
}

/// The system calls a `FramebufferDisplay` makes on its device, so that everything above them can run on plain
/// files and memory.
public protocol FramebufferControl: AnyObject, Sendable {
    /// The device path, for error messages.
    var device: String { get }
    /// `FBIOGET_VSCREENINFO` and `FBIOGET_FSCREENINFO`.
    func screenInfo() throws -> FramebufferInfo
    /// Maps `length` bytes of framebuffer memory for reading and writing.
    func mapMemory(length: Int) throws -> UnsafeMutableRawPointer
    /// Undoes `mapMemory(length:)`.
    func unmapMemory(_ memory: UnsafeMutableRawPointer, length: Int)
    /// `FBIOPAN_DISPLAY` to show the virtual area from line `yOffset`.
    func pan(yOffset: Int) throws
    /// `FBIOBLANK`.
    func setBlanked(_ blanked: Bool) throws
}
