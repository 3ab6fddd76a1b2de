// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation

/// Prints one line to standard error, prefixed with `error: `.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
}

/// A runtime failure reported as one line (`Error: …`) without the usage text, exit status 1.
struct CommandError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Polls `condition` every `interval` until it holds; throws `CommandError(failure)` after `seconds`.
func poll(
    seconds: Int,
    every interval: Duration,
    failure: @autoclosure () -> String,
    _ condition: () throws -> Bool
) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(seconds)
    while clock.now < deadline {
        if try condition() { return }
        try await Task.sleep(for: interval)
    }
    throw CommandError(failure())
}
