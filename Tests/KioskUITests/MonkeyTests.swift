// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

/// SplitMix64: a small, seeded generator so that a failing run can be repeated.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct MonkeyTests {
    /// Lets every pending timer fire in deadline order until none is left.
    func settle(_ kiosk: inout KioskStateMachine, now: inout Duration) -> [KioskAction] {
        var actions: [KioskAction] = []
        var rounds = 0
        while let (timer, _) = kiosk.deadlines.min(by: { $0.value < $1.value }), rounds < 1000 {
            let (fired, at) = kiosk.fire(timer)
            actions += fired
            now = max(now, at)
            rounds += 1
        }
        return actions
    }

    func expectFreshStart(_ kiosk: KioskStateMachine, _ context: String) {
        #expect(kiosk.screen == .question, "\(context)")
        #expect(kiosk.language == .english, "\(context)")
        #expect(kiosk.selectedRating == nil && kiosk.committedRating == nil, "\(context)")
        #expect(kiosk.comment.isEmpty && kiosk.categories.isEmpty, "\(context)")
        #expect(kiosk.deadlines.isEmpty, "\(context)")
    }

    @Test(arguments: [(UInt64(1), TestPanels.sevenInch)])
    func oneHundredThousandRandomTapsNeverBreakTheKiosk(seed: UInt64, panel: PanelGeometry) {
        // Given a kiosk and a seeded stream of taps, palms and timer fires
        var random = SplitMix64(state: seed)
        var kiosk = KioskStateMachine.test(panel: panel)
        var now = Duration.seconds(1000)
        let width = Double(panel.size.width)
        let height = Double(panel.size.height)
        var submitted = 0
        var redraws = 0
        var smallTargets = 0
        var resets = 0
        var taps = 0
        var step = 0
        while taps < 100_000 {
            step += 1
            now += .milliseconds(Int64.random(in: 50...2500, using: &random))
            let roll = Int.random(in: 0..<100, using: &random)
            var actions: [KioskAction] = []
            if roll < 85 { taps += 2 }
            if roll < 55, let target = kiosk.layout.targets.randomElement(using: &random) {
                // A tap on a target, then one anywhere
                let frame = target.frame
                actions = kiosk.tap(at: Point(x: frame.x + frame.width / 2, y: frame.y + frame.height / 2), now: now)
                now += .milliseconds(Int64.random(in: 50...900, using: &random))
                actions += kiosk.tap(
                    at: Point(
                        x: Double.random(in: 0..<width, using: &random),
                        y: Double.random(in: 0..<height, using: &random)
                    ),
                    now: now
                )
            } else if roll < 85 {
                actions = kiosk.tap(
                    at: Point(
                        x: Double.random(in: 0..<width, using: &random),
                        y: Double.random(in: 0..<height, using: &random)
                    ),
                    now: now
                )
                actions += kiosk.tap(
                    at: Point(
                        x: Double.random(in: 0..<width, using: &random),
                        y: Double.random(in: 0..<height, using: &random)
                    ),
                    now: now + .milliseconds(200)
                )
            } else if roll < 90 {
                // A palm
                let contacts = (0..<Int.random(in: 2...4, using: &random)).map {
                    TouchContact(
                        id: $0,
                        x: Double.random(in: 0..<1, using: &random),
                        y: Double.random(in: 0..<1, using: &random)
                    )
                }
                actions = kiosk.touch(TouchFrame(contacts: contacts, timestamp: now))
                actions += kiosk.touch(TouchFrame(contacts: [], timestamp: now + .milliseconds(100)))
            } else if roll >= 96 {
                // The patient walks away: every timer runs out
                let wasActive = kiosk.isSessionActive || kiosk.screen != .question
                actions = settle(&kiosk, now: &now)
                if wasActive { resets += 1 }
                expectFreshStart(kiosk, "after walking away at step \(step)")
            } else if let (timer, deadline) = kiosk.deadlines.min(by: { $0.value < $1.value }) {
                // Time passes until the next timer
                now = max(now, deadline)
                let wasPrompting = kiosk.screen == .idlePrompt
                actions = kiosk.timerFired(timer, now: now)
                if wasPrompting && timer == .countdown && kiosk.screen != .idlePrompt {
                    // Then an idle timeout always ends on a fresh English start screen
                    resets += 1
                    expectFreshStart(kiosk, "after the idle reset at step \(step)")
                }
            }
            submitted += actions.submissions.count
            if actions.contains(.redraw) {
                redraws += 1
                if !kiosk.layout.targets.allSatisfy({ $0.millimetres.width >= 11 && $0.millimetres.height >= 11 }) {
                    smallTargets += 1
                }
            }
        }
        // And letting every timer run out returns to the start with nothing pending
        _ = settle(&kiosk, now: &now)
        expectFreshStart(kiosk, "after settling")
        #expect(submitted > 0)
        #expect(redraws > 0)
        #expect(smallTargets == 0)
        #expect(resets > 0)
    }
}
