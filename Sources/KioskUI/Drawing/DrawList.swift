// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// What one screen looks like, as a list of drawing commands in painting order.
///
/// Screens are pure values: the UI model builds a `DrawList` for the current state, the renderer rasterises it,
/// and comparing two lists tells which pixels changed (`damage(comparedTo:)`), so only those are redrawn.
public struct DrawList: Hashable, Sendable {
    /// The logical screen size in pixels.
    public var size: PixelSize
    /// Painted under everything.
    public var background: Color
    /// Painted in order, later items on top.
    public var items: [DrawItem]

    public init(size: PixelSize, background: Color, items: [DrawItem] = []) {
        self.size = size
        self.background = background
        self.items = items
    }

    /// The pixel rectangles that differ between `previous` and this list (everything when there is no previous list
    /// or the size or background changed). Items are matched by `id`; an item that moved, changed or disappeared
    /// damages both its old and its new bounds.
    public func damage(comparedTo previous: DrawList?) -> [PixelRect] {
        let whole = PixelRect(x: 0, y: 0, width: size.width, height: size.height)
        guard let previous, previous.size == size, previous.background == background else { return [whole] }
        var old: [String: DrawItem] = [:]
        for item in previous.items { old[item.id] = item }
        var changed: [Rect] = []
        var seen = Set<String>()
        for item in items {
            seen.insert(item.id)
            if let before = old[item.id] {
                if before != item {
                    changed.append(before.bounds)
                    changed.append(item.bounds)
                }
            } else {
                changed.append(item.bounds)
            }
        }
        for item in previous.items where !seen.contains(item.id) { changed.append(item.bounds) }
        // Painting order matters where items overlap; a reordered list is redrawn whole.
        let order = items.map(\.id).filter { old[$0] != nil }
        let oldOrder = previous.items.map(\.id).filter { seen.contains($0) }
        if order != oldOrder { return [whole] }
        return DrawList.merge(changed.map { $0.pixelBounds(clippedTo: size) }.filter { !$0.isEmpty })
    }

    /// Overlapping or touching rectangles merged until none overlap.
    static func merge(_ rects: [PixelRect]) -> [PixelRect] {
        var result = rects
        var merged = true
        while merged {
            merged = false
            outer: for i in result.indices {
                for j in result.indices where j > i {
                    let a = result[i]
                    let b = result[j]
                    if a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height {
                        let left = min(a.x, b.x)
                        let top = min(a.y, b.y)
                        let right = max(a.x + a.width, b.x + b.width)
                        let bottom = max(a.y + a.height, b.y + b.height)
                        result[i] = PixelRect(x: left, y: top, width: right - left, height: bottom - top)
                        result.remove(at: j)
                        merged = true
                        break outer
                    }
                }
            }
        }
        return result
    }
}

/// One thing on screen, with a stable identity so that redraws can be limited to what changed.
public struct DrawItem: Hashable, Sendable {
    /// Stable across frames for "the same" element (for example `"answer.2"`).
    public var id: String
    /// Everything the command paints lies inside these bounds (including stroke width and antialiasing).
    public var bounds: Rect
    public var command: DrawCommand

    public init(id: String, bounds: Rect, command: DrawCommand) {
        self.id = id
        self.bounds = bounds
        self.command = command
    }
}

/// A drawing primitive. Coordinates are logical screen pixels.
public enum DrawCommand: Hashable, Sendable {
    /// A filled rectangle, optionally with rounded corners and an outline drawn inside its edge.
    case rectangle(Rect, cornerRadius: Double, fill: Color?, stroke: Color?, lineWidth: Double)
    /// A filled and/or stroked path (faces, icons, ticks).
    case path([PathElement], fill: Color?, stroke: Color?, lineWidth: Double)
    /// Text laid out by the renderer (shaping, bidi, wrapping) inside `frame`.
    case text(TextBox)
}

/// One step of a vector path.
public enum PathElement: Hashable, Sendable {
    case move(to: Point)
    case line(to: Point)
    /// A cubic Bézier curve.
    case curve(to: Point, control1: Point, control2: Point)
    /// A circular arc around `center`; angles in radians, clockwise on screen (y down) from the positive x axis.
    case arc(center: Point, radius: Double, startAngle: Double, endAngle: Double)
    case close
}

/// Text to lay out in a box.
public struct TextBox: Hashable, Sendable {
    public var text: String
    public var frame: Rect
    public var style: TextStyle
    public var color: Color

    public init(text: String, frame: Rect, style: TextStyle, color: Color) {
        self.text = text
        self.frame = frame
        self.style = style
        self.color = color
    }
}

/// How text is set. Sizes are in logical pixels; the UI converts millimetres to pixels for the panel.
public struct TextStyle: Hashable, Sendable {
    public enum Weight: Hashable, Sendable { case regular, bold }
    public enum Alignment: Hashable, Sendable {
        /// Left in left-to-right text, right in right-to-left text.
        case leading
        case center
        /// Right in left-to-right text, left in right-to-left text.
        case trailing
    }
    public enum VerticalAlignment: Hashable, Sendable { case top, center, bottom }
    public enum Direction: Hashable, Sendable {
        case leftToRight
        case rightToLeft
    }

    /// A fontconfig family list, for example `"Noto Nastaliq Urdu, Noto Sans"`.
    public var fontFamily: String
    /// The em size in pixels.
    public var pixelSize: Double
    public var weight: Weight
    /// Line height as a multiple of the font's natural line height (at least 1.5 for Nastaliq and Indic scripts).
    public var lineSpacing: Double
    public var alignment: Alignment
    public var verticalAlignment: VerticalAlignment
    /// The paragraph's base direction; runs inside it are still ordered by the bidi algorithm.
    public var direction: Direction
    /// A BCP 47 tag (`"ur"`, `"bn"`, `"pa-Guru"`) so the shaper picks language-specific forms.
    public var language: String
    /// Wrap within the frame's width (else one line).
    public var wraps: Bool

    public init(
        fontFamily: String = "Noto Sans",
        pixelSize: Double,
        weight: Weight = .regular,
        lineSpacing: Double = 1.2,
        alignment: Alignment = .leading,
        verticalAlignment: VerticalAlignment = .center,
        direction: Direction = .leftToRight,
        language: String = "en",
        wraps: Bool = true
    ) {
        self.fontFamily = fontFamily
        self.pixelSize = pixelSize
        self.weight = weight
        self.lineSpacing = lineSpacing
        self.alignment = alignment
        self.verticalAlignment = verticalAlignment
        self.direction = direction
        self.language = language
        self.wraps = wraps
    }
}
