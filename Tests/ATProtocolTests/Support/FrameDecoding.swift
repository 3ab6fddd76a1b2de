// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import NIOCore

/// The chunk sizes every decoder test runs with.
let chunkSizes = [1, 2, 3, 64]

/// Feeds `bytes` through an ``ATLineDecoder`` in chunks of `chunkSize`, then flushes it as at end of input.
func decodeFrames(
    _ bytes: [UInt8],
    chunkSize: Int,
    maximumLineLength: Int = ATLineDecoder.defaultMaximumLineLength
) throws -> [ATFrame] {
    let processor = NIOSingleStepByteToMessageProcessor(
        ATLineDecoder(maximumLineLength: maximumLineLength),
        maximumBufferSize: maximumLineLength + 64
    )
    var frames: [ATFrame] = []
    var start = 0
    while start < bytes.count {
        let end = min(start + chunkSize, bytes.count)
        try processor.process(buffer: ByteBuffer(bytes: bytes[start..<end])) { frames.append($0) }
        start = end
    }
    try processor.finishProcessing(seenEOF: true) { frames.append($0) }
    return frames
}

/// Like ``decodeFrames(_:chunkSize:maximumLineLength:)`` for ASCII text.
func decodeFrames(_ text: String, chunkSize: Int) throws -> [ATFrame] {
    try decodeFrames(Array(text.utf8), chunkSize: chunkSize)
}

/// The lines of `frames`, as text.
func lineTexts(_ frames: [ATFrame]) -> [String] {
    frames.compactMap { frame in
        if case .line(let line) = frame { return line.text }
        return nil
    }
}
