// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CPangoCairo
import KioskUI

extension CairoRenderer {
    /// Fills the rounded rectangle, then strokes its outline inside the edge, so the outline never grows the shape.
    func drawRectangle(_ rect: Rect, cornerRadius: Double, fill: Color?, stroke: Color?, lineWidth: Double) {
        if let fill {
            addRoundedRectangle(rect, radius: cornerRadius)
            setSource(fill)
            cairo_fill(cairo)
        }
        if let stroke, lineWidth > 0 {
            let half = lineWidth / 2
            addRoundedRectangle(rect.insetBy(half), radius: max(0, cornerRadius - half))
            setSource(stroke)
            cairo_set_line_width(cairo, lineWidth)
            cairo_set_line_join(cairo, CAIRO_LINE_JOIN_MITER)
            cairo_stroke(cairo)
        }
    }

    /// Fills and/or strokes a path of lines, Bézier curves and arcs (non-zero winding), the outline centred on it.
    func drawPath(_ elements: [PathElement], fill: Color?, stroke: Color?, lineWidth: Double) {
        cairo_new_path(cairo)
        for element in elements {
            switch element {
            case .move(let point):
                cairo_move_to(cairo, point.x, point.y)
            case .line(let point):
                cairo_line_to(cairo, point.x, point.y)
            case .curve(let point, let control1, let control2):
                cairo_curve_to(cairo, control1.x, control1.y, control2.x, control2.y, point.x, point.y)
            case .arc(let center, let radius, let startAngle, let endAngle):
                cairo_arc(cairo, center.x, center.y, radius, startAngle, endAngle)
            case .close:
                cairo_close_path(cairo)
            }
        }
        if let fill {
            setSource(fill)
            cairo_set_fill_rule(cairo, CAIRO_FILL_RULE_WINDING)
            cairo_fill_preserve(cairo)
        }
        if let stroke, lineWidth > 0 {
            setSource(stroke)
            cairo_set_line_width(cairo, lineWidth)
            cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
            cairo_set_line_cap(cairo, CAIRO_LINE_CAP_ROUND)
            cairo_stroke_preserve(cairo)
        }
        cairo_new_path(cairo)
    }

    private func addRoundedRectangle(_ rect: Rect, radius: Double) {
        cairo_new_path(cairo)
        guard !rect.isEmpty else { return }
        let r = min(radius, rect.width / 2, rect.height / 2)
        guard r > 0 else {
            cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
            return
        }
        let quarter = Double.pi / 2
        cairo_new_sub_path(cairo)
        cairo_arc(cairo, rect.maxX - r, rect.minY + r, r, -quarter, 0)
        cairo_arc(cairo, rect.maxX - r, rect.maxY - r, r, 0, quarter)
        cairo_arc(cairo, rect.minX + r, rect.maxY - r, r, quarter, 2 * quarter)
        cairo_arc(cairo, rect.minX + r, rect.minY + r, r, 2 * quarter, 3 * quarter)
        cairo_close_path(cairo)
    }
}
