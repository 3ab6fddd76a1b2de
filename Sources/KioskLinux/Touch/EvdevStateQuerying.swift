// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Reads a touchscreen's current state, to re-synchronise after the kernel dropped events (`SYN_DROPPED`).
public protocol EvdevStateQuerying {
    /// The value of multitouch axis `code` in each of the first `slots` slots (`EVIOCGMTSLOTS`).
    func slotValues(code: UInt16, slots: Int) throws -> [Int32]
    /// The current value of absolute axis `code` (`EVIOCGABS`).
    func axisValue(code: UInt16) throws -> Int32
    /// Whether key or button `code` is down (`EVIOCGKEY`).
    func isKeyDown(code: UInt16) throws -> Bool
}

/// A touchscreen's state saved at one instant, as stored with a recording.
///
/// Missing slot values read as -1 for `ABS_MT_TRACKING_ID` (no contact) and 0 otherwise; missing axes read as 0 and
/// missing keys as up.
public struct EvdevStateSnapshot: EvdevStateQuerying, Hashable, Sendable {
    /// Per multitouch axis code, the value in each slot.
    public var slots: [UInt16: [Int32]]
    /// Per absolute axis code, its value.
    public var axes: [UInt16: Int32]
    /// The key and button codes that are down.
    public var keysDown: Set<UInt16>

    public init(slots: [UInt16: [Int32]] = [:], axes: [UInt16: Int32] = [:], keysDown: Set<UInt16> = []) {
        self.slots = slots
        self.axes = axes
        self.keysDown = keysDown
    }

    public func slotValues(code: UInt16, slots count: Int) -> [Int32] {
        let missing: Int32 = code == InputEvent.AbsoluteCode.multitouchTrackingID ? -1 : 0
        let stored = slots[code] ?? []
        return (0..<count).map { $0 < stored.count ? stored[$0] : missing }
    }

    public func axisValue(code: UInt16) -> Int32 {
        axes[code] ?? 0
    }

    public func isKeyDown(code: UInt16) -> Bool {
        keysDown.contains(code)
    }
}
