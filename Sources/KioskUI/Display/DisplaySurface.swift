// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Where the kiosk's frames go: the Linux framebuffer on a ward, a PNG file or memory in tests and the demo.
public protocol DisplaySurface: AnyObject, Sendable {
    /// The panel as the UI sees it (after the configured rotation).
    var panel: PanelGeometry { get }

    /// Shows `image` (which is `panel.size`), copying at least the `damage` rectangles. The first call after
    /// opening, or after `setBlanked(false)`, should pass the whole screen as damage.
    func present(_ image: RasterImage, damage: [PixelRect]) throws

    /// Turns the panel's backlight/output off (`true`) or on.
    func setBlanked(_ blanked: Bool) throws
}

/// The panel's logical size in pixels and its physical size, so layout can work in millimetres.
public struct PanelGeometry: Hashable, Sendable {
    /// Logical pixels (width and height swapped from the hardware's when rotated by 90 or 270 degrees).
    public var size: PixelSize
    /// The visible area's physical size in millimetres, in the same orientation as `size`.
    public var millimetres: Size

    public init(size: PixelSize, millimetres: Size) {
        self.size = size
        self.millimetres = millimetres
    }

    /// Pixels per millimetre horizontally and vertically.
    public var pixelsPerMillimetre: (x: Double, y: Double) {
        (Double(size.width) / millimetres.width, Double(size.height) / millimetres.height)
    }

    /// A panel of `size` pixels with the given diagonal in inches (square pixels assumed).
    public static func diagonal(inches: Double, size: PixelSize) -> PanelGeometry {
        let w = Double(size.width)
        let h = Double(size.height)
        let diagonalPixels = (w * w + h * h).squareRoot()
        let mmPerPixel = inches * 25.4 / diagonalPixels
        return PanelGeometry(size: size, millimetres: Size(width: w * mmPerPixel, height: h * mmPerPixel))
    }
}

/// A clockwise rotation of the panel relative to the framebuffer's natural orientation.
public enum Rotation: Int, Hashable, Sendable, CaseIterable {
    case none = 0
    case quarter = 90
    case half = 180
    case threeQuarters = 270

    /// Whether width and height swap.
    public var swapsAxes: Bool { self == .quarter || self == .threeQuarters }
}
