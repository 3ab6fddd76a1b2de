// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

@testable import KioskRendering

struct CairoRendererTests {
    private let size = PixelSize(width: 120, height: 80)
    private let white = Color(hex: 0xFFFFFF)
    private let blue = Color(hex: 0x005EB8)
    private let red = Color(hex: 0xD5281B)

    /// Should paint the background everywhere and a filled rectangle inside its edges only.
    @Test func fillsTheBackgroundAndARectangle() throws {
        // Given
        let rect = Rect(x: 10, y: 20, width: 30, height: 15)
        let list = DrawList(
            size: size,
            background: white,
            items: [
                DrawItem(
                    id: "box",
                    bounds: rect,
                    command: .rectangle(rect, cornerRadius: 0, fill: blue, stroke: nil, lineWidth: 0)
                )
            ]
        )
        let image = RasterImage(size: size)

        // When
        try CairoRenderer(image: image).render(list)

        // Then
        #expect(image.pixel(x: 0, y: 0) == 0xFFFF_FFFF)
        #expect(image.pixel(x: 119, y: 79) == 0xFFFF_FFFF)
        #expect(image.pixel(x: 10, y: 20) == 0xFF00_5EB8)
        #expect(image.pixel(x: 39, y: 34) == 0xFF00_5EB8)
        #expect(image.pixel(x: 40, y: 34) == 0xFFFF_FFFF)
        #expect(image.pixel(x: 39, y: 35) == 0xFFFF_FFFF)
        #expect(
            image.inkBounds(in: PixelRect(x: 0, y: 0, width: 120, height: 80), background: 0xFFFF_FFFF)
                == PixelRect(x: 10, y: 20, width: 30, height: 15)
        )
    }

    /// Should draw a rectangle's outline inside its edge, leaving the fill in the middle.
    @Test func strokesInsideTheRectangleEdge() throws {
        // Given
        let rect = Rect(x: 20, y: 10, width: 40, height: 40)
        let list = DrawList(
            size: size,
            background: white,
            items: [
                DrawItem(
                    id: "box",
                    bounds: rect,
                    command: .rectangle(rect, cornerRadius: 0, fill: blue, stroke: red, lineWidth: 4)
                )
            ]
        )
        let image = RasterImage(size: size)

        // When
        try CairoRenderer(image: image).render(list)

        // Then
        #expect(image.pixel(x: 20, y: 30) == red.opaquePixel)
        #expect(image.pixel(x: 23, y: 30) == red.opaquePixel)
        #expect(image.pixel(x: 24, y: 30) == blue.opaquePixel)
        #expect(image.pixel(x: 59, y: 30) == red.opaquePixel)
        #expect(image.pixel(x: 40, y: 10) == red.opaquePixel)
        #expect(image.pixel(x: 40, y: 49) == red.opaquePixel)
        #expect(image.pixel(x: 19, y: 30) == white.opaquePixel)
        #expect(image.pixel(x: 60, y: 30) == white.opaquePixel)
        #expect(image.pixel(x: 40, y: 30) == blue.opaquePixel)
    }

    /// Should round the corners: the corner pixel stays background while the edge midpoints are filled.
    @Test func roundsCorners() throws {
        // Given
        let rect = Rect(x: 10, y: 10, width: 60, height: 40)
        let list = DrawList(
            size: size,
            background: white,
            items: [
                DrawItem(
                    id: "button",
                    bounds: rect,
                    command: .rectangle(rect, cornerRadius: 12, fill: blue, stroke: nil, lineWidth: 0)
                )
            ]
        )
        let image = RasterImage(size: size)

        // When
        try CairoRenderer(image: image).render(list)

        // Then
        #expect(image.pixel(x: 10, y: 10) == white.opaquePixel)
        #expect(image.pixel(x: 69, y: 49) == white.opaquePixel)
        #expect(image.pixel(x: 10, y: 30) == blue.opaquePixel)
        #expect(image.pixel(x: 40, y: 10) == blue.opaquePixel)
        #expect(image.pixel(x: 14, y: 14) == blue.opaquePixel)
    }

    /// Should fill a closed path of lines and arcs, and stroke an open curve.
    @Test func drawsPaths() throws {
        // Given
        let circle: [PathElement] = [.arc(center: Point(x: 30, y: 40), radius: 20, startAngle: 0, endAngle: 2 * .pi)]
        let triangle: [PathElement] = [
            .move(to: Point(x: 70, y: 60)), .line(to: Point(x: 110, y: 60)), .line(to: Point(x: 90, y: 20)), .close,
        ]
        let list = DrawList(
            size: size,
            background: white,
            items: [
                DrawItem(
                    id: "circle",
                    bounds: Rect(x: 10, y: 20, width: 40, height: 40),
                    command: .path(circle, fill: blue, stroke: nil, lineWidth: 0)
                ),
                DrawItem(
                    id: "triangle",
                    bounds: Rect(x: 68, y: 18, width: 44, height: 44),
                    command: .path(triangle, fill: nil, stroke: red, lineWidth: 4)
                ),
            ]
        )
        let image = RasterImage(size: size)

        // When
        try CairoRenderer(image: image).render(list)

        // Then
        #expect(image.pixel(x: 30, y: 40) == blue.opaquePixel)
        #expect(image.pixel(x: 13, y: 23) == white.opaquePixel)
        #expect(image.pixel(x: 90, y: 60) == red.opaquePixel)
        #expect(image.pixel(x: 90, y: 45) == white.opaquePixel)
    }

    /// Should never paint outside an item's bounds, even when the shape is larger.
    @Test func clipsItemsToTheirBounds() throws {
        // Given
        let shape = Rect(x: 0, y: 0, width: 120, height: 80)
        let list = DrawList(
            size: size,
            background: white,
            items: [
                DrawItem(
                    id: "big",
                    bounds: Rect(x: 30, y: 30, width: 10, height: 10),
                    command: .rectangle(shape, cornerRadius: 0, fill: blue, stroke: nil, lineWidth: 0)
                )
            ]
        )
        let image = RasterImage(size: size)

        // When
        try CairoRenderer(image: image).render(list)

        // Then
        #expect(
            image.inkBounds(in: PixelRect(x: 0, y: 0, width: 120, height: 80), background: white.opaquePixel)
                == PixelRect(x: 30, y: 30, width: 10, height: 10)
        )
    }

    /// Should give the same pixels in the damaged area as a full render, and touch nothing outside it.
    @Test(arguments: [nil, 2] as [Int?])
    func damagedRenderMatchesFullRender(selected: Int?) throws {
        // Given
        let size = PixelSize(width: 400, height: 240)
        let before = SampleScreens.survey(size: size, selected: selected)
        let after = SampleScreens.survey(size: size, selected: 3)
        let damage = after.damage(comparedTo: before)
        let incremental = RasterImage(size: size)
        let full = RasterImage(size: size)
        let fresh = RasterImage(size: size)
        fresh.fill(with: 0x1234_5678)
        try CairoRenderer(image: incremental).render(before)

        // When
        try CairoRenderer(image: incremental).render(after, damage: damage)
        try CairoRenderer(image: full).render(after)
        try CairoRenderer(image: fresh).render(after, damage: damage)

        // Then
        #expect(!damage.isEmpty)
        #expect(damage.reduce(0) { $0 + $1.area } < size.width * size.height / 2)
        let whole = PixelRect(x: 0, y: 0, width: size.width, height: size.height)
        #expect(try ImageComparison.exact.compare(incremental, to: full).differingPixelCount == 0)
        for region in damage {
            #expect(fresh.equals(full, in: region))
        }
        var untouched = 0
        var outside = 0
        for y in 0..<size.height {
            for x in 0..<size.width where !damage.contains(where: { $0.contains(x: x, y: y) }) {
                outside += 1
                if fresh.pixel(x: x, y: y) == 0x1234_5678 { untouched += 1 }
            }
        }
        #expect(outside > 0)
        #expect(untouched == outside)
        #expect(!fresh.equals(full, in: whole))
    }

    /// Should skip items with coordinates that are not numbers, and still draw the rest, then and on later frames.
    @Test func skipsItemsWithNonFiniteGeometry() throws {
        // Given
        let good = Rect(x: 10, y: 10, width: 20, height: 20)
        let broken: [DrawItem] = [
            DrawItem(
                id: "nan-bounds",
                bounds: Rect(x: .nan, y: 0, width: 10, height: 10),
                command: .rectangle(good, cornerRadius: 0, fill: red, stroke: nil, lineWidth: 0)
            ),
            DrawItem(
                id: "infinite-arc",
                bounds: Rect(x: 0, y: 0, width: 120, height: 80),
                command: .path(
                    [.arc(center: Point(x: 60, y: 40), radius: 10, startAngle: .infinity, endAngle: 0)],
                    fill: red,
                    stroke: nil,
                    lineWidth: 0
                )
            ),
            DrawItem(
                id: "nan-text",
                bounds: Rect(x: 0, y: 0, width: 120, height: 80),
                command: .text(
                    TextBox(
                        text: "Oak",
                        frame: Rect(x: 0, y: .nan, width: 100, height: 20),
                        style: TextStyle(pixelSize: .infinity),
                        color: red
                    )
                )
            ),
        ]
        let goodItem = DrawItem(
            id: "good",
            bounds: good,
            command: .rectangle(good, cornerRadius: 0, fill: blue, stroke: nil, lineWidth: 0)
        )
        let image = RasterImage(size: size)
        let renderer = try CairoRenderer(image: image)

        // When
        renderer.render(DrawList(size: size, background: white, items: broken + [goodItem]))
        let first = image.inkBounds(in: PixelRect(x: 0, y: 0, width: 120, height: 80), background: white.opaquePixel)
        renderer.render(DrawList(size: size, background: white, items: [goodItem]))

        // Then
        #expect(first == PixelRect(x: 10, y: 10, width: 20, height: 20))
        #expect(image.pixel(x: 20, y: 20) == blue.opaquePixel)
        let issues = PangoTextMeasurer().fitIssues(in: DrawList(size: size, background: white, items: broken))
        #expect(issues.map(\.itemID) == ["nan-text"])
    }

    /// Should draw nothing when the damage lies entirely outside the image.
    @Test func ignoresDamageOutsideTheImage() throws {
        // Given
        let image = RasterImage(size: size)
        let list = DrawList(size: size, background: white)

        // When
        try CairoRenderer(image: image).render(list, damage: [PixelRect(x: 500, y: 500, width: 10, height: 10)])

        // Then
        #expect(image.inkBounds(in: PixelRect(x: 0, y: 0, width: 120, height: 80), background: 0) == nil)
    }
}

extension PixelRect {
    fileprivate func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < x + width && py >= y && py < y + height
    }
}
