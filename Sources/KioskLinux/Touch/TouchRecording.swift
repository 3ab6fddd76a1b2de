// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A recorded touchscreen session: the raw events, the device they came from and the device's state to re-sync
/// from when the recording contains `SYN_DROPPED`.
///
/// It is stored as two files: `NAME.events`, the `struct input_event`s exactly as `read(2)` returns them from
/// `/dev/input/eventN` (24 bytes each), and `NAME.device`, a short text sidecar:
///
/// ```
/// # comments start with a hash
/// name Example panel
/// kind multitouch 10        (or: kind single)
/// x 0 4095                  (axis minimum and maximum)
/// y 0 4095
/// axis 47 1                 (re-sync state: absolute axis code and value)
/// slots 57 12 -1 -1 ...     (re-sync state: multitouch axis code and per-slot values)
/// key 330                   (re-sync state: a key or button that is down)
/// ```
public struct TouchRecording: Hashable, Sendable {
    public var device: TouchDeviceDescription
    public var snapshot: EvdevStateSnapshot
    public var events: [InputEvent]

    public init(
        device: TouchDeviceDescription,
        snapshot: EvdevStateSnapshot = EvdevStateSnapshot(),
        events: [InputEvent]
    ) {
        self.device = device
        self.snapshot = snapshot
        self.events = events
    }

    /// The sidecar's path for an events file: `.events` replaced by `.device`, or `.device` appended.
    public static func sidecarPath(forEventsPath path: String) -> String {
        path.hasSuffix(".events") ? String(path.dropLast(".events".count)) + ".device" : path + ".device"
    }

    /// Reads the recording whose events are at `eventsPath` and whose sidecar is next to it.
    public init(eventsPath: String) throws {
        let sidecar = Self.sidecarPath(forEventsPath: eventsPath)
        let eventBytes: [UInt8]
        let sidecarBytes: [UInt8]
        do {
            eventBytes = try POSIXFile.read(path: eventsPath)
        } catch {
            throw TouchInputError(
                code: .cannotOpen,
                device: eventsPath,
                message: "cannot read",
                systemError: error.errno
            )
        }
        do {
            sidecarBytes = try POSIXFile.read(path: sidecar)
        } catch {
            throw TouchInputError(code: .cannotOpen, device: sidecar, message: "cannot read", systemError: error.errno)
        }
        guard eventBytes.count % InputEvent.byteCount == 0 else {
            throw TouchInputError(
                code: .invalidRecording,
                device: eventsPath,
                message: "\(eventBytes.count) bytes is not a whole number of \(InputEvent.byteCount)-byte events"
            )
        }
        let (device, snapshot) = try Self.parseSidecar(String(decoding: sidecarBytes, as: UTF8.self), path: sidecar)
        self.init(device: device, snapshot: snapshot, events: InputEvent.decode(eventBytes))
    }

    /// Writes `NAME.events` at `eventsPath` and its sidecar next to it.
    public func write(eventsPath: String) throws {
        let sidecar = Self.sidecarPath(forEventsPath: eventsPath)
        do {
            try POSIXFile.write(InputEvent.encode(events), path: eventsPath)
        } catch {
            throw TouchInputError(
                code: .cannotOpen,
                device: eventsPath,
                message: "cannot write",
                systemError: error.errno
            )
        }
        do {
            try POSIXFile.write(Array(sidecarText.utf8), path: sidecar)
        } catch {
            throw TouchInputError(code: .cannotOpen, device: sidecar, message: "cannot write", systemError: error.errno)
        }
    }

    /// The sidecar's text.
    public var sidecarText: String {
        var lines = [
            "# Touch recording: the device and its state for re-sync after SYN_DROPPED.", "name \(device.name)",
        ]
        switch device.kind {
        case .multitouch(let slots): lines.append("kind multitouch \(slots)")
        case .singleTouch: lines.append("kind single")
        }
        lines.append("x \(device.x.minimum) \(device.x.maximum)")
        lines.append("y \(device.y.minimum) \(device.y.maximum)")
        for (code, value) in snapshot.axes.sorted(by: { $0.key < $1.key }) {
            lines.append("axis \(code) \(value)")
        }
        for (code, values) in snapshot.slots.sorted(by: { $0.key < $1.key }) {
            lines.append("slots \(code) " + values.map(String.init).joined(separator: " "))
        }
        for code in snapshot.keysDown.sorted() {
            lines.append("key \(code)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses a sidecar's text.
    static func parseSidecar(_ text: String, path: String) throws -> (TouchDeviceDescription, EvdevStateSnapshot) {
        var name = "touchscreen"
        var kind: TouchDeviceDescription.Kind?
        var x: AxisRange?
        var y: AxisRange?
        var snapshot = EvdevStateSnapshot()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingPrefix(while: { $0 == " " })
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: " ")
            let keyword = String(fields[0])
            let numbers = fields.dropFirst().compactMap { Int32($0) }
            func invalid(_ reason: String) -> TouchInputError {
                TouchInputError(code: .invalidRecording, device: path, message: "line \(index + 1): \(reason)")
            }
            switch keyword {
            case "name":
                name = fields.dropFirst().joined(separator: " ")
            case "kind":
                if fields.count == 2 && fields[1] == "single" {
                    kind = .singleTouch
                } else if fields.count == 3 && fields[1] == "multitouch", let slots = Int(fields[2]), slots > 0 {
                    kind = .multitouch(slots: slots)
                } else {
                    throw invalid("expected \"kind single\" or \"kind multitouch SLOTS\"")
                }
            case "x", "y":
                guard fields.count == 3, numbers.count == 2 else { throw invalid("expected \"\(keyword) MIN MAX\"") }
                let range = AxisRange(minimum: numbers[0], maximum: numbers[1])
                if keyword == "x" { x = range } else { y = range }
            case "axis":
                guard fields.count == 3, numbers.count == 2, let code = UInt16(fields[1]) else {
                    throw invalid("expected \"axis CODE VALUE\"")
                }
                snapshot.axes[code] = numbers[1]
            case "slots":
                guard fields.count >= 2, numbers.count == fields.count - 1, let code = UInt16(fields[1]) else {
                    throw invalid("expected \"slots CODE VALUE...\"")
                }
                snapshot.slots[code] = Array(numbers.dropFirst())
            case "key":
                guard fields.count == 2, let code = UInt16(fields[1]) else { throw invalid("expected \"key CODE\"") }
                snapshot.keysDown.insert(code)
            default:
                throw invalid("unknown keyword \"\(keyword)\"")
            }
        }
        guard let kind, let x, let y else {
            throw TouchInputError(code: .invalidRecording, device: path, message: "needs kind, x and y lines")
        }
        return (TouchDeviceDescription(kind: kind, x: x, y: y, name: name), snapshot)
    }
}
