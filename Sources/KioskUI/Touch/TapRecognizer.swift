// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Turns touch frames into activations, following WCAG 2.5.2: a target is activated when the finger lifts inside the
/// same target it went down on.
///
/// Any frame with two or more contacts cancels the gesture until every finger has lifted (a palm or a second hand),
/// and an activation sooner than `debounceInterval` after the previous one is ignored.
public struct TapRecognizer<Target: Hashable & Sendable>: Sendable {
    /// What a completed tap hit.
    public enum Event: Hashable, Sendable {
        /// Pressed and released inside `target`.
        case activate(Target, at: Point)
        /// Pressed and released where there is no target.
        case background(at: Point)
    }

    public var debounceInterval: Duration
    private var pressTarget: Target??
    private var lastPoint: Point?
    private var cancelled = false
    private var lastActivation: Duration?

    public init(debounceInterval: Duration = .milliseconds(300)) {
        self.debounceInterval = debounceInterval
    }

    /// Whether a finger is down on a gesture that could still complete.
    public var isTracking: Bool { lastPoint != nil && !cancelled }

    /// Feeds one frame. Contacts are normalised, so they are scaled by `screenSize`; `targetAt` hit-tests a point.
    public mutating func handle(
        _ frame: TouchFrame,
        screenSize: Size,
        targetAt: (Point) -> Target?
    ) -> Event? {
        if frame.contacts.count >= 2 {
            cancelled = true
            pressTarget = nil
            lastPoint = nil
            return nil
        }
        if let contact = frame.contacts.first {
            guard !cancelled else { return nil }
            let point = Point(x: contact.x * screenSize.width, y: contact.y * screenSize.height)
            if lastPoint == nil { pressTarget = .some(targetAt(point)) }
            lastPoint = point
            return nil
        }
        // Every finger lifted.
        defer {
            cancelled = false
            pressTarget = nil
            lastPoint = nil
        }
        guard !cancelled, let point = lastPoint, let pressed = pressTarget else { return nil }
        let released = targetAt(point)
        guard pressed == released else { return nil }
        if let last = lastActivation, frame.timestamp - last < debounceInterval { return nil }
        lastActivation = frame.timestamp
        if let target = released { return .activate(target, at: point) }
        return .background(at: point)
    }

    /// Forgets any gesture in progress (for example when the screen changes under the finger).
    public mutating func cancelGesture() {
        if lastPoint != nil { cancelled = true }
        pressTarget = nil
        lastPoint = nil
    }
}
