// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

@testable import KioskRendering

struct TextPlacementTests {
    private let white = Color(hex: 0xFFFFFF)
    private let ink = Color(hex: 0x212B32)
    private let measurer = PangoTextMeasurer()
    private let frame = Rect(x: 20, y: 20, width: 360, height: 160)
    private let size = PixelSize(width: 400, height: 200)

    /// The ink of `text` drawn in `style` inside the test frame.
    private func inkOf(_ text: String, style: TextStyle) throws -> PixelRect {
        let image = RasterImage(size: size)
        let box = TextBox(text: text, frame: frame, style: style, color: ink)
        let list = DrawList(
            size: size,
            background: white,
            items: [DrawItem(id: "text", bounds: frame, command: .text(box))]
        )
        try CairoRenderer(image: image, measurer: measurer).render(list)
        return try #require(
            image.inkBounds(in: PixelRect(x: 0, y: 0, width: 400, height: 200), background: white.opaquePixel)
        )
    }

    /// Should put text at the top, middle or bottom of its frame.
    @Test(arguments: [TextStyle.VerticalAlignment.top, .center, .bottom])
    func placesTextVertically(alignment: TextStyle.VerticalAlignment) throws {
        // Given
        let style = TextStyle(pixelSize: 28, verticalAlignment: alignment)

        // When
        let drawn = try inkOf("Thank you", style: style)

        // Then
        let above = Double(drawn.y) - frame.minY
        let below = frame.maxY - Double(drawn.y + drawn.height)
        switch alignment {
        case .top: #expect(above < 12 && below > 100)
        case .center: #expect(abs(above - below) < 12)
        case .bottom: #expect(below < 12 && above > 100)
        }
    }

    /// Should mirror leading and trailing for right-to-left text, and centre either way.
    @Test(arguments: [
        (TextStyle.Alignment.leading, TextStyle.Direction.leftToRight, PhysicalAlignment.left),
        (.trailing, .leftToRight, .right),
        (.center, .leftToRight, .center),
        (.leading, .rightToLeft, .right),
        (.trailing, .rightToLeft, .left),
        (.center, .rightToLeft, .center),
    ])
    func placesTextHorizontally(
        alignment: TextStyle.Alignment,
        direction: TextStyle.Direction,
        expected: PhysicalAlignment
    ) throws {
        for wraps in [true, false] {
            // Given
            let style = TextStyle(
                fontFamily: "Noto Naskh Arabic, Noto Sans",
                pixelSize: 28,
                alignment: alignment,
                direction: direction,
                language: direction == .rightToLeft ? "ar" : "en",
                wraps: wraps
            )
            let text = direction == .rightToLeft ? "شكرا لك" : "Thank you"

            // When
            let drawn = try inkOf(text, style: style)

            // Then
            let left = Double(drawn.x) - frame.minX
            let right = frame.maxX - Double(drawn.x + drawn.width)
            switch expected {
            case .left: #expect(left < 8 && right > 150, "wraps: \(wraps)")
            case .right: #expect(right < 8 && left > 150, "wraps: \(wraps)")
            case .center: #expect(abs(left - right) < 8, "wraps: \(wraps)")
            }
        }
    }

    /// Should wrap long text at the frame's width, and keep it on one line when the style does not wrap.
    @Test func wrapsAtTheFrameWidth() {
        // Given
        let text = "Please tell us how your care was today on the ward"
        let wrapping = TextStyle(pixelSize: 24)
        let single = TextStyle(pixelSize: 24, wraps: false)

        // When
        let wrapped = measurer.measure(text, style: wrapping, maxWidth: 200)
        let unwrapped = measurer.measure(text, style: single, maxWidth: 200)

        // Then
        #expect(wrapped.lineCount >= 3)
        #expect(wrapped.size.width <= 200)
        #expect(unwrapped.lineCount == 1)
        #expect(unwrapped.size.width > 400)
    }

    /// Should space baselines by the style's line spacing times the natural line height (the first line keeps its
    /// natural height, as in Pango).
    @Test func spacesLinesByTheLineSpacing() {
        // Given
        let text = "First line\nSecond line\nThird line"
        let tight = TextStyle(pixelSize: 24, lineSpacing: 1.0)
        let loose = TextStyle(pixelSize: 24, lineSpacing: 1.5)

        // When
        let oneLine = measurer.measure("First line", style: loose, maxWidth: 400).size.height
        let tightHeight = measurer.measure(text, style: tight, maxWidth: 400).size.height
        let looseHeight = measurer.measure(text, style: loose, maxWidth: 400).size.height

        // Then
        let ratio = (looseHeight - oneLine) / (tightHeight - oneLine)
        #expect(abs(ratio - 1.5) < 0.01, "\(tightHeight) → \(looseHeight), one line \(oneLine)")
    }

    /// Should draw the same pixels from renderers on several threads sharing one measurer.
    @Test func rendersConcurrentlyWithASharedMeasurer() async throws {
        // Given
        let size = PixelSize(width: 320, height: 200)
        let list = SampleScreens.survey(size: size, selected: 4, question: "آج آپ کی دیکھ بھال کیسی تھی؟ Oak 7")
        let reference = RasterImage(size: size)
        try CairoRenderer(image: reference, measurer: measurer).render(list)
        let shared = measurer

        // When
        let differences = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    let image = RasterImage(size: size)
                    try CairoRenderer(image: image, measurer: shared).render(list)
                    return try ImageComparison.exact.compare(image, to: reference).differingPixelCount
                }
            }
            var all: [Int] = []
            for try await difference in group { all.append(difference) }
            return all
        }

        // Then
        #expect(differences == Array(repeating: 0, count: 6))
    }
}
