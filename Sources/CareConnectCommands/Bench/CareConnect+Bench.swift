// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser

extension CareConnect {
    /// `careconnect bench`: speed measured side by side with the peers.
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Benchmarks against peer implementations, run side by side on the same input.",
            subcommands: [PDUBench.self, SMSDBench.self, KioskBench.self, StoreWriter.self, SyncBench.self]
        )
    }
}
