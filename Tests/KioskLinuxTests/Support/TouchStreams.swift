// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskLinux

/// Realistic touchscreen sessions, generated (not captured) to match what the Linux drivers of common panel
/// controllers emit. The committed recordings under `Recordings/` were written from these.
enum TouchStreams {
    /// A 12-bit multitouch panel with ten slots, like most USB and I2C touch controllers.
    static let multitouchPanel = TouchDeviceDescription(
        kind: .multitouch(slots: 10),
        x: AxisRange(minimum: 0, maximum: 4095),
        y: AxisRange(minimum: 0, maximum: 4095),
        name: "Generated multitouch panel"
    )

    /// A resistive single-touch panel with an offset range, like an ADS7846.
    static let singleTouchPanel = TouchDeviceDescription(
        kind: .singleTouch,
        x: AxisRange(minimum: 200, maximum: 3900),
        y: AxisRange(minimum: 300, maximum: 3800),
        name: "Generated resistive panel"
    )

    /// One finger taps at a quarter across and half way down, wobbling by a few units, then lifts.
    static func tap() -> TouchRecording {
        var script = EventScript()
        script.down(slot: 0, trackingID: 101, x: 1024, y: 2048)
        script.emulation(touching: true, x: 1024, y: 2048)
        script.miscellaneous(0x05, 1000)  // MSC_TIMESTAMP, ignored
        script.report()
        script.move(slot: 0, x: 1027, y: nil)
        script.emulation(touching: nil, x: 1027, y: 2048)
        script.report()
        script.lift(slot: 0)
        script.emulation(touching: false, x: 1027, y: 2048)
        script.report()
        return TouchRecording(device: multitouchPanel, events: script.events)
    }

    /// One finger drags from the left edge to the right edge along the middle in `steps` reports.
    static func drag(steps: Int = 16) -> TouchRecording {
        var script = EventScript()
        script.down(slot: 0, trackingID: 7, x: 0, y: 2048)
        script.report()
        for step in 1...steps {
            script.move(slot: 0, x: Int32(4095 * step / steps), y: nil)
            script.report()
        }
        script.lift(slot: 0)
        script.report()
        return TouchRecording(device: multitouchPanel, events: script.events)
    }

    /// Two fingers land together (a palm), move, and lift one after the other.
    static func twoFingerPalm() -> TouchRecording {
        var script = EventScript()
        script.down(slot: 0, trackingID: 20, x: 1000, y: 1000)
        script.down(slot: 1, trackingID: 21, x: 3000, y: 3000)
        script.report()
        script.move(slot: 0, x: 1100, y: 1050)
        script.move(slot: 1, x: 3100, y: 3050)
        script.report()
        script.lift(slot: 0)
        script.report()
        script.lift(slot: 1)
        script.report()
        return TouchRecording(device: multitouchPanel, events: script.events)
    }

    /// A two-finger gesture during which the kernel's buffer overflowed: `SYN_DROPPED`, then the tail of a lost
    /// frame, then a report. While the events were lost, the first finger lifted and a third landed in slot 2; the
    /// snapshot holds the device's state at the re-sync. The gesture then continues and ends.
    static func droppedMidGesture() -> TouchRecording {
        var script = EventScript()
        script.down(slot: 0, trackingID: 30, x: 500, y: 500)
        script.down(slot: 1, trackingID: 31, x: 2000, y: 2000)
        script.report()
        script.dropped()
        // The tail of a frame the kernel was writing when the buffer overflowed: discarded.
        script.move(slot: 1, x: 9, y: 9)
        script.lift(slot: 1)
        script.report()
        // After re-syncing, slot 2's finger moves and the reports carry on normally.
        script.move(slot: 2, x: 3600, y: 400)
        script.report()
        script.lift(slot: 1)
        script.lift(slot: 2)
        script.report()
        var slots: [UInt16: [Int32]] = [:]
        slots[InputEvent.AbsoluteCode.multitouchTrackingID] = [-1, 31, 32, -1, -1, -1, -1, -1, -1, -1]
        slots[InputEvent.AbsoluteCode.multitouchPositionX] = [500, 2100, 3500, 0, 0, 0, 0, 0, 0, 0]
        slots[InputEvent.AbsoluteCode.multitouchPositionY] = [500, 2200, 400, 0, 0, 0, 0, 0, 0, 0]
        let snapshot = EvdevStateSnapshot(slots: slots, axes: [InputEvent.AbsoluteCode.multitouchSlot: 2])
        return TouchRecording(device: multitouchPanel, snapshot: snapshot, events: script.events)
    }

    /// A resistive single-touch panel: press near the top left, drag to the centre, release.
    static func singleTouchDrag() -> TouchRecording {
        var script = EventScript()
        script.absolute(InputEvent.AbsoluteCode.x, 570)
        script.absolute(InputEvent.AbsoluteCode.y, 650)
        script.key(InputEvent.KeyCode.touch, 1)
        script.report()
        script.absolute(InputEvent.AbsoluteCode.x, 1200)
        script.absolute(InputEvent.AbsoluteCode.y, 1200)
        script.report()
        script.absolute(InputEvent.AbsoluteCode.x, 2050)
        script.absolute(InputEvent.AbsoluteCode.y, 2050)
        script.report()
        script.key(InputEvent.KeyCode.touch, 0)
        script.report()
        return TouchRecording(device: singleTouchPanel, events: script.events)
    }
}
