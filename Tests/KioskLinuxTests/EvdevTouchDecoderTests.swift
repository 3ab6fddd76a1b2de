// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskLinux
import KioskUI
import Testing

/// Decodes a recording with the given calibration and rotation.
func decode(
    _ recording: TouchRecording,
    calibration: CalibrationMatrix = .identity,
    rotation: Rotation = .none
) throws -> [TouchFrame] {
    var decoder = EvdevTouchDecoder(device: recording.device, calibration: calibration, rotation: rotation)
    return try decoder.decode(recording.events, state: recording.snapshot)
}

/// The frames' contacts as (id, x, y) rounded to 1/1000, for readable comparisons.
func contacts(_ frames: [TouchFrame]) -> [[Contact]] {
    frames.map { frame in frame.contacts.map { Contact($0) } }
}

struct Contact: Hashable, CustomStringConvertible {
    var id: Int
    var x: Double
    var y: Double

    init(_ id: Int, _ x: Double, _ y: Double) {
        self.id = id
        self.x = x
        self.y = y
    }

    init(_ contact: TouchContact) {
        self.init(contact.id, (contact.x * 1000).rounded() / 1000, (contact.y * 1000).rounded() / 1000)
    }

    var description: String { "#\(id)(\(x), \(y))" }
}

/// A raw position on the 0…4095 panel, normalised and rounded like `Contact`.
func raw(_ value: Int32) -> Double { (Double(value) / 4095 * 1000).rounded() / 1000 }

@Suite("Evdev touch decoder")
struct EvdevTouchDecoderTests {
    @Test("a tap is one frame down, one moved, one empty, one per SYN_REPORT")
    func tap() throws {
        // Given
        let recording = TouchStreams.tap()

        // When
        let frames = try decode(recording)

        // Then
        #expect(
            contacts(frames) == [[Contact(101, raw(1024), raw(2048))], [Contact(101, raw(1027), raw(2048))], []]
        )
        #expect(frames.map(\.timestamp) == recording.events.filter { $0.type == 0 }.map(\.time))
    }

    @Test("two slots are tracked separately and lift one at a time")
    func twoSlots() throws {
        // When
        let frames = try decode(TouchStreams.twoFingerPalm())

        // Then
        #expect(
            contacts(frames) == [
                [Contact(20, raw(1000), raw(1000)), Contact(21, raw(3000), raw(3000))],
                [Contact(20, raw(1100), raw(1050)), Contact(21, raw(3100), raw(3050))],
                [Contact(21, raw(3100), raw(3050))],
                [],
            ]
        )
    }

    @Test("a slot reused after a lift keeps the values the kernel did not resend")
    func slotReuse() throws {
        // Given a finger lifts and a new one lands in the same slot at the same y
        var script = EventScript()
        script.down(slot: 0, trackingID: 1, x: 100, y: 200)
        script.report()
        script.lift(slot: 0)
        script.report()
        script.absolute(InputEvent.AbsoluteCode.multitouchTrackingID, 2)
        script.absolute(InputEvent.AbsoluteCode.multitouchPositionX, 300)
        script.report()
        let recording = TouchRecording(device: TouchStreams.multitouchPanel, events: script.events)

        // When
        let frames = try decode(recording)

        // Then
        #expect(contacts(frames) == [[Contact(1, raw(100), raw(200))], [], [Contact(2, raw(300), raw(200))]])
    }

    @Test("a single-touch device reports one contact with a new id per press")
    func singleTouch() throws {
        // Given two presses
        var recording = TouchStreams.singleTouchDrag()
        recording.events += TouchStreams.singleTouchDrag().events

        // When
        let frames = try decode(recording)

        // Then positions are normalised by the offset ranges (200…3900, 300…3800)
        let first = [
            [Contact(0, 0.1, 0.1)], [Contact(0, 0.27, 0.257)], [Contact(0, 0.5, 0.5)], [],
        ]
        let second = first.map { $0.map { Contact(1, $0.x, $0.y) } }
        #expect(contacts(frames) == first + second)
    }

    @Test("after SYN_DROPPED, events up to the next SYN_REPORT are discarded and the state comes from the device")
    func droppedEventsResync() throws {
        // Given a gesture whose middle was lost, with the device state at the re-sync
        let recording = TouchStreams.droppedMidGesture()

        // When
        let frames = try decode(recording)

        // Then finger 30 lifted and 32 landed while events were lost; the discarded tail (x = 9) never shows
        #expect(
            contacts(frames) == [
                [Contact(30, raw(500), raw(500)), Contact(31, raw(2000), raw(2000))],
                [Contact(31, raw(2100), raw(2200)), Contact(32, raw(3500), raw(400))],
                [Contact(31, raw(2100), raw(2200)), Contact(32, raw(3600), raw(400))],
                [],
            ]
        )
    }

    @Test("the decoder asks to re-sync at the SYN_REPORT that ends the dropped run")
    func resyncAction() {
        // Given
        var decoder = EvdevTouchDecoder(device: TouchStreams.multitouchPanel)
        let time = Duration.seconds(3)

        // When
        let actions = [
            decoder.consume(.dropped(at: time)),
            decoder.consume(.absolute(InputEvent.AbsoluteCode.multitouchTrackingID, 5, at: time)),
            decoder.consume(.report(at: time + .milliseconds(1))),
            decoder.consume(.report(at: time + .milliseconds(2))),
        ]

        // Then
        #expect(
            actions == [
                .none, .none, .resynchronise(timestamp: time + .milliseconds(1)),
                .frame(TouchFrame(contacts: [], timestamp: time + .milliseconds(2))),
            ]
        )
    }

    @Test("a single-touch device re-syncs from its axes and touch button")
    func singleTouchResync() throws {
        // Given
        var decoder = EvdevTouchDecoder(device: TouchStreams.singleTouchPanel)
        let snapshot = EvdevStateSnapshot(
            axes: [InputEvent.AbsoluteCode.x: 3900, InputEvent.AbsoluteCode.y: 300],
            keysDown: [InputEvent.KeyCode.touch]
        )

        // When
        let frames = try decoder.decode([.dropped(at: .zero), .report(at: .seconds(1))], state: snapshot)

        // Then
        #expect(contacts(frames) == [[Contact(0, 1, 0)]])
    }

    @Test("each rotation maps the raw corners to the right logical corners", arguments: cornerPlacements)
    func rotationCorners(rotation: Rotation, placements: [Corner: Corner]) throws {
        for (logical, physical) in placements {
            // Given a touch at the framebuffer corner where the logical corner is drawn
            var script = EventScript()
            let position = physical.normalised
            script.down(slot: 0, trackingID: 1, x: Int32(position.x * 4095), y: Int32(position.y * 4095))
            script.report()
            let recording = TouchRecording(device: TouchStreams.multitouchPanel, events: script.events)

            // When
            let frames = try decode(recording, rotation: rotation)

            // Then the UI sees the logical corner
            let expected = logical.normalised
            #expect(contacts(frames) == [[Contact(1, expected.x, expected.y)]], "\(rotation): \(logical)")
        }
    }

    @Test("the calibration applies before the rotation")
    func calibrationThenRotation() throws {
        // Given a calibration that shrinks x to the left half, and a half turn
        var script = EventScript()
        script.down(slot: 0, trackingID: 1, x: 4095, y: 0)
        script.report()
        let recording = TouchRecording(device: TouchStreams.multitouchPanel, events: script.events)
        let calibration = CalibrationMatrix(0.5, 0, 0, 0, 1, 0)

        // When
        let frames = try decode(recording, calibration: calibration, rotation: .half)

        // Then the raw (1, 0) becomes (0.5, 0), then turned: (0.5, 1)
        #expect(contacts(frames) == [[Contact(1, 0.5, 1)]])
    }

    @Test("positions outside the screen are clamped to 0…1")
    func clamping() throws {
        // Given one finger beyond the axis range and one pushed out by the calibration
        var script = EventScript()
        script.down(slot: 0, trackingID: 1, x: -300, y: 5000)
        script.down(slot: 1, trackingID: 2, x: 4000, y: 100)
        script.report()
        let recording = TouchRecording(device: TouchStreams.multitouchPanel, events: script.events)

        // When
        let frames = try decode(recording, calibration: CalibrationMatrix(1.2, 0, 0, 0, 1, -0.1))

        // Then
        #expect(contacts(frames) == [[Contact(1, 0, 1), Contact(2, 1, 0)]])
    }
}

@Suite("Touch calibration")
struct TouchCalibrationTests {
    @Test("the udev property is used when nothing is configured")
    func udevProperty() {
        // Given
        let properties = ["ID_INPUT_TOUCHSCREEN": "1", "LIBINPUT_CALIBRATION_MATRIX": "1.02 0 -0.01 0 1.05 -0.02"]

        // When
        let matrix = TouchCalibration.matrix(configured: nil, udevProperties: properties)

        // Then
        #expect(matrix.values == [1.02, 0, -0.01, 0, 1.05, -0.02])
    }

    @Test("a configured matrix wins over the udev property")
    func configuredWins() {
        let configured = CalibrationMatrix(parsing: "0 1 0 1 0 0")
        let matrix = TouchCalibration.matrix(
            configured: configured,
            udevProperties: ["LIBINPUT_CALIBRATION_MATRIX": "1 0 0 0 1 0"]
        )
        #expect(matrix.values == [0, 1, 0, 1, 0, 0])
    }

    @Test(
        "a malformed or missing udev property means no calibration",
        arguments: [
            ["LIBINPUT_CALIBRATION_MATRIX": "1 0 0 0 1"],
            ["LIBINPUT_CALIBRATION_MATRIX": "one 0 0 0 1 0"],
            [:],
        ]
    )
    func malformedProperty(properties: [String: String]) {
        #expect(TouchCalibration.matrix(configured: nil, udevProperties: properties) == .identity)
    }

    @Test("the transform is the rotation after the calibration")
    func transformOrder() {
        // Given
        let calibration = CalibrationMatrix(1, 0, 0.1, 0, 1, 0)

        // When
        let transform = TouchCalibration.transform(calibration: calibration, rotation: .quarter)
        let point = transform.apply(x: 0.2, y: 0.3)

        // Then (0.2, 0.3) → (0.3, 0.3) → turned a quarter: (1 − 0.3, 0.3)
        #expect(abs(point.x - 0.7) < 1e-12)
        #expect(abs(point.y - 0.3) < 1e-12)
    }
}
