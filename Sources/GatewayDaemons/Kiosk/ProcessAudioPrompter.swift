// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import KioskUI
import Synchronization

/// Plays each screen's recording with an external player (`ogg123 -q` by default), one at a time.
///
/// Recordings are files named by `AudioPrompt.fileName` (`question.ur.standard.ogg`) in one directory; a screen
/// without a recording is skipped quietly, so a ward can add recordings language by language. The player's output
/// goes wherever ALSA sends it: the speaker and the 3.5 mm headphone jack.
public final class ProcessAudioPrompter: AudioPrompter, @unchecked Sendable {
    private let directory: String
    private let player: [String]
    private let current = Mutex<Process?>(nil)

    /// - Parameters:
    ///   - directory: where the recordings are.
    ///   - player: the program and its options; the recording's path is added last.
    public init(directory: String, player: [String] = ["ogg123", "-q"]) {
        self.directory = directory
        self.player = player
    }

    public func play(_ prompt: AudioPrompt) {
        stop()
        let path = (directory as NSString).appendingPathComponent(prompt.fileName)
        guard FileManager.default.fileExists(atPath: path), let program = player.first else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.resolve(program))
        process.arguments = Array(player.dropFirst()) + [path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            current.withLock { $0 = process }
        } catch {
            // A missing player must never stop the survey; the button simply plays nothing.
        }
    }

    public func stop() {
        let process = current.withLock { current -> Process? in
            defer { current = nil }
            return current
        }
        if let process, process.isRunning {
            process.terminate()
        }
    }

    /// `program` as given when it has a slash, else found on `PATH`.
    static func resolve(_ program: String) -> String {
        guard !program.contains("/") else { return program }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return program
    }
}
