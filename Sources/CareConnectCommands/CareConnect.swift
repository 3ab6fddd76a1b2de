// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ArgumentParser

/// The `careconnect` administration tool: one binary, one subcommand per job.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct CareConnect: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "careconnect",
        abstract: "Care Connect ward device: SMS gateway, feedback kiosk, sync and tools.",
        version: "0.1.0",
        subcommands: [
            SMSD.self, Kiosk.self, Sync.self, HubCommand.self, Provision.self, Status.self, FFTCommand.self,
            ModemCommand.self, PDUCommand.self, Demo.self, Bench.self, Doctor.self, Metrics.self,
        ]
    )

    public init() {}
}
