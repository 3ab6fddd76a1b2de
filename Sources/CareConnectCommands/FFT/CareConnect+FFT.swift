// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser

extension CareConnect {
    /// `careconnect fft`: Friends and Family Test figures from the device's records.
    struct FFTCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fft",
            abstract: "Friends and Family Test figures from the device's records.",
            subcommands: [Export.self]
        )
    }
}
