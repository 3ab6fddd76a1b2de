// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

extension PangoTextMeasurer {
    /// Every text box in `list` that overflows its frame or uses characters no installed font can draw, in painting
    /// order. An empty result means every text on the screen fits and every glyph is found.
    ///
    /// Run it over every screen in every language: an overflow means a label will be cut off on the panel, and a
    /// missing glyph means a font package is missing or the style names the wrong family.
    public func fitIssues(in list: DrawList) -> [TextFitIssue] {
        list.items.compactMap { item in
            guard case .text(let box) = item.command else { return nil }
            let (extent, unknown) = engine.withPlacedLayout(box) { laidOut, origin in
                (laidOut.extent(at: origin), laidOut.unknownGlyphCount)
            }
            let issue = TextFitIssue(
                itemID: item.id,
                text: box.text,
                frame: box.frame,
                drawnExtent: extent,
                unknownGlyphCount: unknown
            )
            return issue.overflowsFrame || issue.hasMissingGlyphs ? issue : nil
        }
    }
}
