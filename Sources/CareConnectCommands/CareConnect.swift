// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ArgumentParser

/// The `careconnect` administration tool: one binary, one subcommand per job.
public struct CareConnect: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "careconnect",
        abstract: "Care Connect ward device: SMS gateway, feedback kiosk, sync and tools.",
        version: "0.1.0",
        subcommands: [Status.self, ModemCommand.self, PDUCommand.self, Demo.self, Bench.self]
    )

    public init() {}
}
