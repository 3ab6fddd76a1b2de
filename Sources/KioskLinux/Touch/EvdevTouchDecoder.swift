// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

/// Turns a touchscreen's raw evdev events into `TouchFrame`s: one frame per `SYN_REPORT`, with every contact
/// normalised by the axis ranges, mapped through the calibration and rotation, and clamped to 0…1.
///
/// It understands multitouch protocol B (slots, tracking IDs, -1 to lift) and single-touch devices (`ABS_X`,
/// `ABS_Y`, `BTN_TOUCH`). When the kernel reports `SYN_DROPPED`, the decoder ignores everything up to and
/// including the next `SYN_REPORT` and asks to be re-synchronised from the device's current state; the frame that
/// `resynchronise(from:timestamp:)` returns then stands for the lost ones.
///
/// The decoder does no I/O: the caller reads events and, when asked, the device state.
public struct EvdevTouchDecoder: Sendable {
    /// What the caller should do after an event.
    public enum Action: Hashable, Sendable {
        /// Nothing yet.
        case none
        /// Deliver this frame.
        case frame(TouchFrame)
        /// Events were lost: read the device's state and call `resynchronise(from:timestamp:)`.
        case resynchronise(timestamp: Duration)
    }

    private struct Slot: Sendable {
        var trackingID: Int32 = -1
        var x: Int32 = 0
        var y: Int32 = 0
    }

    public let device: TouchDeviceDescription
    /// Maps a normalised device position to the logical screen.
    public let transform: CalibrationMatrix
    private var slots: [Slot]
    private var currentSlot = 0
    private var isDropping = false
    // Single-touch state.
    private var single = Slot()
    private var singleTouching = false
    private var nextSingleID: Int32 = 0

    /// A decoder for `device` whose positions go through `transform` (see
    /// `TouchCalibration/transform(calibration:rotation:)`).
    public init(device: TouchDeviceDescription, transform: CalibrationMatrix = .identity) {
        self.device = device
        self.transform = transform
        switch device.kind {
        case .multitouch(let count): self.slots = Array(repeating: Slot(), count: max(1, count))
        case .singleTouch: self.slots = []
        }
    }

    /// A decoder for `device` with a calibration and the panel's rotation.
    public init(device: TouchDeviceDescription, calibration: CalibrationMatrix, rotation: Rotation) {
        self.init(device: device, transform: TouchCalibration.transform(calibration: calibration, rotation: rotation))
    }

    /// Takes one event and says what to do next.
    public mutating func consume(_ event: InputEvent) -> Action {
        if event.type == InputEvent.EventType.synchronisation {
            switch event.code {
            case InputEvent.SynchronisationCode.dropped:
                isDropping = true
                return .none
            case InputEvent.SynchronisationCode.report:
                if isDropping {
                    isDropping = false
                    return .resynchronise(timestamp: event.time)
                }
                return .frame(currentFrame(at: event.time))
            default:
                return .none
            }
        }
        if isDropping { return .none }
        switch device.kind {
        case .multitouch: consumeMultitouch(event)
        case .singleTouch: consumeSingleTouch(event)
        }
        return .none
    }

    private mutating func consumeMultitouch(_ event: InputEvent) {
        guard event.type == InputEvent.EventType.absolute else { return }
        switch event.code {
        case InputEvent.AbsoluteCode.multitouchSlot:
            currentSlot = Int(event.value)
        case InputEvent.AbsoluteCode.multitouchTrackingID:
            if slots.indices.contains(currentSlot) { slots[currentSlot].trackingID = event.value }
        case InputEvent.AbsoluteCode.multitouchPositionX:
            if slots.indices.contains(currentSlot) { slots[currentSlot].x = event.value }
        case InputEvent.AbsoluteCode.multitouchPositionY:
            if slots.indices.contains(currentSlot) { slots[currentSlot].y = event.value }
        default:
            break
        }
    }

    private mutating func consumeSingleTouch(_ event: InputEvent) {
        switch (event.type, event.code) {
        case (InputEvent.EventType.absolute, InputEvent.AbsoluteCode.x):
            single.x = event.value
        case (InputEvent.EventType.absolute, InputEvent.AbsoluteCode.y):
            single.y = event.value
        case (InputEvent.EventType.key, InputEvent.KeyCode.touch):
            setSingleTouching(event.value != 0)
        default:
            break
        }
    }

    private mutating func setSingleTouching(_ touching: Bool) {
        if touching && !singleTouching {
            single.trackingID = nextSingleID
            nextSingleID = nextSingleID == Int32.max ? 0 : nextSingleID + 1
        }
        singleTouching = touching
    }

    /// Replaces the decoder's state with the device's current state after `SYN_DROPPED` and returns the frame
    /// it describes.
    public mutating func resynchronise(from state: some EvdevStateQuerying, timestamp: Duration) throws -> TouchFrame {
        switch device.kind {
        case .multitouch:
            let count = slots.count
            let ids = try state.slotValues(code: InputEvent.AbsoluteCode.multitouchTrackingID, slots: count)
            let xs = try state.slotValues(code: InputEvent.AbsoluteCode.multitouchPositionX, slots: count)
            let ys = try state.slotValues(code: InputEvent.AbsoluteCode.multitouchPositionY, slots: count)
            for index in 0..<count {
                slots[index] = Slot(trackingID: ids[index], x: xs[index], y: ys[index])
            }
            currentSlot = Int(try state.axisValue(code: InputEvent.AbsoluteCode.multitouchSlot))
        case .singleTouch:
            single.x = try state.axisValue(code: InputEvent.AbsoluteCode.x)
            single.y = try state.axisValue(code: InputEvent.AbsoluteCode.y)
            setSingleTouching(try state.isKeyDown(code: InputEvent.KeyCode.touch))
        }
        isDropping = false
        return currentFrame(at: timestamp)
    }

    /// The contacts down now, as the UI sees them.
    public func currentFrame(at timestamp: Duration) -> TouchFrame {
        var contacts: [TouchContact] = []
        switch device.kind {
        case .multitouch:
            for slot in slots where slot.trackingID >= 0 {
                contacts.append(contact(slot))
            }
        case .singleTouch:
            if singleTouching { contacts.append(contact(single)) }
        }
        return TouchFrame(contacts: contacts, timestamp: timestamp)
    }

    /// A frame with no contacts, for when the device goes away mid-touch.
    public mutating func releaseAll(at timestamp: Duration) -> TouchFrame {
        for index in slots.indices { slots[index].trackingID = -1 }
        singleTouching = false
        return TouchFrame(contacts: [], timestamp: timestamp)
    }

    private func contact(_ slot: Slot) -> TouchContact {
        let position = transform.apply(x: device.x.normalise(slot.x), y: device.y.normalise(slot.y))
        return TouchContact(id: Int(slot.trackingID), x: clamp(position.x), y: clamp(position.y))
    }

    private func clamp(_ value: Double) -> Double {
        value.isNaN ? 0 : min(1, max(0, value))
    }
}
