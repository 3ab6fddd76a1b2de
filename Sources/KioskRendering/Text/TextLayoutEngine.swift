// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Synchronization

/// Lays out text with Pango for both measuring and drawing, so that what is measured is exactly what is drawn.
///
/// All Pango work happens while holding one lock, which makes the engine safe to share between threads; text is
/// laid out one piece at a time.
final class TextLayoutEngine: Sendable {
    private let state = Mutex(TextLayoutState())

    /// Calls `body` with the layout of `text` in `style`, wrapped at `width` pixels (unwrapped when nil).
    ///
    /// The layout must not escape `body`: it belongs to the engine's cache and is only valid under the lock.
    func withLayout<Result: Sendable>(
        _ text: String,
        style: TextStyle,
        width: Double?,
        _ body: (LaidOutText) -> Result
    ) -> Result {
        state.withLock { state in
            body(state.layout(text, style: style, width: width))
        }
    }

    /// Calls `body` with the layout of `box` as it is drawn and the point where its top-left corner goes.
    func withPlacedLayout<Result: Sendable>(
        _ box: TextBox,
        _ body: (LaidOutText, Point) -> Result
    ) -> Result {
        withLayout(box.text, style: box.style, width: box.style.wraps ? box.frame.width : nil) { laidOut in
            body(laidOut, laidOut.origin(in: box.frame, style: box.style))
        }
    }
}
