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
    let writeDescriptor: Int32

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

    func closeWriter() {
        if writeDescriptor >= 0 { close(writeDescriptor) }
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

final class Messages: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
