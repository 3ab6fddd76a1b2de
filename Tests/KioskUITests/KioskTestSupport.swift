// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import KioskUI
import Synchronization

/// The panels the kiosk must work on, in both orientations.
enum TestPanels {
    static let sevenInch = PanelGeometry(
        size: PixelSize(width: 800, height: 480),
        millimetres: Size(width: 154.2, height: 85.9)
    )
    static let tenInch = PanelGeometry(
        size: PixelSize(width: 1280, height: 800),
        millimetres: Size(width: 216.96, height: 135.6)
    )

    static func portrait(_ panel: PanelGeometry) -> PanelGeometry {
        PanelGeometry(
            size: PixelSize(width: panel.size.height, height: panel.size.width),
            millimetres: Size(width: panel.millimetres.height, height: panel.millimetres.width)
        )
    }

    static let all: [(name: String, panel: PanelGeometry)] = [
        ("7in-landscape", sevenInch), ("7in-portrait", portrait(sevenInch)),
        ("10in-landscape", tenInch), ("10in-portrait", portrait(tenInch)),
    ]
}

/// A wall clock and identifier source that tests move by hand.
final class TestWorld: Sendable {
    private let state = Mutex<(date: Date, next: UInt8)>((Date(timeIntervalSince1970: 1_790_000_000), 0))

    var environment: KioskEnvironment {
        KioskEnvironment(
            makeID: { [self] in
                state.withLock {
                    $0.next &+= 1
                    return UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, $0.next))
                }
            },
            wallClock: { [self] in state.withLock { $0.date } },
            timeZone: TimeZone(identifier: "Europe/London")!
        )
    }

    func advance(_ seconds: Double) {
        state.withLock { $0.date = $0.date.addingTimeInterval(seconds) }
    }

    var now: Date { state.withLock { $0.date } }
}

extension KioskStateMachine {
    /// A kiosk on a 10-inch landscape panel with a test clock.
    static func test(
        settings: KioskSettings = KioskSettings(wardName: "Ward 7", trustODSCode: "RXX", siteCode: "RXX01"),
        panel: PanelGeometry = TestPanels.tenInch,
        world: TestWorld = TestWorld(),
        previousSubmission: Date? = nil,
        now: Duration = .seconds(1000)
    ) -> KioskStateMachine {
        KioskStateMachine(
            settings: settings,
            panel: panel,
            environment: world.environment,
            previousSubmission: previousSubmission,
            now: now
        )
    }

    /// Taps the middle of `target`, which must be on screen.
    mutating func press(_ target: KioskTargetID, at now: Duration) -> [KioskAction] {
        guard let frame = layout.target(target)?.frame else {
            preconditionFailure("\(target) is not on the \(screen) screen")
        }
        return tap(at: Point(x: frame.x + frame.width / 2, y: frame.y + frame.height / 2), now: now)
    }

    /// Fires `timer` at its deadline and returns the actions and that deadline.
    mutating func fire(_ timer: KioskTimer) -> (actions: [KioskAction], at: Duration) {
        guard let deadline = deadlines[timer] else { preconditionFailure("\(timer) is not scheduled") }
        return (timerFired(timer, now: deadline), deadline)
    }
}

extension [KioskAction] {
    var submissions: [KioskResponse] {
        compactMap {
            if case .submit(let response) = $0 { return response }
            return nil
        }
    }
}

extension DrawList {
    /// Text items by id.
    var texts: [String: TextBox] {
        var result: [String: TextBox] = [:]
        for item in items {
            if case .text(let box) = item.command { result[item.id] = box }
        }
        return result
    }
}
