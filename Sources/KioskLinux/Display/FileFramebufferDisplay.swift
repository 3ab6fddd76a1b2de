// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

/// A framebuffer kept in a regular file of `stride × height` bytes in RGB565 or XRGB8888, for tests, the demo and
/// tools that want the kiosk's output as raw pixels.
///
/// It draws exactly as `FramebufferDisplay` does on a device (same conversion, rotation and damage copying), through
/// a shared memory mapping of the file, and can read the file back into an image to check the result.
public final class FileFramebufferDisplay: DisplaySurface {
    /// The file's path.
    public let path: String
    /// The file's layout.
    public let layout: FramebufferLayout
    /// The file standing in for the device, which records pans and blanking.
    public let control: FileFramebufferControl
    private let display: FramebufferDisplay

    /// Creates (or truncates) the file at `path` and maps it.
    ///
    /// - Parameters:
    ///   - size: The framebuffer's resolution in its natural orientation.
    ///   - format: RGB565 or XRGB8888.
    ///   - stride: Bytes per line; at least `size.width` pixels, which is the default.
    ///   - rotation: How the panel is mounted, as for `FramebufferDisplay`.
    ///   - millimetres: The visible area in the natural orientation; a 10.1 inch diagonal when `nil`.
    ///   - pages: 2 to flip between two pages by (recorded) panning, as on a device with a panning area.
    public init(
        path: String,
        size: PixelSize,
        format: FramebufferPixelFormat,
        stride: Int? = nil,
        rotation: Rotation = .none,
        millimetres: Size? = nil,
        pages: Int = 1
    ) throws {
        precondition(pages == 1 || pages == 2, "a file framebuffer has one or two pages")
        let info = FramebufferInfo(size: size, format: format, lineLength: stride, pages: pages)
        let control = try FileFramebufferControl(path: path, info: info)
        self.path = path
        self.control = control
        self.display = try FramebufferDisplay(control: control, rotation: rotation, fallbackMillimetres: millimetres)
        self.layout = display.layout
    }

    public var panel: PanelGeometry { display.panel }

    /// How frames reach the file's visible page.
    public var strategy: FramebufferDisplay.Strategy { display.strategy }

    public func present(_ image: RasterImage, damage: [PixelRect]) throws {
        try display.present(image, damage: damage)
    }

    public func setBlanked(_ blanked: Bool) throws {
        try display.setBlanked(blanked)
    }

    /// The visible page read back into an opaque image in the logical orientation.
    public func readBack() -> RasterImage {
        display.readVisibleFrame()
    }
}
