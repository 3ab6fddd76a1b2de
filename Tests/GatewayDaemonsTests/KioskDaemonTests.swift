// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GatewayDaemons
import KioskLinux
import KioskRendering
import KioskUI
import MessageStore
import Testing

/// The kiosk service with real rendering into a memory-backed display and a real database file.
@Suite(.serialized, .timeLimit(.minutes(1))) struct KioskDaemonTests {
    let panel = PanelGeometry.diagonal(inches: 10.1, size: PixelSize(width: 1280, height: 800))
    var settings: KioskSettings {
        KioskSettings(
            wardName: "Ward 7",
            trustODSCode: "RXX",
            siteCode: "RXX01",
            thankYouDuration: .milliseconds(600)
        )
    }

    /// Where a target is on a screen, from the same layout the kiosk uses.
    func centre(of target: KioskTargetID, on machine: KioskStateMachine) throws -> Point {
        let frame = try #require(machine.layout.target(target)?.frame, "no \(target) on \(machine.screen)")
        return Point(x: frame.x + frame.width / 2, y: frame.y + frame.height / 2)
    }

    func wait(_ what: String, _ condition: () throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting for \(what)")
    }

    /// Should store one record holding the rating when a patient answers and skips the comment, then go back to the
    /// start after the thank-you screen, with no wake-ups while nobody touches it.
    @Test func patientAnswerIsStoredAndKioskReturnsToStart() async throws {
        // Given a kiosk on a real database, drawing into memory
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID().uuidString)")
        let store = try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
        let display = InMemoryDisplay(panel: panel)
        let touches = ScriptedTouchInput()
        let daemon = KioskDaemon(settings: settings, display: display, touch: touches, store: store)
        let running = Task { try await daemon.run() }
        defer { running.cancel() }
        try await wait("the first frame") { display.presentCount >= 1 }
        // When nobody touches it for a second
        try await Task.sleep(for: .seconds(1))
        // Then nothing wakes it and nothing is redrawn
        #expect(daemon.statistics.wakeUps == 0)
        #expect(display.presentCount == 1)
        #expect(display.damageHistory.first == [PixelRect(x: 0, y: 0, width: 1280, height: 800)])

        // When a patient walks the survey (a twin of the machine tells where each target is)
        var twin = KioskStateMachine(settings: settings, panel: panel, measurer: PangoTextMeasurer.shared, now: .zero)
        var clock = Duration.zero
        func press(_ target: KioskTargetID) async throws {
            let point = try centre(of: target, on: twin)
            clock += .seconds(1)
            _ = twin.tap(at: point, now: clock)
            let before = display.presentCount
            touches.tap(point, on: panel.size)
            try await wait("the screen to change") { display.presentCount > before }
            try await Task.sleep(for: .milliseconds(350))  // more than the 300 ms debounce
        }
        if twin.layout.target(.answer(.good)) == nil { try await press(.start) }
        try await press(.answer(.good))
        let framesBeforeNext = display.presentCount
        let selectionDamage = display.damageHistory.last?.reduce(0) { $0 + $1.area } ?? 0
        try await press(.next)
        try await press(.skip)
        // Then one record holds the rating, and selecting redrew only part of the screen
        try await wait("the stored answer") { try store.kioskResponses().count == 1 }
        let stored = try #require(try store.kioskResponses().first)
        #expect(stored.rating == 2)
        #expect(stored.ward == "Ward 7")
        #expect(stored.trustCode == "RXX")
        #expect(stored.comment == nil)
        #expect(selectionDamage > 0 && selectionDamage < 1280 * 800 / 2, "selection redrew \(selectionDamage) px")
        #expect(display.presentCount > framesBeforeNext)
        // And after the thank-you screen the kiosk is back at the start, woken by its timer
        try await wait("the start screen") { daemon.statistics.screen == "question" && daemon.statistics.wakeUps > 0 }
        let syncEvents = try store.status().syncBacklog
        #expect(syncEvents == 1, "the answer is queued for sync")
        running.cancel()
        _ = await running.result
        try? FileManager.default.removeItem(at: directory)
    }

    /// Should draw into a raw RGB565 framebuffer file exactly what the renderer drew, converted.
    @Test func drawsIntoFileBackedFramebuffer() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
        let size = PixelSize(width: 800, height: 480)
        let display = try FileFramebufferDisplay(
            path: directory.appendingPathComponent("fb0.raw").path,
            size: size,
            format: .rgb565
        )
        let daemon = KioskDaemon(settings: settings, display: display, touch: nil, store: store)
        let running = Task { try await daemon.run() }
        try await wait("the first frame") { daemon.statistics.frames >= 1 }
        running.cancel()
        _ = await running.result
        // The header colour (NHS blue) reaches the file, within RGB565's precision
        let back = display.readBack()
        var blue = 0
        for y in stride(from: 0, to: size.height, by: 8) {
            for x in stride(from: 0, to: size.width, by: 8) {
                let pixel = back.pixel(x: x, y: y)
                let (r, g, b) = ((pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF)
                if r < 8 && (88...100).contains(g) && (176...192).contains(b) { blue += 1 }
            }
        }
        #expect(blue > 100, "NHS blue pixels in the framebuffer file: \(blue)")
        try? FileManager.default.removeItem(at: directory)
    }
}
