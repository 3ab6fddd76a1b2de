// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

/// A text box that does not draw cleanly: its text spills out of its frame, or some of its characters have no font.
public struct TextFitIssue: Hashable, Sendable, CustomStringConvertible {
    /// The draw item holding the text.
    public var itemID: String
    public var text: String
    /// The frame the text was meant to fit.
    public var frame: Rect
    /// Everything the text paints or reserves (ink and line boxes) where the renderer puts it.
    public var drawnExtent: Rect
    /// Characters drawn as hex boxes because no installed font has them.
    public var unknownGlyphCount: Int

    public init(itemID: String, text: String, frame: Rect, drawnExtent: Rect, unknownGlyphCount: Int) {
        self.itemID = itemID
        self.text = text
        self.frame = frame
        self.drawnExtent = drawnExtent
        self.unknownGlyphCount = unknownGlyphCount
    }

    /// Whether the drawn extent reaches outside the frame by more than `TextFitIssue.tolerance` on any side (or the
    /// frame is not made of finite numbers, so the text cannot be drawn at all).
    public var overflowsFrame: Bool {
        guard drawnExtent.isFinite && frame.isFinite else { return true }
        return drawnExtent.minX < frame.minX - Self.tolerance || drawnExtent.minY < frame.minY - Self.tolerance
            || drawnExtent.maxX > frame.maxX + Self.tolerance || drawnExtent.maxY > frame.maxY + Self.tolerance
    }

    /// Whether a font is missing for some characters.
    public var hasMissingGlyphs: Bool { unknownGlyphCount > 0 }

    /// How far, in pixels, text may reach past its frame before it counts as overflowing: half a pixel, the reach
    /// of antialiasing, which the frame's whole-pixel clip keeps anyway.
    public static let tolerance = 0.5

    public var description: String {
        var problems: [String] = []
        if overflowsFrame {
            problems.append("text extent \(Self.describe(drawnExtent)) overflows frame \(Self.describe(frame))")
        }
        if hasMissingGlyphs { problems.append("\(unknownGlyphCount) character(s) have no font") }
        return "\(itemID) \"\(text)\": " + problems.joined(separator: "; ")
    }

    private static func describe(_ rect: Rect) -> String {
        func number(_ value: Double) -> String { String(Double((value * 10).rounded()) / 10) }
        return "(x \(number(rect.x)), y \(number(rect.y)), w \(number(rect.width)), h \(number(rect.height)))"
    }
}
