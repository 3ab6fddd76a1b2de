// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

@Suite struct AppearanceTests {
    @Test func contrastMatchesWCAGReferenceValues() {
        #expect(abs(Color(hex: 0x000000).contrastRatio(with: Color(hex: 0xFFFFFF)) - 21) < 1e-9)
        #expect(abs(Color(hex: 0x777777).contrastRatio(with: Color(hex: 0xFFFFFF)) - 4.48) < 0.01)
        #expect(abs(NHSPalette.blue.contrastRatio(with: NHSPalette.white) - 6.37) < 0.05)
        #expect(NHSPalette.white.contrastRatio(with: NHSPalette.white) == 1)
    }

    /// The colour painted under a text box: the last filled rectangle drawn before it that contains its centre.
    func background(of item: DrawItem, in list: DrawList) -> Color {
        guard case .text(let box) = item.command else { return list.background }
        let centre = Point(x: box.frame.x + box.frame.width / 2, y: box.frame.y + box.frame.height / 2)
        var colour = list.background
        for other in list.items {
            if other.id == item.id { break }
            if case .rectangle(let rect, _, let fill?, _, _) = other.command, rect.contains(centre) { colour = fill }
        }
        return colour
    }

    @Test(arguments: TestPanels.all.map(\.name))
    func textContrastIsAtLeastSevenAndEdgesAtLeastThree(panelName: String) {
        let panel = TestPanels.all.first { $0.name == panelName }!.panel
        let engine = KioskLayoutEngine(panel: panel)
        for language in [KioskLanguage.english, .arabic, .bengali] {
            for sample in KioskStateMachine.sampleStates(settings: KioskSettings(), language: language, panel: panel) {
                let list = engine.layout(sample.state).drawList
                for item in list.items {
                    let behind = background(of: item, in: list)
                    switch item.command {
                    case .text(let box):
                        let ratio = box.color.contrastRatio(with: behind)
                        #expect(ratio >= 7, "\(sample.name) \(item.id): \(ratio)")
                    case .rectangle(_, _, let fill, let stroke?, _):
                        // A button's edge against what is around it
                        let around = background(of: item, in: list)
                        let ratio = stroke.contrastRatio(with: fill == nil ? list.background : around)
                        #expect(
                            stroke.contrastRatio(with: NHSPalette.white) >= 3 || ratio >= 3,
                            "\(sample.name) \(item.id)"
                        )
                        #expect(stroke.contrastRatio(with: fill ?? list.background) >= 3, "\(sample.name) \(item.id)")
                    default:
                        break
                    }
                }
            }
        }
    }

    @Test func everyFaceIsDrawnInTheSameColourWithADifferentMouth() {
        let layout = KioskLayoutEngine(panel: TestPanels.tenInch).layout(KioskViewState())
        var mouths: [[PathElement]] = []
        var colours = Set<Color>()
        for rating in FFTRating.allCases {
            for item in layout.drawList.items where item.id.hasPrefix("answer.\(rating.rawValue).face") {
                guard case .path(let elements, let fill, let stroke, _) = item.command else { continue }
                if let fill { colours.insert(fill) }
                if let stroke { colours.insert(stroke) }
                if item.id.hasSuffix(".mouth") {
                    // Compare shapes relative to the face's position
                    let origin = layout.target(.answer(rating))!.frame
                    mouths.append(elements.map { translate($0, by: Point(x: -origin.x, y: -origin.y)) })
                }
            }
        }
        #expect(colours == [NHSPalette.text])
        #expect(mouths.count == 6)
        #expect(Set(mouths).count == 6)
    }

    func translate(_ element: PathElement, by offset: Point) -> PathElement {
        func move(_ p: Point) -> Point { Point(x: (p.x + offset.x).rounded(), y: (p.y + offset.y).rounded()) }
        switch element {
        case .move(let p): return .move(to: move(p))
        case .line(let p): return .line(to: move(p))
        case .curve(let p, let a, let b): return .curve(to: move(p), control1: move(a), control2: move(b))
        case .arc(let c, let r, let s, let e): return .arc(center: move(c), radius: r, startAngle: s, endAngle: e)
        case .close: return .close
        }
    }

    @Test func theSelectedAnswerIsYellowWithDarkText() {
        let layout = KioskLayoutEngine(panel: TestPanels.tenInch).layout(KioskViewState(selectedRating: .poor))
        let button = layout.drawList.items.first { $0.id == "answer.4" }!
        guard case .rectangle(_, _, let fill, _, _) = button.command else {
            Issue.record("the answer is not a rectangle")
            return
        }
        #expect(fill == NHSPalette.yellow)
        #expect(layout.drawList.texts["answer.4.label"]?.color == NHSPalette.text)
        #expect(layout.drawList.texts["answer.4.label"]?.style.weight == .bold)
    }

    @Test(arguments: [KioskLanguage.urdu, .arabic])
    func rightToLeftLanguagesMirrorTheLayout(language: KioskLanguage) {
        // Given the same screen in English and in a right-to-left language
        let engine = KioskLayoutEngine(panel: TestPanels.portrait(TestPanels.tenInch))
        let english = engine.layout(KioskViewState(screen: .answers))
        let mirrored = engine.layout(KioskViewState(screen: .answers, language: language))
        let width = Double(engine.panel.size.width)
        // Then the answers' faces are on the right and their text is set right to left, to the left of the face
        for rating in FFTRating.allCases {
            let ltrFace = english.drawList.items.first { $0.id == "answer.\(rating.rawValue).face" }!.bounds
            let rtlFace = mirrored.drawList.items.first { $0.id == "answer.\(rating.rawValue).face" }!.bounds
            #expect(ltrFace.x + ltrFace.width / 2 < width / 2)
            #expect(rtlFace.x + rtlFace.width / 2 > width / 2)
            let label = mirrored.drawList.texts["answer.\(rating.rawValue).label"]!
            #expect(label.style.direction == .rightToLeft)
            #expect(label.style.alignment == .leading)
            #expect(label.frame.maxX <= rtlFace.minX + 2)
        }
        // And the Language and Listen buttons swap sides
        let ltrLanguage = english.target(.language)!.frame
        let rtlLanguage = mirrored.target(.language)!.frame
        #expect(ltrLanguage.x > width / 2 && rtlLanguage.maxX < width / 2)
        #expect(mirrored.target(.next)!.frame.maxX < width / 2)
    }
}
