// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// What the touch decoder needs to know about a touchscreen: how it reports touches and the range of its axes.
public struct TouchDeviceDescription: Hashable, Sendable {
    /// How the device reports touches.
    public enum Kind: Hashable, Sendable {
        /// Multitouch protocol B: `ABS_MT_SLOT`, `ABS_MT_TRACKING_ID` and `ABS_MT_POSITION_X/Y`, with this
        /// many slots.
        case multitouch(slots: Int)
        /// One contact: `ABS_X`, `ABS_Y` and `BTN_TOUCH`.
        case singleTouch
    }

    public var kind: Kind
    /// The range of `ABS_MT_POSITION_X` (multitouch) or `ABS_X` (single touch).
    public var x: AxisRange
    /// The range of `ABS_MT_POSITION_Y` or `ABS_Y`.
    public var y: AxisRange
    /// The device's name, for logs.
    public var name: String

    public init(kind: Kind, x: AxisRange, y: AxisRange, name: String = "touchscreen") {
        self.kind = kind
        self.x = x
        self.y = y
        self.name = name
    }
}
