// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The face drawn beside each answer: the same outline and eyes for every answer, with a mouth shape that differs
/// (a broad smile for Very good down to a deep frown for Very poor, and a wavy line for Don't know). Faces are all
/// drawn in the text colour, so no answer has a colour of its own.
struct FaceShape {
    var rating: FFTRating

    /// How far the mouth's middle sits below its ends, as a fraction of the face radius (negative frowns).
    var curvature: Double {
        switch rating {
        case .veryGood: 0.42
        case .good: 0.2
        case .neitherGoodNorPoor: 0
        case .poor: -0.2
        case .veryPoor: -0.42
        case .dontKnow: 0
        }
    }

    func draw(_ canvas: inout KioskCanvas, id: String, in frame: Rect) {
        let r = frame.width / 2
        let c = Point(x: frame.x + r, y: frame.y + r)
        let line = max(0.5, r * 0.1)
        let eyeRadius = r * 0.1
        let outline: [PathElement] = [
            .arc(center: c, radius: r - line / 2, startAngle: 0, endAngle: 2 * Double.pi), .close,
        ]
        canvas.path(id, outline, bounds: frame, fill: nil, stroke: NHSPalette.text, lineWidth: line)
        let eyes: [PathElement] = [-1.0, 1].flatMap { side -> [PathElement] in
            let centre = Point(x: c.x + side * r * 0.35, y: c.y - r * 0.25)
            return [
                .move(to: Point(x: centre.x + eyeRadius, y: centre.y)),
                .arc(center: centre, radius: eyeRadius, startAngle: 0, endAngle: 2 * Double.pi),
                .close,
            ]
        }
        canvas.path(id + ".eyes", eyes, bounds: frame, fill: NHSPalette.text, stroke: nil, lineWidth: 0)
        let left = Point(x: c.x - r * 0.45, y: c.y + r * 0.35)
        let right = Point(x: c.x + r * 0.45, y: c.y + r * 0.35)
        let mouth: [PathElement]
        if rating == .dontKnow {
            mouth = [
                .move(to: left),
                .curve(
                    to: right,
                    control1: Point(x: c.x - r * 0.15, y: c.y + r * 0.1),
                    control2: Point(x: c.x + r * 0.15, y: c.y + r * 0.6)
                ),
            ]
        } else {
            let dip = curvature * r * 1.3
            let shift = curvature > 0 ? -r * 0.1 : (curvature < 0 ? r * 0.15 : 0)
            let start = Point(x: left.x, y: left.y + shift)
            let end = Point(x: right.x, y: right.y + shift)
            mouth = [
                .move(to: start),
                .curve(
                    to: end,
                    control1: Point(x: start.x + r * 0.2, y: start.y + dip),
                    control2: Point(x: end.x - r * 0.2, y: end.y + dip)
                ),
            ]
        }
        canvas.path(id + ".mouth", mouth, bounds: frame, fill: nil, stroke: NHSPalette.text, lineWidth: line)
    }
}
