// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskRendering
import KioskUI

/// Where one answer button's parts are on a screenshot, found from the layout's target and draw items, so that their
/// colours can be measured.
struct AnswerButton {
    let rating: FFTRating
    /// The touch target, in logical pixels.
    let frame: Rect
    /// The outline's width and the corners' radius, in pixels.
    let lineWidth: Double
    let cornerRadius: Double
    /// Everything the label paints, where the renderer puts it.
    let labelExtent: Rect
    /// Everything the face may paint.
    let faceBounds: Rect

    /// The button for `rating` on `layout`, or nil when the screen does not show the answers.
    init?(_ rating: FFTRating, in layout: KioskScreenLayout) {
        let id = "answer.\(rating.rawValue)"
        let items = Dictionary(layout.drawList.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard let target = layout.target(.answer(rating)),
            case .rectangle(_, let radius, _, _, let width)? = items[id]?.command,
            case .text(let label)? = items[id + ".label"]?.command,
            let face = items[id + ".face"]
        else { return nil }
        self.rating = rating
        frame = target.frame
        lineWidth = width
        cornerRadius = radius
        labelExtent = PangoTextMeasurer.shared.drawnExtent(of: label)
        faceBounds = face.bounds
    }

    /// The inside of the button, clear of the outline and the rounded corners.
    private var inside: Rect { frame.insetBy(max(lineWidth, cornerRadius) + 2) }

    /// The largest band of the inside that neither the label nor the face paints: only the button's fill shows there.
    var fillRegion: PixelRect {
        let inside = inside
        let busy = labelExtent.union(faceBounds).insetBy(-1)
        let bands = [
            Rect(x: inside.minX, y: inside.minY, width: inside.width, height: busy.minY - inside.minY),
            Rect(x: inside.minX, y: busy.maxY, width: inside.width, height: inside.maxY - busy.maxY),
            Rect(x: inside.minX, y: inside.minY, width: busy.minX - inside.minX, height: inside.height),
            Rect(x: busy.maxX, y: inside.minY, width: inside.maxX - busy.maxX, height: inside.height),
        ].map(Self.wholePixels(inside:))
        return bands.max { $0.area < $1.area }!
    }

    /// A band along the middle of the top edge's outline, clear of the antialiased rim and the corners.
    var outlineRegion: PixelRect {
        Self.wholePixels(
            inside: Rect(
                x: frame.minX + cornerRadius + 2,
                y: frame.minY + 1,
                width: frame.width - 2 * cornerRadius - 4,
                height: lineWidth - 2
            )
        )
    }

    /// The label's pixels inside the button.
    var labelRegion: PixelRect {
        let inside = frame.insetBy(lineWidth + 1)
        let left = max(inside.minX, labelExtent.minX)
        let top = max(inside.minY, labelExtent.minY)
        let right = min(inside.maxX, labelExtent.maxX)
        let bottom = min(inside.maxY, labelExtent.maxY)
        return Self.wholePixels(inside: Rect(x: left, y: top, width: right - left, height: bottom - top))
    }

    /// The whole pixels inside `rect` (empty when there are none).
    static func wholePixels(inside rect: Rect) -> PixelRect {
        guard rect.width.isFinite, rect.height.isFinite, !rect.isEmpty else {
            return PixelRect(x: 0, y: 0, width: 0, height: 0)
        }
        let left = Int(rect.minX.rounded(.up))
        let top = Int(rect.minY.rounded(.up))
        return PixelRect(
            x: left,
            y: top,
            width: max(0, Int(rect.maxX.rounded(.down)) - left),
            height: max(0, Int(rect.maxY.rounded(.down)) - top)
        )
    }
}
