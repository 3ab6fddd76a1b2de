// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation

/// Asks questions on the terminal for `careconnect provision`, asking again until an answer is valid.
struct Prompter {
    /// Whether to ask at all (a terminal, and not `--non-interactive`).
    var enabled: Bool
    /// The enrolment code typed in, if one was asked for.
    var enrolmentCode: String?

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Asks `question`, showing `current` in brackets; Enter keeps it (returns nil).
    ///
    /// - Parameters:
    ///   - secret: do not echo what is typed.
    ///   - validate: turns an answer into what to keep, or throws an error to show before asking again.
    /// - Throws: `CommandError` when input ends before a valid answer.
    func ask(
        _ question: String,
        current: String?,
        required: Bool,
        secret: Bool,
        validate: (String) throws -> String
    ) throws -> String? {
        while true {
            let shown = current.map { " [\($0)]" } ?? ""
            let line =
                secret ? Self.readHidden(prompt: "\(question)\(shown): ") : Self.read(prompt: "\(question)\(shown): ")
            guard let line else {
                throw CommandError("no answer to \"\(question)\"; nothing written")
            }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty {
                if current != nil || !required { return nil }
                print("  An answer is needed.")
                continue
            }
            do {
                return try validate(answer)
            } catch {
                print("  \(error) Please try again.")
            }
        }
    }

    private static func read(prompt: String) -> String? {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        return readLine()
    }

    /// Reads a line with echo off when standard input is a terminal; echo goes off before the prompt shows,
    /// so nothing typed after it is echoed.
    private static func readHidden(prompt: String) -> String? {
        var settings = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &settings) == 0 else { return read(prompt: prompt) }
        var hidden = settings
        hidden.c_lflag &= ~tcflag_t(ECHO)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &hidden)
        defer {
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
            print("")
        }
        return read(prompt: prompt)
    }
}
