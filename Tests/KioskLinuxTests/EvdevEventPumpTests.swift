// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Glibc
import KioskUI
import Synchronization
import Testing

@testable import KioskLinux

/// A pipe whose read end stands in for `/dev/input/eventN`.
final class EventPipe {
    let readDescriptor: Int32
    private(set) var writeDescriptor: Int32

    init() {
        var descriptors: [Int32] = [-1, -1]
        precondition(pipe(&descriptors) == 0)
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    deinit {
        close(readDescriptor)
        closeWriter()
    }

    func write(_ bytes: ArraySlice<UInt8>) {
        let written = bytes.withUnsafeBytes { Glibc.write(writeDescriptor, $0.baseAddress, $0.count) }
        precondition(written == bytes.count)
    }

    /// Closes the write end once, so the reader sees end of file.
    func closeWriter() {
        if writeDescriptor >= 0 { close(writeDescriptor) }
        writeDescriptor = -1
    }
}

@Suite("Evdev event pump")
struct EvdevEventPumpTests {
    @Test("events read from a descriptor in any chunking decode like the recording", arguments: [1, 7, 24, 100, 4096])
    func chunkedReads(chunkSize: Int) throws {
        // Given a drag written to a pipe in chunks, then closed like an unplugged device
        let recording = TouchStreams.drag()
        let bytes = InputEvent.encode(recording.events)
        let events = EventPipe()
        let wake = try WakePipe()
        var start = 0
        while start < bytes.count {
            events.write(bytes[start..<min(bytes.count, start + chunkSize)])
            start += chunkSize
        }
        events.closeWriter()
        var decoder = EvdevTouchDecoder(device: recording.device)

        // When
        var frames: [TouchFrame] = []
        let pump = EvdevEventPump(descriptor: events.readDescriptor, wakeDescriptor: wake.readDescriptor)
        let ending = pump.run(decoder: &decoder, state: recording.snapshot) { frames.append($0) }

        // Then
        #expect(ending == .deviceGone(systemError: nil))
        #expect(frames == (try decode(recording)))
        #expect(frames.count == 18)
        #expect(frames[16].contacts.first?.x == 1)
    }

    @Test("a device lost mid-touch releases the fingers that were down")
    func lostMidTouch() throws {
        // Given only the first frame of a two-finger gesture, then the device goes
        let recording = TouchStreams.twoFingerPalm()
        let firstReport = try #require(recording.events.firstIndex { $0.type == 0 })
        let events = EventPipe()
        let wake = try WakePipe()
        events.write(InputEvent.encode(Array(recording.events[...firstReport]))[...])
        events.closeWriter()
        var decoder = EvdevTouchDecoder(device: recording.device)

        // When
        var frames: [TouchFrame] = []
        let pump = EvdevEventPump(descriptor: events.readDescriptor, wakeDescriptor: wake.readDescriptor)
        _ = pump.run(decoder: &decoder, state: recording.snapshot) { frames.append($0) }

        // Then
        #expect(frames.map(\.contacts.count) == [2, 0])
    }

    @Test("the pump stops when woken, without waiting for input")
    func wakes() throws {
        // Given an open device with nothing to read, and a wake already signalled
        let events = EventPipe()
        let wake = try WakePipe()
        wake.signal()
        var decoder = EvdevTouchDecoder(device: TouchStreams.multitouchPanel)

        // When
        let pump = EvdevEventPump(descriptor: events.readDescriptor, wakeDescriptor: wake.readDescriptor)
        let ending = pump.run(decoder: &decoder, state: EvdevStateSnapshot()) { _ in }

        // Then
        #expect(ending == .woken)
        #expect(wake.isSignalled)
    }

    @Test("this machine's input_event is the 24 bytes the recordings use")
    func inputEventSize() {
        #expect(EvdevIoctl.inputEventSize == InputEvent.byteCount)
    }
}

@Suite("Evdev touch input")
struct EvdevTouchInputTests {
    @Test("frames keep coming after the touchscreen is unplugged and plugged back in, until the consumer stops")
    func survivesReplug() async throws {
        // Given a touchscreen that delivers a tap, goes away mid-palm, and comes back for another tap
        let finished = Flag()
        let messages = Messages()
        var palmStart = TouchStreams.twoFingerPalm()
        palmStart.events = Array(palmStart.events.prefix { $0.type != 0 }) + [.report(at: .seconds(9))]
        let sessions = [TouchStreams.tap(), palmStart, TouchStreams.tap()]
        let input = EvdevTouchInput(log: { messages.append($0) })

        // When the first eight frames are read and the consumer stops
        var frames: [TouchFrame] = []
        for await frame in input.frames(connectingWith: { ReplugConnector(sessions: sessions, finished: finished) }) {
            frames.append(frame)
            if frames.count == 8 { break }
        }

        // Then both taps arrive, the palm is released when its device goes, and the reader thread ends
        #expect(frames.map(\.contacts.count) == [1, 1, 0, 2, 0, 1, 1, 0])
        // The udev calibration (a mirror in x) applies when none is configured
        #expect(
            Contact(frames[0].contacts[0]) == Contact(TouchContact(id: 101, x: 1 - 1024.0 / 4095, y: 2048.0 / 4095))
        )
        for _ in 0..<100 where !finished.isSet { try await Task.sleep(for: .milliseconds(10)) }
        #expect(finished.isSet)
        #expect(messages.all.contains("touch input: lost session 1"))
        #expect(messages.all.contains("touch input: lost session 2"))
    }

    @Test("a character device that is not an input device is refused before any grab")
    func refusesNonInputDevice() {
        let error = #expect(throws: TouchInputError.self) { try EvdevDevice(path: "/dev/null") }
        #expect(error?.code == .cannotOpen)
        #expect(error?.device == "/dev/null")
        #expect(error?.description.contains("libevdev") == true)
    }

    @Test("a missing device is reported and the stream ends when its consumer stops")
    func missingDevice() async throws {
        // Given
        let messages = Messages()
        let input = EvdevTouchInput(devicePath: "/nonexistent/event9", log: { messages.append($0) })

        // When
        let stream = input.frames()
        let reader = Task {
            var count = 0
            for await _ in stream { count += 1 }
            return count
        }
        for _ in 0..<100 where !messages.all.contains(where: { $0.contains("/nonexistent/event9") }) {
            try await Task.sleep(for: .milliseconds(20))
        }
        reader.cancel()

        // Then
        #expect(await reader.value == 0)
        #expect(messages.all.contains { $0.contains("/nonexistent/event9: cannot open") })
    }
}

/// Plays the part of a touchscreen that is plugged in once per session: each `connect()` hands out a pipe carrying
/// the session's events, which ends like an unplugged device. After the last session it waits to be woken.
final class ReplugConnector: TouchDeviceConnecting {
    private let sessions: [TouchRecording]
    private var next = 0
    private var pipes: [EventPipe] = []
    private let finished: Flag

    init(sessions: [TouchRecording], finished: Flag) {
        self.sessions = sessions
        self.finished = finished
    }

    deinit { finished.set() }

    func connect() -> ConnectedTouchDevice? {
        guard next < sessions.count else { return nil }
        let recording = sessions[next]
        next += 1
        let pipe = EventPipe()
        pipe.write(InputEvent.encode(recording.events)[...])
        pipe.closeWriter()
        pipes.append(pipe)
        return ConnectedTouchDevice(
            path: "session \(next)",
            descriptor: pipe.readDescriptor,
            description: recording.device,
            state: recording.snapshot,
            udevProperties: ["LIBINPUT_CALIBRATION_MATRIX": "-1 0 1 0 1 0"],
            owner: pipe
        )
    }

    func waitForDevice(wake: WakePipe) {
        if next < sessions.count { return }
        wake.wait()
    }
}

final class Flag: Sendable {
    private let value = Mutex(false)

    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}

final class Messages: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
