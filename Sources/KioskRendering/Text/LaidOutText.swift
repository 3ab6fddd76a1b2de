// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CPangoCairo
import KioskUI

/// A Pango layout with its text set and its lines broken, plus the numbers every caller needs from it.
///
/// Instances live in a `TextLayoutState` cache and are only touched while that state's lock is held.
final class LaidOutText {
    /// The `PangoLayout`, owned by this object.
    let layout: OpaquePointer
    /// The logical rectangle of all lines, in pixels, relative to the layout's top-left corner.
    let logicalRect: Rect
    /// The union of the ink and logical rectangles: everything the text may paint or reserve.
    let extent: Rect
    let lineCount: Int
    /// Characters that no installed font could draw (shown as hex boxes).
    let unknownGlyphCount: Int
    /// Whether Pango sets the lines within a fixed width (so it aligns them itself).
    let hasFixedWidth: Bool

    init(layout: OpaquePointer, hasFixedWidth: Bool) {
        self.layout = layout
        self.hasFixedWidth = hasFixedWidth
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let logicalRect = Rect(pango: logical)
        let inkRect = Rect(pango: ink)
        self.logicalRect = logicalRect
        self.extent = inkRect.isEmpty ? logicalRect : logicalRect.union(inkRect)
        self.lineCount = Int(pango_layout_get_line_count(layout))
        self.unknownGlyphCount = Int(pango_layout_get_unknown_glyphs_count(layout))
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    /// Where the layout's top-left corner goes so that the text sits in `frame` as `style` asks.
    ///
    /// The logical rectangle (the line boxes) is aligned first, so that baselines agree between boxes with the same
    /// style; then, when the full extent fits in the frame, it is nudged inside so that no ink is cut off.
    func origin(in frame: Rect, style: TextStyle) -> Point {
        var x: Double
        if hasFixedWidth {
            // Pango aligns the lines within its own width, which may be a little narrower than the frame
            // (Nastaliq); the spare width goes on the side the alignment leaves open.
            // (Pango's whole units leave a sliver below a pixel even at full width; that is not slack.)
            let spare = frame.width - Double(pango_layout_get_width(layout)) / Double(PANGO_SCALE)
            let slack = spare > 0.5 ? spare : 0
            switch style.resolvedAlignment {
            case .left: x = frame.minX
            case .right: x = frame.minX + slack
            case .center: x = frame.minX + slack / 2
            }
        } else {
            switch style.resolvedAlignment {
            case .left: x = frame.minX - logicalRect.minX
            case .right: x = frame.maxX - logicalRect.maxX
            case .center: x = frame.minX + (frame.width - logicalRect.width) / 2 - logicalRect.minX
            }
        }
        var y: Double
        switch style.verticalAlignment {
        case .top: y = frame.minY - logicalRect.minY
        case .bottom: y = frame.maxY - logicalRect.maxY
        case .center: y = frame.minY + (frame.height - logicalRect.height) / 2 - logicalRect.minY
        }
        x = Self.nudge(x, start: extent.minX, length: extent.width, into: frame.minX, frame.width)
        y = Self.nudge(y, start: extent.minY, length: extent.height, into: frame.minY, frame.height)
        return Point(x: x, y: y)
    }

    /// The full extent on screen when the layout's top-left corner is at `origin`.
    func extent(at origin: Point) -> Rect {
        Rect(x: origin.x + extent.minX, y: origin.y + extent.minY, width: extent.width, height: extent.height)
    }

    private static func nudge(
        _ offset: Double,
        start: Double,
        length: Double,
        into frameStart: Double,
        _ frameLength: Double
    ) -> Double {
        guard length <= frameLength else { return offset }
        if offset + start < frameStart { return frameStart - start }
        if offset + start + length > frameStart + frameLength { return frameStart + frameLength - start - length }
        return offset
    }
}

extension Rect {
    /// A rectangle in pixels from one in Pango units.
    init(pango rect: PangoRectangle) {
        let scale = Double(PANGO_SCALE)
        self.init(
            x: Double(rect.x) / scale,
            y: Double(rect.y) / scale,
            width: Double(rect.width) / scale,
            height: Double(rect.height) / scale
        )
    }
}
