// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Synchronization

/// An `AudioPrompter` that records what it was asked to play, for tests and the demo.
public final class InMemoryAudioPrompter: AudioPrompter {
    private let state = Mutex<(played: [AudioPrompt], playing: AudioPrompt?)>(([], nil))

    public init() {}

    public func play(_ prompt: AudioPrompt) {
        state.withLock {
            $0.played.append(prompt)
            $0.playing = prompt
        }
    }

    public func stop() {
        state.withLock { $0.playing = nil }
    }

    /// Every prompt played, in order.
    public var played: [AudioPrompt] { state.withLock { $0.played } }

    /// The prompt playing now, if any.
    public var playing: AudioPrompt? { state.withLock { $0.playing } }
}
