// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

@Suite struct TapRecognizerTests {
    /// Two targets side by side on a 100×100 screen: "left" covers x < 40, "right" covers x ≥ 60.
    func target(at point: Point) -> String? {
        if point.x < 40 { return "left" }
        if point.x >= 60 { return "right" }
        return nil
    }

    func frame(_ points: [(Double, Double)], _ milliseconds: Int64) -> TouchFrame {
        TouchFrame(
            contacts: points.enumerated().map { TouchContact(id: $0.offset, x: $0.element.0, y: $0.element.1) },
            timestamp: .milliseconds(milliseconds)
        )
    }

    func run(_ frames: [TouchFrame], recognizer: inout TapRecognizer<String>) -> [TapRecognizer<String>.Event] {
        frames.compactMap { recognizer.handle($0, screenSize: Size(width: 100, height: 100), targetAt: target(at:)) }
    }

    @Test func aTapTakesEffectOnReleaseInsideTheSameTarget() {
        var recognizer = TapRecognizer<String>()
        // Pressing alone does nothing
        #expect(run([frame([(0.1, 0.5)], 0)], recognizer: &recognizer).isEmpty)
        // Releasing activates, at the last position
        let events = run([frame([(0.2, 0.5)], 50), frame([], 90)], recognizer: &recognizer)
        #expect(events == [.activate("left", at: Point(x: 20, y: 50))])
    }

    @Test func releasingOutsideThePressedTargetCancels() {
        var recognizer = TapRecognizer<String>()
        let events = run([frame([(0.1, 0.5)], 0), frame([(0.8, 0.5)], 50), frame([], 100)], recognizer: &recognizer)
        #expect(events.isEmpty)
        // Sliding back in before release still counts
        let back = run(
            [frame([(0.1, 0.5)], 1000), frame([(0.5, 0.5)], 1050), frame([(0.3, 0.5)], 1080), frame([], 1100)],
            recognizer: &recognizer
        )
        #expect(back == [.activate("left", at: Point(x: 30, y: 50))])
    }

    @Test func anyFrameWithTwoContactsCancelsTheGestureAsAPalm() {
        var recognizer = TapRecognizer<String>()
        let events = run(
            [frame([(0.1, 0.5)], 0), frame([(0.1, 0.5), (0.3, 0.6)], 20), frame([(0.1, 0.5)], 40), frame([], 60)],
            recognizer: &recognizer
        )
        #expect(events.isEmpty)
        // The next clean tap works
        let next = run([frame([(0.9, 0.5)], 1000), frame([], 1050)], recognizer: &recognizer)
        #expect(next == [.activate("right", at: Point(x: 90, y: 50))])
    }

    @Test(arguments: [100, 299, 300, 450])
    func aSecondActivationWithinThreeHundredMillisecondsIsIgnored(gap: Int64) {
        var recognizer = TapRecognizer<String>()
        let first = run([frame([(0.1, 0.5)], 0), frame([], 50)], recognizer: &recognizer)
        let second = run([frame([(0.9, 0.5)], 50 + gap - 10), frame([], 50 + gap)], recognizer: &recognizer)
        #expect(first.count == 1)
        #expect(second.count == (gap < 300 ? 0 : 1))
    }

    @Test func aTapWhereThereIsNoTargetIsReportedAsBackground() {
        var recognizer = TapRecognizer<String>()
        let events = run([frame([(0.5, 0.5)], 0), frame([], 30)], recognizer: &recognizer)
        #expect(events == [.background(at: Point(x: 50, y: 50))])
    }

    @Test func thePalmRuleAppliesThroughTheKiosk() {
        var kiosk = KioskStateMachine.test()
        let frame = kiosk.layout.target(.language)!.frame
        let x = (frame.x + frame.width / 2) / 1280
        let y = (frame.y + frame.height / 2) / 800
        _ = kiosk.touch(TouchFrame(contacts: [TouchContact(id: 1, x: x, y: y)], timestamp: .seconds(10)))
        _ = kiosk.touch(
            TouchFrame(
                contacts: [TouchContact(id: 1, x: x, y: y), TouchContact(id: 2, x: 0.5, y: 0.5)],
                timestamp: .seconds(10)
            )
        )
        _ = kiosk.touch(TouchFrame(contacts: [], timestamp: .seconds(11)))
        #expect(kiosk.screen == .question)
    }
}
