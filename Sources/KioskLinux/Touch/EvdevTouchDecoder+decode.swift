// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

extension EvdevTouchDecoder {
    /// Runs `events` through the decoder, re-synchronising from `state` whenever events were dropped, and returns
    /// the frames in order.
    public mutating func decode(
        _ events: some Sequence<InputEvent>,
        state: some EvdevStateQuerying
    ) throws -> [TouchFrame] {
        var frames: [TouchFrame] = []
        for event in events {
            switch consume(event) {
            case .none:
                break
            case .frame(let frame):
                frames.append(frame)
            case .resynchronise(let timestamp):
                frames.append(try resynchronise(from: state, timestamp: timestamp))
            }
        }
        return frames
    }
}
