// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import GatewayDaemons
import KioskLinux
import KioskRendering
import KioskUI
import MessageStore
import Testing

/// The kiosk takes the hub's managed settings while it runs, only at rest: real rendering into a memory-backed
/// display, a real database, and the configuration file and overlay on disk.
@Suite(.serialized, .timeLimit(.minutes(1))) struct KioskSettingsReloadTests {
    let panel = PanelGeometry.diagonal(inches: 10.1, size: PixelSize(width: 1280, height: 800))

    /// A running kiosk watching a configuration file that names Ward 7 and starts in English.
    final class Kiosk: @unchecked Sendable {
        let directory: String
        let configurationPath: String
        let store: MessageStore
        let display: InMemoryDisplay
        let touches = ScriptedTouchInput()
        let daemon: KioskDaemon
        let running: Task<Void, any Error>

        init(panel: PanelGeometry) throws {
            directory =
                FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID().uuidString)")
                .path
            configurationPath = directory + "/careconnect.toml"
            try DeviceConfiguration.writeFile(
                """
                [storage]
                state_directory = "\(directory)"
                [ward]
                name = "Ward 7"
                trust_ods = "RXX"
                [kiosk]
                default_language = "en"
                """,
                to: configurationPath,
                group: nil
            )
            let watcher = ConfigurationWatcher(configurationPath: configurationPath)
            var settings = KioskSettings(configuration: try DeviceConfiguration.load(path: configurationPath))
            settings.thankYouDuration = .milliseconds(600)
            store = try MessageStore(path: directory + "/careconnect.sqlite")
            display = InMemoryDisplay(panel: panel)
            daemon = KioskDaemon(
                settings: settings,
                display: display,
                touch: touches,
                store: store,
                watcher: watcher,
                settingsCheckInterval: .milliseconds(100)
            )
            let daemon = self.daemon
            running = Task { try await daemon.run() }
        }

        func stop() async {
            running.cancel()
            _ = await running.result
            try? FileManager.default.removeItem(atPath: directory)
        }

        /// The hub's settings: Polish first, and Ward 9.
        func applyManagedSettings() throws {
            try DeviceConfiguration.applyManagedSettings(
                ManagedSettings(
                    etag: "\"v3\"",
                    json: Data(#"{"ward": {"name": "Ward 9"}, "kiosk": {"default_language": "pl"}}"#.utf8)
                ),
                configurationPath: configurationPath
            )
        }

        /// The settings the kiosk runs with after the reload, for a twin that knows where the targets are.
        func settingsOnDisk() throws -> KioskSettings {
            var settings = KioskSettings(configuration: try DeviceConfiguration.load(path: configurationPath))
            settings.thankYouDuration = .milliseconds(600)
            return settings
        }
    }

    func wait(_ what: String, _ condition: () throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting for \(what)")
    }

    /// Taps through the survey as a patient: the twin says where each target is.
    struct Patient {
        var twin: KioskStateMachine
        var clock = Duration.zero
        let kiosk: Kiosk
        let test: KioskSettingsReloadTests

        init(_ kiosk: Kiosk, settings: KioskSettings, test: KioskSettingsReloadTests) {
            self.kiosk = kiosk
            self.test = test
            twin = KioskStateMachine(
                settings: settings,
                panel: test.panel,
                measurer: PangoTextMeasurer.shared,
                now: .zero
            )
        }

        mutating func press(_ target: KioskTargetID) async throws {
            let frame = try #require(twin.layout.target(target)?.frame, "no \(target) on \(twin.screen)")
            let point = Point(x: frame.x + frame.width / 2, y: frame.y + frame.height / 2)
            clock += .seconds(1)
            _ = twin.tap(at: point, now: clock)
            let before = kiosk.display.presentCount
            kiosk.touches.tap(point, on: test.panel.size)
            try await test.wait("the screen to change") { kiosk.display.presentCount > before }
            try await Task.sleep(for: .milliseconds(350))  // more than the 300 ms debounce
        }

        mutating func answer() async throws {
            if twin.layout.target(.answer(.good)) == nil { try await press(.start) }
            try await press(.answer(.good))
            try await press(.next)
            try await press(.skip)
        }
    }

    /// Should start again in the new language, redrawn, when managed settings arrive while nobody is answering;
    /// the next answer carries the new ward name.
    @Test func changeAtRestAppliesAndRedraws() async throws {
        let kiosk = try Kiosk(panel: panel)
        try await wait("the first frame") { kiosk.display.presentCount >= 1 }
        #expect(kiosk.daemon.statistics.language == "en")
        // Nothing changed: looking at the files draws nothing
        try await Task.sleep(for: .milliseconds(400))
        #expect(kiosk.display.presentCount == 1)
        #expect(kiosk.daemon.statistics.settingsReloads == 0)

        // When the hub's settings arrive
        try kiosk.applyManagedSettings()
        // Then within a few looks the survey is redrawn in Polish
        try await wait("the reload") { kiosk.daemon.statistics.settingsReloads == 1 }
        #expect(kiosk.daemon.statistics.language == "pl")
        #expect(kiosk.display.presentCount == 2)
        #expect(kiosk.daemon.statistics.screen == "question")

        // And an answer now records Ward 9 in Polish
        var patient = Patient(kiosk, settings: try kiosk.settingsOnDisk(), test: self)
        try await patient.answer()
        try await wait("the stored answer") { try kiosk.store.kioskResponses().count == 1 }
        let stored = try #require(try kiosk.store.kioskResponses().first)
        #expect(stored.ward == "Ward 9")
        #expect(stored.language == "pl")
        await kiosk.stop()
    }

    /// Should leave a patient's answer alone when settings change part-way, and take them once the kiosk is back
    /// at its start screen.
    @Test func changeMidAnswerWaitsForRest() async throws {
        let kiosk = try Kiosk(panel: panel)
        try await wait("the first frame") { kiosk.display.presentCount >= 1 }
        var patient = Patient(kiosk, settings: try kiosk.settingsOnDisk(), test: self)

        // Given a patient who has chosen an answer
        if patient.twin.layout.target(.answer(.good)) == nil { try await patient.press(.start) }
        try await patient.press(.answer(.good))
        let frames = kiosk.display.presentCount

        // When the hub's settings arrive
        try kiosk.applyManagedSettings()
        try await Task.sleep(for: .milliseconds(800))

        // Then nothing changes under the patient's finger
        #expect(kiosk.daemon.statistics.settingsReloads == 0)
        #expect(kiosk.daemon.statistics.language == "en")
        #expect(kiosk.display.presentCount == frames, "not redrawn")
        try await patient.press(.next)
        try await patient.press(.skip)
        try await wait("the stored answer") { try kiosk.store.kioskResponses().count == 1 }
        #expect(try kiosk.store.kioskResponses().first?.ward == "Ward 7", "answered under the old settings")
        #expect(try kiosk.store.kioskResponses().first?.language == "en")

        // And once the thank-you screen gives way to the start screen, the new settings apply
        try await wait("the reload at rest") { kiosk.daemon.statistics.settingsReloads == 1 }
        #expect(kiosk.daemon.statistics.language == "pl")
        #expect(kiosk.daemon.statistics.screen == "question")
        var next = Patient(kiosk, settings: try kiosk.settingsOnDisk(), test: self)
        try await next.answer()
        try await wait("the second answer") { try kiosk.store.kioskResponses().count == 2 }
        let wards = try kiosk.store.kioskResponses().map(\.ward).sorted()
        #expect(wards == ["Ward 7", "Ward 9"])
        await kiosk.stop()
    }
}
