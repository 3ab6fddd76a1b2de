// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import GatewayDaemons
import KioskLinux
import KioskRendering
import KioskUI
import Logging
import MessageStore

extension CareConnect.Demo {
    /// The kiosk on an offscreen framebuffer, walked through by scripted patients, with screenshots.
    func kioskDemo() async throws {
        print("== Part 2: the ward kiosk ==")
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        let shots = directory.appendingPathComponent("kiosk", isDirectory: true)
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let store = try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
        let size = PixelSize(width: 800, height: 480)
        let display = try FileFramebufferDisplay(
            path: shots.appendingPathComponent("fb0.raw").path,
            size: size,
            format: .rgb565,
            millimetres: PanelGeometry.diagonal(inches: 7, size: size).millimetres
        )
        let touches = ScriptedTouchInput()
        // Timeouts shortened so the walk-through takes seconds; a ward uses 60 s, 30 s, 5 s and 20 s.
        let settings = KioskSettings(
            wardName: "Ward 7",
            trustODSCode: "RXX",
            siteCode: "RXX01",
            idleTimeout: .seconds(3),
            idlePromptCountdown: .seconds(3),
            thankYouDuration: .seconds(2),
            suspectRepeatWindow: .seconds(5)
        )
        var logger = Logger(label: "careconnect.kiosk")
        logger.logLevel = .warning
        let daemon = KioskDaemon(settings: settings, display: display, touch: touches, store: store, logger: logger)
        let running = Task { try await daemon.run() }
        defer { running.cancel() }
        print("kiosk drawing into an offscreen RGB565 framebuffer, 800×480 (a 7\" panel): \(shots.path)/fb0.raw")
        try await kioskWait("the first frame") { daemon.statistics.frames > 0 }

        var shot = 0
        func screenshot(_ name: String) throws {
            shot += 1
            let path = shots.appendingPathComponent(String(format: "%02d-%@.png", shot, name)).path
            try PNGFile.write(display.readBack(), to: path)
            print("    screenshot \(path)")
        }
        func press(_ target: KioskTargetID, _ note: String? = nil) async throws {
            let point = try await kioskWaitFor("\(target) on screen") { daemon.statistics.centre(of: target) }
            let frames = daemon.statistics.frames
            touches.tap(point, on: size)
            if let note { print("  taps \(note)") }
            try await kioskWait("the screen to change") { daemon.statistics.frames > frames }
            try await Task.sleep(for: .milliseconds(350))  // taps closer than 300 ms are ignored as bounces
        }
        func type(_ text: String) async throws {
            for character in text {
                let key: KeyboardKey = character == " " ? .space : .character(String(character))
                try await press(.key(key))
            }
            print("  types \"\(text)\" on the on-screen keyboard")
        }

        try screenshot("start")
        print("patient 1 answers in English and leaves a comment:")
        try await press(.start, "Answer")
        try await press(.answer(.veryGood), "Very good")
        try screenshot("answer-selected")
        try await press(.next, "Next")
        try screenshot("free-text")
        try await press(.commentField, "the comment box")
        try await type("kind nurses")
        try screenshot("keyboard")
        try await press(.keyboardDone, "Done")
        try await press(.submit, "Send")
        try screenshot("thank-you")
        try await kioskWait("the start screen") { daemon.statistics.screen == "question" }

        print("(timeouts are shortened for the demo: idle 3 s, countdown 3 s, thank-you 2 s, repeat window 5 s)")
        try await Task.sleep(for: .seconds(4))
        print("patient 2 chooses Urdu, answers Good and skips the comment:")
        try await press(.language, "Language")
        try screenshot("language-picker")
        try await press(.languageOption(.urdu), "اردو")
        try await press(.start, "the Answer button")
        try await press(.answer(.good), "اچھا (Good)")
        try screenshot("urdu-answer-selected")
        try await press(.next, "Next")
        try await press(.skip, "Skip")
        try await kioskWait("the start screen") { daemon.statistics.screen == "question" }

        print("someone rates again straight away (within the repeat window):")
        try await press(.start, "Answer")
        try await press(.answer(.poor), "Poor")
        try await press(.next, "Next")
        try await press(.skip, "Skip")
        try await kioskWait("the start screen") { daemon.statistics.screen == "question" }

        print("patient 4 picks an answer and walks away:")
        try await press(.start, "Answer")
        try await press(.answer(.veryPoor), "Very poor, but never Next")
        try await kioskWait("the idle prompt") { daemon.statistics.screen == "idlePrompt" }
        try screenshot("idle-prompt")
        print("  \"Do you need more time?\" counts down, then the kiosk starts again in English, nothing kept")
        try await kioskWait("the start screen") { daemon.statistics.screen == "question" }
        try screenshot("start-again")
        running.cancel()
        _ = await running.result

        let answers = try store.kioskResponses().reversed()
        print("\nkiosk answers stored (one record each: rating and comment together):")
        for answer in answers {
            let comment = answer.comment.map { "\"\($0)\"" } ?? "no comment"
            let flag = answer.suspectRepeat ? "  [suspect_repeat: kept, left out of exports]" : ""
            print("  rating \(answer.rating) in \(answer.language), \(comment)\(flag)")
        }
        let month = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        let start = Calendar(identifier: .gregorian).date(from: DateComponents(year: month.year, month: month.month))!
        let end = Calendar(identifier: .gregorian).date(byAdding: .month, value: 1, to: start)!
        let counts = try store.fftCounts(
            from: start,
            to: end,
            smsWard: FFTWard(trustCode: "RXX", siteCode: "RXX01", ward: "Ward 7")
        )
        print("\nthis month's Friends and Family Test counts (careconnect fft export), texts and kiosk together:")
        for count in counts {
            print(
                "  \(count.ward): very good \(count.ratings[0]), good \(count.ratings[1]), neither \(count.ratings[2]), "
                    + "poor \(count.ratings[3]), very poor \(count.ratings[4]), don't know \(count.ratings[5]); "
                    + "total \(count.total); by mode "
                    + count.modes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            )
        }
        let status = try store.status()
        print("events queued for upstream sync: \(status.syncBacklog)")
    }

    private func kioskWait(_ what: String, _ condition: () throws -> Bool) async throws {
        try await poll(
            seconds: 20,
            every: .milliseconds(20),
            failure: "the demo timed out waiting for \(what)",
            condition
        )
    }

    private func kioskWaitFor<T>(_ what: String, _ value: () -> T?) async throws -> T {
        var found: T?
        try await kioskWait(what) {
            found = value()
            return found != nil
        }
        guard let found else { throw CommandError("the demo timed out waiting for \(what)") }
        return found
    }
}
