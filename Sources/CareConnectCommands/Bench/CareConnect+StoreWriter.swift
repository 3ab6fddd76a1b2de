// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import Foundation
import MessageStore

extension CareConnect.Bench {
    /// `careconnect bench store-writer`: kiosk answers written as fast as possible, each UUID printed once
    /// committed. The kill -9 test of the kiosk's store drives it.
    struct StoreWriter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "store-writer",
            abstract: "Write kiosk answers to a database, printing each UUID once it is durable (for crash tests).",
            shouldDisplay: false
        )

        @Option(help: "The database file.")
        var database: String

        @Option(help: "Answers to write.")
        var count = 1_000

        func run() throws {
            let store = try MessageStore(path: database)
            for index in 0..<count {
                let id = UUID().uuidString.lowercased()
                try store.recordKioskResponse(
                    KioskResponseRecord(
                        id: id,
                        createdAt: Date(),
                        localTime: ISO8601DateFormatter().string(from: Date()),
                        trustCode: "RXX",
                        siteCode: "RXX01",
                        ward: "Ward 7",
                        surveyVersion: "fft-2020",
                        language: "en",
                        mode: "Electronic Discharge",
                        rating: index % 6 + 1,
                        comment: index % 2 == 0
                            ? "Comment \(index): " + String(repeating: "kind staff ", count: 20) : nil
                    )
                )
                // Printed only after the transaction returned, so only durable answers are claimed.
                FileHandle.standardOutput.write(Data((id + "\n").utf8))
            }
        }
    }
}
