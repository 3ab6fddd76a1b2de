// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension InputEvent {
    /// Bytes of one `struct input_event` on 64-bit Linux: a `timeval` of two 64-bit fields, then type, code and
    /// value, all in the machine's (little-endian) byte order.
    public static let byteCount = 24

    /// The events in `bytes`, and how many bytes they used (a trailing partial event is left for later).
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> (events: [InputEvent], consumed: Int) {
        let count = bytes.count / byteCount
        var events: [InputEvent] = []
        events.reserveCapacity(count)
        for index in 0..<count {
            let base = index * byteCount
            let seconds = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: base, as: Int64.self))
            let microseconds = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: base + 8, as: Int64.self))
            let type = UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: base + 16, as: UInt16.self))
            let code = UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: base + 18, as: UInt16.self))
            let value = Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: base + 20, as: Int32.self))
            let time = Duration.seconds(seconds) + Duration.microseconds(microseconds)
            events.append(InputEvent(time: time, type: type, code: code, value: value))
        }
        return (events, count * byteCount)
    }

    /// The events in `bytes`, ignoring a trailing partial event.
    public static func decode(_ bytes: [UInt8]) -> [InputEvent] {
        bytes.withUnsafeBytes { decode($0).events }
    }

    /// The `struct input_event` bytes of `events`.
    public static func encode(_ events: [InputEvent]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(events.count * byteCount)
        for event in events {
            let (seconds, attoseconds) = event.time.components
            append(seconds.littleEndian, to: &bytes)
            append((attoseconds / 1_000_000_000_000).littleEndian, to: &bytes)
            append(event.type.littleEndian, to: &bytes)
            append(event.code.littleEndian, to: &bytes)
            append(event.value.littleEndian, to: &bytes)
        }
        return bytes
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }
}
