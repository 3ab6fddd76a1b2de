// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Measures laid-out text, so that layout can size boxes to fit their words in every language.
///
/// The renderer (Pango) provides the real implementation; `EstimatingTextMeasurer` is a pure stand-in for tests.
public protocol TextMeasuring: Sendable {
    /// The size `text` takes when set in `style` and wrapped at `maxWidth` pixels (unwrapped when the style does
    /// not wrap), including the full height of every line (ascenders, descenders and Nastaliq's tall stacks).
    func measure(_ text: String, style: TextStyle, maxWidth: Double) -> TextMetrics
}

/// The result of measuring text.
public struct TextMetrics: Hashable, Sendable {
    /// The ink-and-logical extent in pixels.
    public var size: Size
    public var lineCount: Int

    public init(size: Size, lineCount: Int) {
        self.size = size
        self.lineCount = lineCount
    }
}

/// A rough measurer with no font access: every character is `0.55 em` wide and lines wrap at spaces.
public struct EstimatingTextMeasurer: TextMeasuring {
    public init() {}

    public func measure(_ text: String, style: TextStyle, maxWidth: Double) -> TextMetrics {
        let advance = style.pixelSize * 0.55
        let lineHeight = style.pixelSize * 1.2 * style.lineSpacing
        var lines = 0
        var widest = 0.0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var width = 0.0
            lines += 1
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let wordWidth = Double(word.count) * advance
                let candidate = width == 0 ? wordWidth : width + advance + wordWidth
                if style.wraps && width > 0 && candidate > maxWidth {
                    widest = max(widest, width)
                    lines += 1
                    width = wordWidth
                } else {
                    width = candidate
                }
            }
            widest = max(widest, width)
        }
        return TextMetrics(size: Size(width: widest, height: Double(lines) * lineHeight), lineCount: lines)
    }
}
