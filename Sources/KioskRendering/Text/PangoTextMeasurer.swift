// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CPangoCairo
public import KioskUI

/// Measures text with Pango, using the very layouts that `CairoRenderer` draws.
///
/// A measurer owns a Pango font map, contexts for each direction and language, font descriptions for each style,
/// and a cache of recent layouts. It is safe to use from several threads: every call takes one lock, so text is laid
/// out one piece at a time. A renderer created with a measurer shares its caches, so a box sized from
/// `measure(_:style:maxWidth:)` is drawn with the same line breaks and extents.
///
/// Sizes include the ink of every glyph as well as the line boxes, so the tall stacks of Nastaliq and the marks
/// above and below Indic letters are counted. `TextStyle.lineSpacing` sets the distance from one baseline to the next
/// as a multiple of the font's natural line height (`pango_layout_set_line_spacing`); the first line keeps its
/// natural height. The paragraph direction is the style's, never guessed from the text, and the style's language
/// picks language-specific shaping (Urdu's Nastaliq forms, Serbian or Romanian letter variants).
public final class PangoTextMeasurer: TextMeasuring {
    /// A measurer shared by renderers that are not given one.
    public static let shared = PangoTextMeasurer()

    let engine = TextLayoutEngine()

    public init() {}

    public func measure(_ text: String, style: TextStyle, maxWidth: Double) -> TextMetrics {
        let width = style.wraps && maxWidth.isFinite ? maxWidth : nil
        return engine.withLayout(text, style: style, width: width) { laidOut in
            TextMetrics(
                size: Size(width: laidOut.extent.width, height: laidOut.extent.height),
                lineCount: laidOut.lineCount
            )
        }
    }

    /// Everything `box` paints or reserves on screen (ink and line boxes), where the renderer puts it.
    public func drawnExtent(of box: TextBox) -> Rect {
        engine.withPlacedLayout(box) { laidOut, origin in laidOut.extent(at: origin) }
    }

    /// How many characters of `text` no installed font can draw in `style` (zero when every glyph is found).
    public func unknownGlyphCount(_ text: String, style: TextStyle) -> Int {
        engine.withLayout(text, style: style, width: nil) { $0.unknownGlyphCount }
    }

    /// The on-screen box of each character (grapheme cluster) of `box.text`, in the text's logical order, as the
    /// renderer draws it.
    ///
    /// In right-to-left text the first character's box is at the right; a left-to-right word inside it still has its
    /// letters' boxes running left to right. Boxes have a non-negative width whatever the direction.
    public func characterFrames(of box: TextBox) -> [Rect] {
        let utf8Offsets = box.text.indices.map { box.text.utf8.distance(from: box.text.startIndex, to: $0) }
        return engine.withPlacedLayout(box) { laidOut, origin in
            utf8Offsets.map { offset in
                var position = PangoRectangle()
                pango_layout_index_to_pos(laidOut.layout, Int32(offset), &position)
                let rect = Rect(pango: position)
                let left = min(rect.minX, rect.maxX)
                return Rect(x: origin.x + left, y: origin.y + rect.minY, width: abs(rect.width), height: rect.height)
            }
        }
    }
}
