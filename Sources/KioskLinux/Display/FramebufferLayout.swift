// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

/// How a framebuffer's bytes are laid out and how the UI's logical screen maps onto them.
///
/// The UI draws in the logical orientation. With a rotation, the panel is mounted turned clockwise by that angle,
/// so the picture is turned the other way in the framebuffer to appear upright. This matches the rotation matrices
/// of `CalibrationMatrix/rotation(_:)`, so touches and pixels line up.
public struct FramebufferLayout: Hashable, Sendable {
    /// The framebuffer's visible resolution in its natural orientation.
    public var size: PixelSize
    /// Bytes from the start of one line to the next (the kernel's `line_length`), at least `width` pixels.
    public var stride: Int
    public var format: FramebufferPixelFormat
    public var rotation: Rotation

    /// Creates a layout, or fails when the stride cannot hold a line.
    public init(size: PixelSize, stride: Int? = nil, format: FramebufferPixelFormat, rotation: Rotation = .none) {
        precondition(size.width > 0 && size.height > 0, "a framebuffer needs at least one pixel")
        let minimumStride = size.width * format.bytesPerPixel
        precondition(
            (stride ?? minimumStride) >= minimumStride,
            "stride \(stride ?? 0) cannot hold \(size.width) pixels"
        )
        self.size = size
        self.stride = stride ?? minimumStride
        self.format = format
        self.rotation = rotation
    }

    /// The size the UI draws at: `size` with width and height swapped for quarter turns.
    public var logicalSize: PixelSize {
        rotation.swapsAxes ? PixelSize(width: size.height, height: size.width) : size
    }

    /// Bytes one visible page takes.
    public var byteCount: Int { stride * size.height }

    /// The framebuffer rectangle showing the logical rectangle `rect` (which must lie inside `logicalSize`).
    public func physicalRect(for rect: PixelRect) -> PixelRect {
        let width = logicalSize.width
        let height = logicalSize.height
        switch rotation {
        case .none:
            return rect
        case .quarter:
            return PixelRect(x: rect.y, y: width - rect.x - rect.width, width: rect.height, height: rect.width)
        case .half:
            return PixelRect(
                x: width - rect.x - rect.width,
                y: height - rect.y - rect.height,
                width: rect.width,
                height: rect.height
            )
        case .threeQuarters:
            return PixelRect(x: height - rect.y - rect.height, y: rect.x, width: rect.height, height: rect.width)
        }
    }

    /// The logical pixel shown at framebuffer pixel (x, y).
    public func logicalPoint(physicalX x: Int, physicalY y: Int) -> (x: Int, y: Int) {
        let width = logicalSize.width
        let height = logicalSize.height
        switch rotation {
        case .none: return (x, y)
        case .quarter: return (width - 1 - y, x)
        case .half: return (width - 1 - x, height - 1 - y)
        case .threeQuarters: return (y, height - 1 - x)
        }
    }

    /// `rect` clipped to the logical screen.
    public func clip(_ rect: PixelRect) -> PixelRect {
        let left = max(0, rect.x)
        let top = max(0, rect.y)
        let right = min(logicalSize.width, rect.x + rect.width)
        let bottom = min(logicalSize.height, rect.y + rect.height)
        return PixelRect(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
    }

    /// The whole logical screen.
    public var fullScreen: PixelRect { PixelRect(x: 0, y: 0, width: logicalSize.width, height: logicalSize.height) }
}
