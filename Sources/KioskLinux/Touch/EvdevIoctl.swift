// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CKioskLinux
import Glibc

/// The evdev ioctls, kept apart from libevdev so the two C modules' copies of `linux/input.h` never meet.
enum EvdevIoctl {
    static func multitouchSlots(_ descriptor: Int32, code: UInt16, into values: inout [Int32]) -> Bool {
        let count = Int32(values.count)
        return values.withUnsafeMutableBufferPointer {
            ck_eviocgmtslots(descriptor, UInt32(code), $0.baseAddress, count) == 0
        }
    }

    static func axisValue(_ descriptor: Int32, code: UInt16) -> Int32? {
        var value: Int32 = 0
        var minimum: Int32 = 0
        var maximum: Int32 = 0
        guard ck_eviocgabs(descriptor, UInt32(code), &value, &minimum, &maximum) == 0 else { return nil }
        return value
    }

    static func isKeyDown(_ descriptor: Int32, code: UInt16) -> Bool? {
        let result = ck_eviocgkey_is_down(descriptor, UInt32(code))
        return result < 0 ? nil : result == 1
    }

    static func grab(_ descriptor: Int32) -> Bool {
        ck_eviocgrab(descriptor, 1) == 0
    }

    static func useMonotonicClock(_ descriptor: Int32) -> Bool {
        ck_eviocsclockid(descriptor, CLOCK_MONOTONIC) == 0
    }

    /// The size of `struct input_event` here, which the recorded format assumes is 24.
    static var inputEventSize: Int { Int(ck_input_event_size()) }
}
