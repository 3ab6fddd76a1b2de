// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import KioskRendering
import KioskUI
import Testing

/// The answer screen and the thank-you screen as people with colour vision deficiencies, or a greyscale display, see
/// them (requirements 10, 19 and 20), measured on screenshots rendered with the kiosk's real fonts.
@Suite struct ColourVisionScreenTests {
    /// ΔE*ab of about 2.3 is the smallest difference seen with two patches side by side in good light. A patient must
    /// see at a glance, on a panel viewed at an angle under ward lighting, which answer is chosen, so the selected
    /// answer's fill must differ from the others by at least 10: several times the just-noticeable difference, and
    /// the level at which two flat colours are told apart without comparing them closely.
    static let minimumSelectionDifference = 10.0
    /// Requirement 19: text contrast at least 7:1 (WCAG 2 level AAA).
    static let minimumTextContrast = 7.0
    /// Requirement 19: control edges at least 3:1 (WCAG 2.2, 1.4.11 non-text contrast).
    static let minimumEdgeContrast = 3.0

    /// The answer screen with an answer chosen, in each golden language and panel, and as each simulation shows it.
    static let answerScreens = ScreenCase.goldenPanels("answer-selected")

    private func seen(
        _ screenCase: ScreenCase,
        as simulation: ColorVisionSimulation
    ) throws -> (
        screen: SampleScreen, image: RasterImage
    ) {
        let screen = try #require(screenCase.screen)
        let image = try ScreenRenderer.render(screen.layout.drawList, on: screen.panel)
        return (screen, simulation.apply(to: image))
    }

    private func buttons(on screen: SampleScreen) throws -> (selected: AnswerButton, others: [AnswerButton]) {
        let selectedRating = try #require(screen.state.selectedRating)
        let all = FFTRating.allCases.compactMap { AnswerButton($0, in: screen.layout) }
        try #require(all.count == 6, "\(screen.label) does not show the six answers")
        let selected = try #require(all.first { $0.rating == selectedRating })
        return (selected, all.filter { $0.rating != selectedRating })
    }

    /// Should keep the chosen answer's fill clearly apart from the unchosen answers' fill.
    @Test(arguments: ColorVisionSimulation.allCases, answerScreens)
    func selectedAnswerStandsOutFromTheOthers(simulation: ColorVisionSimulation, screenCase: ScreenCase) throws {
        // Given
        let (screen, image) = try seen(screenCase, as: simulation)
        let (selected, others) = try buttons(on: screen)
        try #require(selected.fillRegion.area >= 40, "\(screen.label): no clear fill area on the selected answer")

        // When
        let selectedFill = ColorContrast.meanColor(of: image, in: selected.fillRegion)
        let differences = others.map { other in
            ColorContrast.difference(selectedFill, ColorContrast.meanColor(of: image, in: other.fillRegion))
        }

        // Then
        let smallest = differences.min() ?? 0
        // In greyscale the NHS selected yellow (#FFEB3B) and the pale grey of the other answers (#F0F4F5) are nearly
        // the same lightness, so only the chosen answer's heavier outline and bold label tell it apart.
        withKnownIssue("the selected yellow and the unselected pale grey have almost the same lightness") {
            #expect(
                smallest >= Self.minimumSelectionDifference,
                "\(screen.label) in \(simulation): the chosen fill differs from another answer's by ΔE \(smallest)"
            )
        } when: {
            simulation == .greyscale
        }
    }

    /// Should keep the chosen answer's outline at 3:1 or more against its fill, so that the choice shows in
    /// lightness alone.
    @Test(arguments: ColorVisionSimulation.allCases, answerScreens)
    func selectedAnswerOutlineContrastsWithItsFill(simulation: ColorVisionSimulation, screenCase: ScreenCase) throws {
        // Given
        let (screen, image) = try seen(screenCase, as: simulation)
        let (selected, _) = try buttons(on: screen)
        try #require(selected.outlineRegion.area >= 20, "\(screen.label): the outline is too thin to measure")

        // When
        let ratio = ColorContrast.ratio(in: image, between: selected.outlineRegion, and: selected.fillRegion)

        // Then
        #expect(ratio >= Self.minimumEdgeContrast, "\(screen.label) in \(simulation): outline contrast \(ratio):1")
    }

    /// Should keep every answer label at 7:1 or more against its button, chosen or not.
    @Test(arguments: ColorVisionSimulation.allCases, answerScreens)
    func answerLabelsKeepTheirContrast(simulation: ColorVisionSimulation, screenCase: ScreenCase) throws {
        // Given
        let (screen, image) = try seen(screenCase, as: simulation)
        let (selected, others) = try buttons(on: screen)

        for button in [selected] + others {
            // When
            let fill = ColorContrast.meanColor(of: image, in: button.fillRegion)
            let ink = image.textInk(in: button.labelRegion, on: fill)
            let ratio = contrastRatio(ink.luminance, ColorContrast.relativeLuminance(fill))

            // Then
            #expect(ink.pixelCount >= 10, "\(screen.label): no ink found for the label of \(button.rating)")
            #expect(
                ratio >= Self.minimumTextContrast,
                "\(screen.label) in \(simulation): the label of \(button.rating) has contrast \(ratio):1"
            )
        }
    }

    /// Should measure a low contrast and no selection when the labels are grey and the chosen answer is not filled, so
    /// that the checks above can fail.
    @Test func measurementsSeeGreyLabelsAndAnUnfilledChoice() throws {
        // Given
        let screen = try #require(SampleScreen.named("answer-selected", .english, on: .sevenInchLandscape))
        var list = screen.layout.drawList
        for index in list.items.indices where list.items[index].id.hasPrefix("answer.") {
            switch list.items[index].command {
            case .text(var box):
                box.color = NHSPalette.midGrey
                list.items[index].command = .text(box)
            case .rectangle(let rect, let radius, _, let stroke, let lineWidth):
                list.items[index].command = .rectangle(
                    rect,
                    cornerRadius: radius,
                    fill: NHSPalette.paleGrey,
                    stroke: stroke,
                    lineWidth: lineWidth
                )
            case .path:
                break
            }
        }
        let image = try ScreenRenderer.render(list, on: screen.panel)
        let (selected, others) = try buttons(on: screen)

        // When
        let selectedFill = ColorContrast.meanColor(of: image, in: selected.fillRegion)
        let difference = ColorContrast.difference(
            selectedFill,
            ColorContrast.meanColor(of: image, in: others[0].fillRegion)
        )
        let ratio = contrastRatio(
            image.textInk(in: selected.labelRegion, on: selectedFill).luminance,
            ColorContrast.relativeLuminance(selectedFill)
        )

        // Then
        #expect(difference < 1)
        #expect(ratio < Self.minimumTextContrast && ratio > 4, "mid grey on pale grey measured at \(ratio):1")
    }

    /// Should draw the same thank-you screen, pixel for pixel, whichever answer was given (requirement 10).
    @Test(arguments: ScreenCase.goldenPanels("thank-you"))
    func thankYouScreenIsTheSameForEveryRating(screenCase: ScreenCase) throws {
        var images: [(rating: FFTRating, image: RasterImage)] = []
        for rating in FFTRating.allCases {
            // Given
            var kiosk = KioskStateMachine(
                settings: KioskSettings(defaultLanguage: screenCase.language),
                panel: screenCase.panel.geometry,
                measurer: PangoTextMeasurer.shared,
                environment: KioskEnvironment(
                    makeID: { UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 1)) },
                    wallClock: { Date(timeIntervalSince1970: 1_790_000_000) },
                    timeZone: TimeZone(identifier: "Europe/London")!
                ),
                now: .seconds(100)
            )

            // When
            _ = kiosk.activate(.start, now: .seconds(101))
            _ = kiosk.activate(.answer(rating), now: .seconds(102))
            _ = kiosk.activate(.next, now: .seconds(103))
            let actions = kiosk.activate(.skip, now: .seconds(104))

            // Then
            let submitted = actions.compactMap { action -> KioskResponse? in
                if case .submit(let response) = action { response } else { nil }
            }
            #expect(submitted.map(\.rating) == [rating], "\(screenCase): \(actions)")
            #expect(kiosk.screen == .thankYou)
            images.append((rating, try ScreenRenderer.render(kiosk.drawList, on: screenCase.panel)))
        }
        let first = try #require(images.first)
        for other in images.dropFirst() {
            let difference = try ImageComparison.exact.compare(other.image, to: first.image)
            #expect(
                difference.differingPixelCount == 0,
                "\(screenCase): thanks after \(other.rating) differ from thanks after \(first.rating): \(difference)"
            )
        }
    }
}
