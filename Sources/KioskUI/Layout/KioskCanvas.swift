// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Collects draw items and targets for one screen, laid out in millimetres from the top-left corner of a
/// left-to-right screen and converted to logical pixels, mirrored horizontally for right-to-left languages.
struct KioskCanvas {
    /// How a button looks.
    enum ButtonKind {
        /// Pale grey with a mid-grey edge.
        case normal
        /// White with a thick NHS green edge (Next, Send).
        case primary
        /// Yellow with a dark edge (a chosen answer or topic).
        case selected
        /// A primary action that is not available yet: pale grey, thin edge.
        case inactive
    }

    let panel: PanelGeometry
    let measurer: any TextMeasuring
    let mirrored: Bool
    let width: Double
    let height: Double
    private let sx: Double
    private let sy: Double
    private(set) var items: [DrawItem] = []
    private(set) var targets: [KioskTarget] = []
    private(set) var overflows: [String] = []

    init(panel: PanelGeometry, measurer: any TextMeasuring, mirrored: Bool) {
        self.panel = panel
        self.measurer = measurer
        self.mirrored = mirrored
        width = panel.millimetres.width
        height = panel.millimetres.height
        (sx, sy) = panel.pixelsPerMillimetre
    }

    // MARK: - Units

    /// A millimetre rectangle in logical pixels, mirrored when the layout is right to left.
    func pixels(_ r: Rect) -> Rect {
        let x = mirrored ? width - r.x - r.width : r.x
        return Rect(x: x * sx, y: r.y * sy, width: r.width * sx, height: r.height * sy)
    }

    func pixels(_ p: Point) -> Point {
        Point(x: (mirrored ? width - p.x : p.x) * sx, y: p.y * sy)
    }

    func style(
        em: Double,
        language: KioskLanguage,
        bold: Bool = false,
        alignment: TextStyle.Alignment = .leading,
        vertical: TextStyle.VerticalAlignment = .center,
        wraps: Bool = true
    ) -> TextStyle {
        TextStyle(
            fontFamily: language.fontFamily,
            pixelSize: em * sy,
            weight: bold ? .bold : .regular,
            lineSpacing: language.lineSpacing,
            alignment: alignment,
            verticalAlignment: vertical,
            direction: language.direction,
            language: language.tag,
            wraps: wraps
        )
    }

    /// The size of `text` in millimetres when wrapped at `maxWidth` millimetres.
    func measure(_ text: String, em: Double, language: KioskLanguage, bold: Bool = false, maxWidth: Double) -> Size {
        let metrics = measurer.measure(
            text,
            style: style(em: em, language: language, bold: bold),
            maxWidth: maxWidth * sx
        )
        return Size(width: metrics.size.width / sx, height: metrics.size.height / sy)
    }

    /// The largest em size from `ems` (largest first) whose text fits `maxHeight`, with the height it takes; the
    /// smallest size when none fits.
    func fit(
        _ text: String,
        width: Double,
        maxHeight: Double,
        ems: [Double],
        language: KioskLanguage,
        bold: Bool = false
    ) -> (em: Double, height: Double) {
        var last = (em: ems.last ?? KioskMetrics.minimumEm, height: 0.0)
        for em in ems {
            let size = measure(text, em: em, language: language, bold: bold, maxWidth: width)
            last = (em, size.height)
            if size.height <= maxHeight && size.width <= width + 0.01 { return last }
        }
        return last
    }

    /// Draws a screen's heading at the top of `content` (bold, the largest of 7, 6 or 5 mm that fits in 20 mm) and
    /// returns the area below it, a gap further down.
    mutating func heading(_ id: String, _ title: String, in content: Rect, language: KioskLanguage) -> Rect {
        let fitted = fit(title, width: content.width, maxHeight: 20, ems: [7, 6, 5], language: language, bold: true)
        text(
            id,
            title,
            in: Rect(x: content.x, y: content.y, width: content.width, height: fitted.height),
            em: fitted.em,
            language: language,
            bold: true
        )
        let below = fitted.height + KioskMetrics.gap
        return Rect(x: content.x, y: content.y + below, width: content.width, height: content.height - below)
    }

    // MARK: - Drawing

    mutating func rectangle(
        _ id: String,
        _ r: Rect,
        fill: Color?,
        stroke: Color? = nil,
        lineWidth: Double = 0,
        radius: Double = 0
    ) {
        let frame = pixels(r)
        let lineWidthPixels = lineWidth * sy
        items.append(
            DrawItem(
                id: id,
                bounds: frame.insetBy(-1),
                command: .rectangle(
                    frame,
                    cornerRadius: radius * sy,
                    fill: fill,
                    stroke: stroke,
                    lineWidth: lineWidthPixels
                )
            )
        )
    }

    mutating func text(
        _ id: String,
        _ text: String,
        in r: Rect,
        em: Double,
        language: KioskLanguage,
        bold: Bool = false,
        alignment: TextStyle.Alignment = .leading,
        vertical: TextStyle.VerticalAlignment = .center,
        wraps: Bool = true,
        color: Color = NHSPalette.text
    ) {
        let size = measure(text, em: em, language: language, bold: bold, maxWidth: r.width)
        if size.height > r.height + 0.01 || (!wraps && size.width > r.width + 0.01) { overflows.append(id) }
        let frame = pixels(r)
        let textStyle = style(
            em: em,
            language: language,
            bold: bold,
            alignment: alignment,
            vertical: vertical,
            wraps: wraps
        )
        items.append(
            DrawItem(
                id: id,
                // Tall scripts (Nastaliq stacks, Indic vowel signs) may ink a little outside their box.
                bounds: frame.insetBy(-max(2, textStyle.pixelSize * 0.3)),
                command: .text(TextBox(text: text, frame: frame, style: textStyle, color: color))
            )
        )
    }

    mutating func path(
        _ id: String,
        _ elements: [PathElement],
        bounds: Rect,
        fill: Color?,
        stroke: Color?,
        lineWidth: Double
    ) {
        let mapped = elements.map { element -> PathElement in
            switch element {
            case .move(let p): .move(to: pixels(p))
            case .line(let p): .line(to: pixels(p))
            case .curve(let p, let c1, let c2): .curve(to: pixels(p), control1: pixels(c1), control2: pixels(c2))
            case .arc(let center, let radius, let start, let end):
                mirrored
                    ? .arc(
                        center: pixels(center),
                        radius: radius * sy,
                        startAngle: Double.pi - end,
                        endAngle: Double.pi - start
                    )
                    : .arc(center: pixels(center), radius: radius * sy, startAngle: start, endAngle: end)
            case .close: .close
            }
        }
        items.append(
            DrawItem(
                id: id,
                bounds: pixels(bounds).insetBy(-(lineWidth * sy) - 1),
                command: .path(mapped, fill: fill, stroke: stroke, lineWidth: lineWidth * sy)
            )
        )
    }

    /// Registers a touch target without drawing it.
    mutating func target(_ id: KioskTargetID, _ r: Rect) {
        targets.append(KioskTarget(id: id, frame: pixels(r), millimetres: mirroredMillimetres(r)))
    }

    /// The rectangle in millimetres as it appears on the panel (mirrored for right-to-left layouts).
    func mirroredMillimetres(_ r: Rect) -> Rect {
        mirrored ? Rect(x: width - r.x - r.width, y: r.y, width: r.width, height: r.height) : r
    }

    /// A labelled button that is also a target.
    mutating func button(
        _ target: KioskTargetID,
        id: String,
        _ r: Rect,
        label: String,
        kind: ButtonKind = .normal,
        language: KioskLanguage,
        em: Double? = nil,
        alignment: TextStyle.Alignment = .center,
        labelInset: Double = KioskMetrics.buttonPadding,
        trailingInset: Double = KioskMetrics.buttonPadding,
        labelFrame: Rect? = nil
    ) {
        let (fill, stroke, line): (Color, Color, Double) =
            switch kind {
            case .normal: (NHSPalette.paleGrey, NHSPalette.midGrey, 0.4)
            case .primary: (NHSPalette.white, NHSPalette.green, 1.0)
            case .selected: (NHSPalette.yellow, NHSPalette.text, 1.0)
            case .inactive: (NHSPalette.paleGrey, NHSPalette.midGrey, 0.3)
            }
        rectangle(id, r, fill: fill, stroke: stroke, lineWidth: line, radius: 1.5)
        let textRect =
            labelFrame
            ?? Rect(
                x: r.x + labelInset,
                y: r.y + 0.5,
                width: max(1, r.width - labelInset - trailingInset),
                height: r.height - 1
            )
        let labelEm =
            em
            ?? fit(
                label,
                width: textRect.width,
                maxHeight: textRect.height,
                ems: KioskMetrics.buttonEms,
                language: language,
                bold: kind == .primary || kind == .selected
            ).em
        text(
            id + ".label",
            label,
            in: textRect,
            em: labelEm,
            language: language,
            bold: kind == .primary || kind == .selected,
            alignment: alignment
        )
        self.target(target, r)
    }

    /// The finished draw list.
    func drawList(background: Color = NHSPalette.white) -> DrawList {
        DrawList(size: panel.size, background: background, items: items)
    }
}
