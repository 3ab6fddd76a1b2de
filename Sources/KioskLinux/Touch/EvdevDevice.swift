// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CEvdev
import Glibc

/// An opened touchscreen: its descriptor (non-blocking), what libevdev says about its axes, and the ioctls that
/// read its current state for re-synchronisation.
final class EvdevDevice: EvdevStateQuerying {
    let path: String
    let descriptor: Int32
    let description: TouchDeviceDescription

    /// Opens `path` non-blocking and checks that it is a touchscreen. Does not grab it yet.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TouchInputError(code: .cannotOpen, device: path, message: "cannot open", systemError: errno)
        }
        do {
            self.description = try Self.describe(descriptor: descriptor, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    private static func describe(descriptor: Int32, path: String) throws -> TouchDeviceDescription {
        var handle: OpaquePointer?
        let result = libevdev_new_from_fd(descriptor, &handle)
        guard result == 0, let handle else {
            throw TouchInputError(
                code: .cannotOpen,
                device: path,
                message: "libevdev cannot read the device",
                systemError: -result
            )
        }
        defer { libevdev_free(handle) }
        let name = libevdev_get_name(handle).map { String(cString: $0) } ?? "touchscreen"
        let absolute = UInt32(InputEvent.EventType.absolute)
        func has(_ code: UInt16) -> Bool { libevdev_has_event_code(handle, absolute, UInt32(code)) != 0 }
        func range(_ code: UInt16) -> AxisRange {
            AxisRange(
                minimum: libevdev_get_abs_minimum(handle, UInt32(code)),
                maximum: libevdev_get_abs_maximum(handle, UInt32(code))
            )
        }
        let isDirect = libevdev_has_property(handle, 0x01) != 0  // INPUT_PROP_DIRECT
        let isPointer = libevdev_has_property(handle, 0x00) != 0  // INPUT_PROP_POINTER: a touchpad
        let hasTouchButton =
            libevdev_has_event_code(handle, UInt32(InputEvent.EventType.key), UInt32(InputEvent.KeyCode.touch)) != 0
        guard isDirect || !isPointer else {
            throw TouchInputError(code: .notATouchscreen, device: path, message: "\(name) is a touchpad")
        }
        let code = InputEvent.AbsoluteCode.self
        if has(code.multitouchSlot), has(code.multitouchTrackingID), has(code.multitouchPositionX),
            has(code.multitouchPositionY)
        {
            let slots = max(1, Int(libevdev_get_num_slots(handle)))
            return TouchDeviceDescription(
                kind: .multitouch(slots: slots),
                x: range(code.multitouchPositionX),
                y: range(code.multitouchPositionY),
                name: name
            )
        }
        if has(code.x), has(code.y), hasTouchButton {
            return TouchDeviceDescription(kind: .singleTouch, x: range(code.x), y: range(code.y), name: name)
        }
        throw TouchInputError(code: .notATouchscreen, device: path, message: "\(name) has no touchscreen axes")
    }

    func slotValues(code: UInt16, slots: Int) throws -> [Int32] {
        var values = [Int32](repeating: 0, count: slots)
        guard EvdevIoctl.multitouchSlots(descriptor, code: code, into: &values) else {
            throw failure("EVIOCGMTSLOTS")
        }
        return values
    }

    func axisValue(code: UInt16) throws -> Int32 {
        guard let value = EvdevIoctl.axisValue(descriptor, code: code) else { throw failure("EVIOCGABS") }
        return value
    }

    func isKeyDown(code: UInt16) throws -> Bool {
        guard let down = EvdevIoctl.isKeyDown(descriptor, code: code) else { throw failure("EVIOCGKEY") }
        return down
    }

    /// Takes the device for the kiosk alone (`EVIOCGRAB`), so no console or other reader sees the touches.
    func grab() throws {
        guard EvdevIoctl.grab(descriptor) else { throw failure("EVIOCGRAB") }
    }

    /// Asks for `CLOCK_MONOTONIC` timestamps (`EVIOCSCLOCKID`).
    func useMonotonicClock() throws {
        guard EvdevIoctl.useMonotonicClock(descriptor) else { throw failure("EVIOCSCLOCKID") }
    }

    private func failure(_ request: String) -> TouchInputError {
        TouchInputError(code: .ioctlFailed, device: path, message: "\(request) failed", systemError: errno)
    }
}
