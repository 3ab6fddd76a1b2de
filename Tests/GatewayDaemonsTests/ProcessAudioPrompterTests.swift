// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GatewayDaemons
import KioskUI
import Testing

/// The Listen button's player, run as a real process.
@Suite struct ProcessAudioPrompterTests {
    /// Should run the player with the screen's recording, and skip screens without one.
    @Test func playsTheRecordingForTheScreenAndLanguage() async throws {
        // Given a recording for the Urdu question and a player that notes what it was asked to play
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let recording = directory.appendingPathComponent("question.ur.standard.ogg").path
        try Data("OggS".utf8).write(to: URL(fileURLWithPath: recording))
        let log = directory.appendingPathComponent("played.txt").path
        let player = directory.appendingPathComponent("player.sh").path
        try "#!/bin/sh\necho \"$@\" >> \(log)\n".write(toFile: player, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: player)
        let prompter = ProcessAudioPrompter(directory: directory.path, player: [player, "-q"])
        // When Listen is pressed on the Urdu question, then on an English screen with no recording
        prompter.play(AudioPrompt(screen: .question, language: .urdu))
        prompter.play(AudioPrompt(screen: .question, language: .english))
        // Then only the Urdu recording was played, with the player's options first
        var played = ""
        for _ in 0..<100 where played.isEmpty {
            try await Task.sleep(for: .milliseconds(20))
            played = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        }
        #expect(played == "-q \(recording)\n")
        try? FileManager.default.removeItem(at: directory)
    }

    /// Should never fail the kiosk when the player is missing.
    @Test func missingPlayerIsHarmless() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data().write(to: directory.appendingPathComponent("question.en.standard.ogg"))
        let prompter = ProcessAudioPrompter(directory: directory.path, player: ["/nonexistent/player"])
        prompter.play(AudioPrompt(screen: .question, language: .english))
        prompter.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
