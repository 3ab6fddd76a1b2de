// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

/// Touches replayed from a `TouchRecording` through the same decoder a real touchscreen uses, re-synchronising
/// from the recording's snapshot at each `SYN_DROPPED`.
///
/// The frames are delivered at once, in order, with their recorded timestamps; the stream then finishes.
public struct RecordedTouchInput: TouchInput {
    public let recording: TouchRecording
    public let transform: CalibrationMatrix

    /// Replays `recording` with a calibration and the panel's rotation.
    public init(recording: TouchRecording, calibration: CalibrationMatrix = .identity, rotation: Rotation = .none) {
        self.recording = recording
        self.transform = TouchCalibration.transform(calibration: calibration, rotation: rotation)
    }

    /// Replays the recording stored at `eventsPath` (see `TouchRecording`).
    public init(eventsPath: String, calibration: CalibrationMatrix = .identity, rotation: Rotation = .none) throws {
        self.init(recording: try TouchRecording(eventsPath: eventsPath), calibration: calibration, rotation: rotation)
    }

    /// Every frame of the recording, decoded.
    public func decodedFrames() -> [TouchFrame] {
        var decoder = EvdevTouchDecoder(device: recording.device, transform: transform)
        // A snapshot never fails to answer.
        return (try? decoder.decode(recording.events, state: recording.snapshot)) ?? []
    }

    public func frames() -> AsyncStream<TouchFrame> {
        let frames = decodedFrames()
        return AsyncStream(bufferingPolicy: .unbounded) { continuation in
            for frame in frames { continuation.yield(frame) }
            continuation.finish()
        }
    }
}
