// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CPangoCairo
public import KioskUI

/// Draws draw lists into a `RasterImage` with Cairo, and their text with Pango.
///
/// A renderer is bound to one image for its whole life and draws straight into the image's memory, ready to be
/// copied to the panel. Draw a full frame with `render(_:damage:)` and no damage; afterwards pass the damage from
/// `DrawList.damage(comparedTo:)` to repaint only what changed. Inside the damaged rectangles the result is the same,
/// byte for byte, as a full render; outside them no pixel is touched.
///
/// Each item is clipped to the whole pixels of its `bounds`, so an item never paints outside the area that damage
/// tracking knows about. Rectangles and paths are antialiased; outlines use round joins and caps. Items with a
/// coordinate that is not a finite number are skipped.
///
/// A renderer is not safe to use from several threads at once. Its text goes through a `PangoTextMeasurer`, which
/// may be shared (the default is `PangoTextMeasurer.shared`), so that boxes sized with that measurer are drawn
/// exactly as measured.
public final class CairoRenderer {
    /// The image drawn into.
    public let image: RasterImage
    /// Lays out the text; shared with whoever measured it.
    public let measurer: PangoTextMeasurer

    let surface: OpaquePointer
    private(set) var cairo: OpaquePointer

    /// A renderer drawing into `image`.
    ///
    /// - Throws: `RenderingError.Code.surfaceFailed` when Cairo cannot use the image's memory as a surface.
    public init(image: RasterImage, measurer: PangoTextMeasurer = .shared) throws(RenderingError) {
        self.image = image
        self.measurer = measurer
        self.surface = try image.makeCairoSurface()
        self.cairo = cairo_create(surface)!
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// Draws `list`: the background, then each item in order.
    ///
    /// With `damage`, only the pixels inside those rectangles are painted, and only items whose bounds touch them are
    /// drawn. A list of a different size from the image is drawn from the top-left corner and cut at the image's
    /// edges.
    ///
    /// - Parameters:
    ///   - list: The screen to draw.
    ///   - damage: The rectangles to repaint, or nil to repaint everything.
    public func render(_ list: DrawList, damage: [PixelRect]? = nil) {
        let screen = PixelRect(x: 0, y: 0, width: image.size.width, height: image.size.height)
        let regions = (damage ?? [screen]).map { $0.intersection(screen) }.filter { !$0.isEmpty }
        guard !regions.isEmpty else { return }
        if cairo_status(cairo) != CAIRO_STATUS_SUCCESS {
            // A Cairo context stays broken after an error; start afresh rather than stop drawing for good.
            cairo_destroy(cairo)
            cairo = cairo_create(surface)!
        }

        cairo_save(cairo)
        defer {
            cairo_restore(cairo)
            cairo_surface_flush(surface)
        }
        if damage != nil {
            for region in regions { addRectangle(region) }
            cairo_clip(cairo)
        }
        cairo_set_operator(cairo, CAIRO_OPERATOR_SOURCE)
        setSource(list.background)
        cairo_paint(cairo)
        cairo_set_operator(cairo, CAIRO_OPERATOR_OVER)

        for item in list.items where item.hasFiniteGeometry {
            let pixels = item.bounds.pixelBounds(clippedTo: image.size)
            guard regions.contains(where: { !$0.intersection(pixels).isEmpty }) else { continue }
            cairo_save(cairo)
            addRectangle(pixels)
            cairo_clip(cairo)
            draw(item.command)
            cairo_restore(cairo)
        }
    }

    private func draw(_ command: DrawCommand) {
        switch command {
        case .rectangle(let rect, let cornerRadius, let fill, let stroke, let lineWidth):
            drawRectangle(rect, cornerRadius: cornerRadius, fill: fill, stroke: stroke, lineWidth: lineWidth)
        case .path(let elements, let fill, let stroke, let lineWidth):
            drawPath(elements, fill: fill, stroke: stroke, lineWidth: lineWidth)
        case .text(let box):
            drawText(box)
        }
    }

    func addRectangle(_ rect: PixelRect) {
        cairo_rectangle(cairo, Double(rect.x), Double(rect.y), Double(rect.width), Double(rect.height))
    }

    func setSource(_ color: Color) {
        cairo_set_source_rgba(
            cairo,
            Double(color.red) / 255,
            Double(color.green) / 255,
            Double(color.blue) / 255,
            Double(color.alpha) / 255
        )
    }
}

extension PixelRect {
    /// The pixels in both rectangles (empty when they do not overlap).
    func intersection(_ other: PixelRect) -> PixelRect {
        let left = Swift.max(x, other.x)
        let top = Swift.max(y, other.y)
        let right = Swift.min(x + width, other.x + other.width)
        let bottom = Swift.min(y + height, other.y + other.height)
        return PixelRect(x: left, y: top, width: Swift.max(0, right - left), height: Swift.max(0, bottom - top))
    }
}
