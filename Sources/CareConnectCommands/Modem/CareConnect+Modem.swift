// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser

extension CareConnect {
    /// `careconnect modem`: tools for the GSM modem.
    struct ModemCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "modem",
            abstract: "Work with GSM modems: simulate one on a pseudo-terminal.",
            subcommands: [Simulate.self]
        )
    }
}
