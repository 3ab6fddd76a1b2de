// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CPangoCairo
import KioskUI

extension CairoRenderer {
    /// Draws a text box with the measurer's layout for it, placed in its frame as the style asks.
    func drawText(_ box: TextBox) {
        setSource(box.color)
        let cairo = self.cairo
        measurer.engine.withPlacedLayout(box) { laidOut, origin in
            cairo_move_to(cairo, origin.x, origin.y)
            pango_cairo_show_layout(cairo, laidOut.layout)
        }
        cairo_new_path(cairo)
    }
}
