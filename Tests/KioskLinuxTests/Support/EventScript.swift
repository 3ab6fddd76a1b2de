// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskLinux

/// Builds evdev event streams the way real touchscreen drivers emit them, advancing a clock between reports.
struct EventScript {
    private(set) var events: [InputEvent] = []
    private(set) var time: Duration

    init(startingAt time: Duration = .seconds(5_000) + .microseconds(250)) {
        self.time = time
    }

    mutating func absolute(_ code: UInt16, _ value: Int32) {
        events.append(.absolute(code, value, at: time))
    }

    mutating func key(_ code: UInt16, _ value: Int32) {
        events.append(.key(code, value, at: time))
    }

    mutating func miscellaneous(_ code: UInt16, _ value: Int32) {
        events.append(InputEvent(time: time, type: InputEvent.EventType.miscellaneous, code: code, value: value))
    }

    /// Ends a frame with `SYN_REPORT` and moves the clock on by one report interval.
    mutating func report(after interval: Duration = .milliseconds(8)) {
        events.append(.report(at: time))
        time += interval
    }

    mutating func dropped() {
        events.append(.dropped(at: time))
    }

    // MARK: - Multitouch protocol B

    mutating func slot(_ slot: Int32) { absolute(InputEvent.AbsoluteCode.multitouchSlot, slot) }

    mutating func down(slot: Int32, trackingID: Int32, x: Int32, y: Int32) {
        self.slot(slot)
        absolute(InputEvent.AbsoluteCode.multitouchTrackingID, trackingID)
        absolute(InputEvent.AbsoluteCode.multitouchPositionX, x)
        absolute(InputEvent.AbsoluteCode.multitouchPositionY, y)
    }

    mutating func move(slot: Int32, x: Int32?, y: Int32?) {
        self.slot(slot)
        if let x { absolute(InputEvent.AbsoluteCode.multitouchPositionX, x) }
        if let y { absolute(InputEvent.AbsoluteCode.multitouchPositionY, y) }
    }

    mutating func lift(slot: Int32) {
        self.slot(slot)
        absolute(InputEvent.AbsoluteCode.multitouchTrackingID, -1)
    }

    /// The pointer emulation multitouch drivers add (`BTN_TOUCH`, `ABS_X`, `ABS_Y`), which the decoder ignores
    /// on multitouch devices.
    mutating func emulation(touching: Bool?, x: Int32, y: Int32) {
        if let touching { key(InputEvent.KeyCode.touch, touching ? 1 : 0) }
        absolute(InputEvent.AbsoluteCode.x, x)
        absolute(InputEvent.AbsoluteCode.y, y)
    }
}
