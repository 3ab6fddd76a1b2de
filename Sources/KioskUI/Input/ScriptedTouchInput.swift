// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Touches fed in by a program (tests, the demo) instead of a touchscreen: the in-memory twin of evdev input.
public final class ScriptedTouchInput: TouchInput {
    private let stream: AsyncStream<TouchFrame>
    private let continuation: AsyncStream<TouchFrame>.Continuation

    public init() {
        (stream, continuation) = AsyncStream<TouchFrame>.makeStream()
    }

    /// The frames fed so far and from now on; one consumer.
    public func frames() -> AsyncStream<TouchFrame> { stream }

    /// A finger pressed and lifted at `point` (logical pixels) on a screen of `size`.
    public func tap(_ point: Point, on size: PixelSize) {
        let contact = TouchContact(id: 1, x: point.x / Double(size.width), y: point.y / Double(size.height))
        continuation.yield(TouchFrame(contacts: [contact], timestamp: .zero))
        continuation.yield(TouchFrame(contacts: [], timestamp: .zero))
    }

    /// Feeds one frame as it is.
    public func send(_ frame: TouchFrame) {
        continuation.yield(frame)
    }

    /// Ends the input, as unplugging the touchscreen would.
    public func finish() {
        continuation.finish()
    }
}
