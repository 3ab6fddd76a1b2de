// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

@testable import KioskRendering

struct TextRenderingTests {
    private let white = Color(hex: 0xFFFFFF)
    private let ink = Color(hex: 0x212B32)
    private let measurer = PangoTextMeasurer()

    private func textList(_ box: TextBox, size: PixelSize, bounds: Rect? = nil) -> DrawList {
        DrawList(
            size: size,
            background: white,
            items: [DrawItem(id: "text", bounds: bounds ?? box.frame, command: .text(box))]
        )
    }

    /// Should find a font for every character of every launch language and draw it inside its frame.
    @Test(arguments: LaunchLanguage.all)
    func everyLaunchLanguageRendersWithoutMissingGlyphs(language: LaunchLanguage) throws {
        // Given
        let size = PixelSize(width: 640, height: 240)
        let metrics = measurer.measure(language.sample, style: language.style, maxWidth: 600)
        let frame = Rect(x: 20, y: 20, width: 600, height: metrics.size.height)
        let box = TextBox(text: language.sample, frame: frame, style: language.style, color: ink)
        let list = textList(box, size: size, bounds: Rect(x: 0, y: 0, width: 640, height: 240))
        let image = RasterImage(size: size)

        // When
        try CairoRenderer(image: image, measurer: measurer).render(list)
        let issues = measurer.fitIssues(in: list)

        // Then
        #expect(measurer.unknownGlyphCount(language.sample, style: language.style) == 0)
        #expect(issues.isEmpty, "\(issues)")
        let drawn = try #require(
            image.inkBounds(in: PixelRect(x: 0, y: 0, width: 640, height: 240), background: white.opaquePixel)
        )
        #expect(Double(drawn.x) >= frame.minX - 1 && Double(drawn.x + drawn.width) <= frame.maxX + 1)
        #expect(Double(drawn.y) >= frame.minY - 1 && Double(drawn.y + drawn.height) <= frame.maxY + 1)
        #expect(drawn.width > 100)
    }

    /// Should report characters that no installed font has.
    @Test func reportsMissingGlyphs() {
        // Given
        let style = TextStyle(pixelSize: 24)
        let text = "Ward \u{10FFFD}\u{10FFFC}"
        let box = TextBox(text: text, frame: Rect(x: 0, y: 0, width: 400, height: 100), style: style, color: ink)

        // When
        let issues = measurer.fitIssues(in: textList(box, size: PixelSize(width: 400, height: 100)))

        // Then
        #expect(measurer.unknownGlyphCount(text, style: style) == 2)
        #expect(issues.count == 1)
        #expect(issues.first?.hasMissingGlyphs == true)
        #expect(issues.first?.overflowsFrame == false)
    }

    /// Should put right-to-left text against the right edge with leading alignment, and left-to-right text against
    /// the left edge, whether or not it wraps.
    @Test(arguments: [true, false])
    func leadingAlignmentFollowsTheDirection(wraps: Bool) throws {
        let size = PixelSize(width: 600, height: 120)
        let frame = Rect(x: 20, y: 10, width: 560, height: 100)
        let area = PixelRect(x: 0, y: 0, width: 600, height: 120)
        let samples: [(text: String, family: String, language: String, direction: TextStyle.Direction)] = [
            ("آپ کا شکریہ", "Noto Nastaliq Urdu", "ur", .rightToLeft),
            ("شكرا لك", "Noto Naskh Arabic", "ar", .rightToLeft),
            ("Thank you", "Noto Sans", "en", .leftToRight),
        ]
        for sample in samples {
            // Given
            let style = TextStyle(
                fontFamily: sample.family,
                pixelSize: 36,
                lineSpacing: 1.5,
                alignment: .leading,
                direction: sample.direction,
                language: sample.language,
                wraps: wraps
            )
            let image = RasterImage(size: size)

            // When
            try CairoRenderer(image: image, measurer: measurer)
                .render(textList(TextBox(text: sample.text, frame: frame, style: style, color: ink), size: size))

            // Then
            let drawn = try #require(image.inkBounds(in: area, background: white.opaquePixel))
            let leftGap = Double(drawn.x) - frame.minX
            let rightGap = frame.maxX - Double(drawn.x + drawn.width)
            if sample.direction == .rightToLeft {
                #expect(rightGap < 8, "\(sample.text) ends \(rightGap) px from the right edge")
                #expect(leftGap > 200, "\(sample.text) starts \(leftGap) px from the left edge")
            } else {
                #expect(leftGap < 8, "\(sample.text) starts \(leftGap) px from the left edge")
                #expect(rightGap > 200, "\(sample.text) ends \(rightGap) px from the right edge")
            }
        }
    }

    /// Should lay out an Urdu sentence holding a Latin ward name and a number in bidi order: Urdu from the right,
    /// and the ward name with its number (a number after a Latin word joins its run) from left to right.
    @Test func mixedBidiKeepsLatinAndDigitsLeftToRight() {
        // Given
        let text = "وارڈ Oak 12 میں خوش آمدید"
        let style = TextStyle(
            fontFamily: "Noto Nastaliq Urdu, Noto Sans",
            pixelSize: 32,
            lineSpacing: 1.5,
            direction: .rightToLeft,
            language: "ur",
            wraps: false
        )
        let box = TextBox(text: text, frame: Rect(x: 0, y: 0, width: 700, height: 120), style: style, color: ink)
        let characters = Array(text)

        // When
        let frames = measurer.characterFrames(of: box)

        // Then
        #expect(frames.count == characters.count)
        func frame(of character: Character) -> Rect { frames[characters.firstIndex(of: character)!] }
        let o = frame(of: "O")
        let a = frame(of: "a")
        let k = frame(of: "k")
        let one = frame(of: "1")
        let two = frame(of: "2")
        let firstUrdu = frames[0]
        let lastUrdu = frames[characters.count - 1]
        #expect(o.minX < a.minX && a.minX < k.minX)
        #expect(k.maxX <= one.minX && one.minX < two.minX, "\"Oak 12\" reads left to right")
        #expect(firstUrdu.minX >= two.maxX, "the first Urdu word comes before (right of) the ward name")
        #expect(lastUrdu.maxX <= o.minX, "the last Urdu word comes after (left of) the ward name")
        #expect(measurer.unknownGlyphCount(text, style: style) == 0)
    }

    /// Should keep a number's digits left to right at the end of a right-to-left sentence, left of the words.
    @Test func numberInRightToLeftTextKeepsItsDigitOrder() {
        // Given
        let text = "وارڈ نمبر 27"
        let style = TextStyle(
            fontFamily: "Noto Nastaliq Urdu, Noto Sans",
            pixelSize: 32,
            direction: .rightToLeft,
            language: "ur",
            wraps: false
        )
        let box = TextBox(text: text, frame: Rect(x: 0, y: 0, width: 500, height: 100), style: style, color: ink)

        // When
        let frames = measurer.characterFrames(of: box)

        // Then
        let two = frames[text.count - 2]
        let seven = frames[text.count - 1]
        #expect(two.maxX <= seven.minX + 0.5)
        #expect(frames[0].minX > seven.maxX)
    }

    /// Should set Urdu in Nastaliq when the family list asks for it: its stacked forms stand taller than Naskh.
    @Test func urduUsesTheRequestedNastaliqFamily() {
        // Given
        let text = "آپ کی دیکھ بھال کیسی تھی"
        let nastaliq = TextStyle(
            fontFamily: "Noto Nastaliq Urdu",
            pixelSize: 32,
            direction: .rightToLeft,
            language: "ur"
        )
        let naskh = TextStyle(fontFamily: "Noto Naskh Arabic", pixelSize: 32, direction: .rightToLeft, language: "ur")

        // When
        let tall = measurer.measure(text, style: nastaliq, maxWidth: 2000)
        let flat = measurer.measure(text, style: naskh, maxWidth: 2000)

        // Then
        #expect(tall.size.height > flat.size.height * 1.2)
    }

    /// Should draw Nastaliq at line spacing 1.5 exactly within a frame sized by the measurer, and flag a smaller frame.
    @Test func nastaliqFitsTheMeasuredFrame() throws {
        // Given
        let text = "براہ کرم ہمیں بتائیں کہ آج وارڈ میں آپ کی دیکھ بھال کیسی رہی"
        let style = TextStyle(
            fontFamily: "Noto Nastaliq Urdu, Noto Sans",
            pixelSize: 30,
            lineSpacing: 1.5,
            alignment: .center,
            direction: .rightToLeft,
            language: "ur"
        )
        let metrics = measurer.measure(text, style: style, maxWidth: 360)
        let frame = Rect(x: 40, y: 30, width: 360, height: metrics.size.height)
        let size = PixelSize(width: 440, height: Int(metrics.size.height) + 100)
        let wholeImage = Rect(x: 0, y: 0, width: 440, height: Double(size.height))
        let list = textList(TextBox(text: text, frame: frame, style: style, color: ink), size: size, bounds: wholeImage)
        let tight = Rect(x: frame.minX, y: frame.minY, width: frame.width, height: frame.height - 6)
        let tooSmall = textList(TextBox(text: text, frame: tight, style: style, color: ink), size: size)
        let image = RasterImage(size: size)

        // When
        try CairoRenderer(image: image, measurer: measurer).render(list)
        let extent = measurer.drawnExtent(of: TextBox(text: text, frame: frame, style: style, color: ink))

        // Then
        #expect(metrics.lineCount >= 2)
        #expect(abs(extent.height - metrics.size.height) < 0.01)
        #expect(abs(extent.minY - frame.minY) < 0.01)
        #expect(measurer.fitIssues(in: list).isEmpty)
        let drawn = try #require(
            image.inkBounds(in: PixelRect(x: 0, y: 0, width: 440, height: size.height), background: white.opaquePixel)
        )
        #expect(Double(drawn.y) >= frame.minY - 1)
        #expect(Double(drawn.y + drawn.height) <= frame.maxY + 1)
        #expect(Double(drawn.height) > metrics.size.height * 0.7)
        let issues = measurer.fitIssues(in: tooSmall)
        #expect(issues.count == 1)
        #expect(issues.first?.overflowsFrame == true)
        #expect(issues.first?.hasMissingGlyphs == false)
    }

    /// Should flag a label that is too wide for its unwrapped frame.
    @Test func flagsUnwrappedTextWiderThanItsFrame() {
        // Given
        let style = TextStyle(pixelSize: 24, wraps: false)
        let fits = TextBox(text: "Next", frame: Rect(x: 0, y: 0, width: 200, height: 40), style: style, color: ink)
        let tooWide = TextBox(
            text: "Continue to the next question",
            frame: Rect(x: 0, y: 50, width: 120, height: 40),
            style: style,
            color: ink
        )
        let list = DrawList(
            size: PixelSize(width: 200, height: 100),
            background: white,
            items: [
                DrawItem(id: "fits", bounds: fits.frame, command: .text(fits)),
                DrawItem(id: "too-wide", bounds: tooWide.frame, command: .text(tooWide)),
            ]
        )

        // When
        let issues = measurer.fitIssues(in: list)

        // Then
        #expect(issues.map(\.itemID) == ["too-wide"])
        #expect(issues.first?.overflowsFrame == true)
    }

    /// Should measure the same sizes from several threads at once as from one.
    @Test func measuresConcurrently() async {
        // Given
        let samples = LaunchLanguage.all
        let expected = samples.map { measurer.measure($0.sample, style: $0.style, maxWidth: 300) }
        let fresh = PangoTextMeasurer()

        // When
        let results = await withTaskGroup(of: (Int, TextMetrics).self) { group in
            for _ in 0..<4 {
                for (index, sample) in samples.enumerated() {
                    group.addTask {
                        (index, fresh.measure(sample.sample, style: sample.style, maxWidth: 300))
                    }
                }
            }
            var results: [(Int, TextMetrics)] = []
            for await result in group { results.append(result) }
            return results
        }

        // Then
        #expect(results.count == samples.count * 4)
        for (index, metrics) in results {
            #expect(metrics == expected[index], "\(samples[index].name)")
        }
    }
}
