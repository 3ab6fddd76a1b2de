// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// One evdev event: a `struct input_event` with its timestamp, type, code and value.
public struct InputEvent: Hashable, Sendable {
    /// The kernel's timestamp (`CLOCK_MONOTONIC` once the clock is set), from seconds and microseconds.
    public var time: Duration
    public var type: UInt16
    public var code: UInt16
    public var value: Int32

    public init(time: Duration, type: UInt16, code: UInt16, value: Int32) {
        self.time = time
        self.type = type
        self.code = code
        self.value = value
    }

    /// An `EV_ABS` event.
    public static func absolute(_ code: UInt16, _ value: Int32, at time: Duration) -> InputEvent {
        InputEvent(time: time, type: EventType.absolute, code: code, value: value)
    }

    /// An `EV_KEY` event (1 down, 0 up).
    public static func key(_ code: UInt16, _ value: Int32, at time: Duration) -> InputEvent {
        InputEvent(time: time, type: EventType.key, code: code, value: value)
    }

    /// `SYN_REPORT`: the end of one frame.
    public static func report(at time: Duration) -> InputEvent {
        InputEvent(time: time, type: EventType.synchronisation, code: SynchronisationCode.report, value: 0)
    }

    /// `SYN_DROPPED`: the kernel's buffer overflowed and events were lost.
    public static func dropped(at time: Duration) -> InputEvent {
        InputEvent(time: time, type: EventType.synchronisation, code: SynchronisationCode.dropped, value: 0)
    }

    /// Event types from the kernel's `input-event-codes.h` (stable ABI).
    public enum EventType {
        public static let synchronisation: UInt16 = 0x00
        public static let key: UInt16 = 0x01
        public static let absolute: UInt16 = 0x03
        public static let miscellaneous: UInt16 = 0x04
    }

    /// `EV_SYN` codes.
    public enum SynchronisationCode {
        public static let report: UInt16 = 0
        public static let dropped: UInt16 = 3
    }

    /// `EV_KEY` codes the touch decoder uses.
    public enum KeyCode {
        public static let touch: UInt16 = 0x14a
    }

    /// `EV_ABS` codes the touch decoder uses.
    public enum AbsoluteCode {
        public static let x: UInt16 = 0x00
        public static let y: UInt16 = 0x01
        public static let multitouchSlot: UInt16 = 0x2f
        public static let multitouchPositionX: UInt16 = 0x35
        public static let multitouchPositionY: UInt16 = 0x36
        public static let multitouchTrackingID: UInt16 = 0x39
    }
}
