// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Glibc
import KioskLinux
import KioskUI
import Testing

/// The committed recordings and the generators they were written from.
let committedRecordings: [(name: String, generate: @Sendable () -> TouchRecording)] = [
    ("tap", TouchStreams.tap),
    ("dropped-mid-gesture", TouchStreams.droppedMidGesture),
    ("single-touch-drag", TouchStreams.singleTouchDrag),
]

/// The path of a committed recording's events file.
func recordingPath(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "events", subdirectory: "Recordings"))
    return url.path
}

@Suite("Touch recordings")
struct TouchRecordingTests {
    let directory = TemporaryDirectory()

    @Test("events are 24-byte input_event records in the kernel's layout")
    func eventLayout() {
        // Given
        let event = InputEvent.absolute(0x35, -2, at: .seconds(7) + .microseconds(123_456))

        // When
        let bytes = InputEvent.encode([event])

        // Then
        #expect(bytes.count == 24)
        #expect(Array(bytes[0..<8]) == [7, 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(bytes[8..<16]) == [0x40, 0xE2, 0x01, 0, 0, 0, 0, 0])
        #expect(Array(bytes[16..<24]) == [3, 0, 0x35, 0, 0xFE, 0xFF, 0xFF, 0xFF])
        #expect(InputEvent.decode(bytes) == [event])
    }

    @Test("a recording survives writing and reading back", arguments: committedRecordings.map(\.name))
    func roundTrip(name: String) throws {
        // Given
        let recording = try #require(committedRecordings.first { $0.name == name }).generate()
        let path = directory.file("\(name).events")

        // When
        try recording.write(eventsPath: path)
        let read = try TouchRecording(eventsPath: path)

        // Then
        #expect(read == recording)
        #expect(TemporaryDirectory.bytes(of: path).count == recording.events.count * 24)
    }

    @Test(
        "each committed recording holds exactly what its generator produces",
        arguments: committedRecordings.map(\.name)
    )
    func committedMatchesGenerator(name: String) throws {
        // Given
        let generated = try #require(committedRecordings.first { $0.name == name }).generate()

        // When
        let committed = try TouchRecording(eventsPath: try recordingPath(name))

        // Then
        #expect(committed == generated)
    }

    @Test("a replayed recording yields the decoded frames through the TouchInput stream")
    func replaysTap() async throws {
        // Given
        let input = try RecordedTouchInput(eventsPath: try recordingPath("tap"))

        // When
        var frames: [TouchFrame] = []
        for await frame in input.frames() { frames.append(frame) }

        // Then
        #expect(contacts(frames) == [[Contact(101, raw(1024), raw(2048))], [Contact(101, raw(1027), raw(2048))], []])
    }

    @Test("the overflow recording re-syncs from its stored snapshot when replayed")
    func replaysDroppedEvents() async throws {
        // Given
        let input = try RecordedTouchInput(eventsPath: try recordingPath("dropped-mid-gesture"), rotation: .half)

        // When
        var frames: [TouchFrame] = []
        for await frame in input.frames() { frames.append(frame) }

        // Then the re-synced frame has both fingers from the snapshot, turned half way round
        #expect(frames.count == 4)
        #expect(frames[1].contacts.map(\.id) == [31, 32])
        let turned = TouchContact(id: 32, x: 1 - 3500.0 / 4095, y: 1 - 400.0 / 4095)
        #expect(Contact(frames[1].contacts[1]) == Contact(turned))
    }

    @Test("the single-touch recording replays with its offset axis ranges")
    func replaysSingleTouch() async throws {
        // Given
        let input = try RecordedTouchInput(eventsPath: try recordingPath("single-touch-drag"))

        // When
        var frames: [TouchFrame] = []
        for await frame in input.frames() { frames.append(frame) }

        // Then
        #expect(contacts(frames) == [[Contact(0, 0.1, 0.1)], [Contact(0, 0.27, 0.257)], [Contact(0, 0.5, 0.5)], []])
    }

    @Test("a malformed sidecar is refused with its line number")
    func malformedSidecar() throws {
        // Given
        let path = directory.file("bad.events")
        try TouchStreams.tap().write(eventsPath: path)
        let sidecar = TouchRecording.sidecarPath(forEventsPath: path)
        let text = "kind multitouch 10\nx 0 4095\ny 0\n"
        let descriptor = open(sidecar, O_WRONLY | O_TRUNC)
        _ = text.utf8CString.withUnsafeBytes { write(descriptor, $0.baseAddress, text.utf8.count) }
        close(descriptor)

        // When / Then
        let error = #expect(throws: TouchInputError.self) { try TouchRecording(eventsPath: path) }
        #expect(error?.code == .invalidRecording)
        #expect(error?.message.hasPrefix("line 3") == true)
    }

    /// Rewrites the committed recordings from their generators when `KIOSK_WRITE_RECORDINGS` names the
    /// `Tests/KioskLinuxTests/Recordings` directory.
    @Test(
        "regenerate the committed recordings",
        .enabled(if: ProcessInfo.processInfo.environment["KIOSK_WRITE_RECORDINGS"] != nil)
    )
    func regenerate() throws {
        let target = try #require(ProcessInfo.processInfo.environment["KIOSK_WRITE_RECORDINGS"])
        for (name, generate) in committedRecordings {
            try generate().write(eventsPath: "\(target)/\(name).events")
        }
    }
}
