// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import Foundation
import MessageStore
import ModemEngine

extension CareConnect {
    /// `careconnect status`: queue depths, last message in and out, problems.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show queue depths, the last message in and out, and anything needing attention.",
            discussion: """
                Reads the device database. Undecodable PDUs are listed with their errors (they are kept raw, \
                never dropped); outbound messages left unconfirmed by a crash are counted (they are never \
                sent twice automatically). A SIM PIN the SIM refused is shown (smsd never enters it again), and \
                so are the modem's power reports (under-voltage warnings and power-downs) and the hub's managed \
                settings in force (or why they are not). Exit status 1 when something needs attention.
                """
        )

        @OptionGroup var device: DeviceOptions

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func run() throws {
            let configuration = try device.load()
            let path = configuration.storage.databasePath
            guard FileManager.default.fileExists(atPath: path) else {
                throw CommandError(
                    "no database at \(path): has careconnect smsd run yet? (--state-dir to look elsewhere)"
                )
            }
            let store = try MessageStore(path: path)
            let status = try store.status()
            let undecodable = try store.undecodableParts(limit: 10)
            let unconfirmed = status.outboundByState["unconfirmed", default: 0]
            let failed = status.outboundByState["failed", default: 0]
            let managedProblem = configuration.managed?.problem == nil ? 0 : 1
            // The hub's latest settings that the device refused (`etag: reason`), until a later version applies.
            let refusedSettings = try store.syncState(.configurationProblem).flatMap { $0.isEmpty ? nil : $0 }
            let attention =
                status.undecodableParts + unconfirmed + failed + status.deadLetters + status.simPINRefusals
                + managedProblem + (refusedSettings == nil ? 0 : 1)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                print(String(decoding: try encoder.encode(status), as: UTF8.self))
            } else {
                print("database        \(path)")
                print("managed settings \(configuration.managed?.summary ?? "none")")
                if let refusedSettings {
                    print("settings refused \(refusedSettings) (fix them on the hub: careconnect hub config)")
                }
                print(
                    "messages in     \(status.messages) (\(status.partialMessages) partial, \(status.pendingParts) parts awaiting the rest)"
                )
                print("not yet handled \(status.unhandledMessages)")
                let states = ["queued", "sending", "sent", "delivered", "failed", "unconfirmed"]
                print(
                    "messages out    "
                        + states.map { "\($0) \(status.outboundByState[$0, default: 0])" }.joined(separator: ", ")
                )
                print("sync backlog    \(status.syncBacklog) events")
                let lastSync = try store.syncState(.lastSuccessAt).flatMap { Int64($0) }
                print("last sync       \(Self.format(lastSync))")
                let heartbeat = try store.syncState(.lastHeartbeatAt).flatMap { Int64($0) }
                if let heartbeat { print("last heartbeat  \(Self.format(heartbeat))") }
                if let error = try store.syncState(.lastError), !error.isEmpty {
                    print("sync error      \(error)")
                }
                print("last in         \(Self.format(status.lastReceivedAt))")
                print("last out        \(Self.format(status.lastSentAt))")
                print("dead letters    \(status.deadLetters)")
                let ledger = try store.upstreamLedgerCounts()
                if !ledger.isEmpty {
                    let unknown = ledger[.unknown, default: 0]
                    print(
                        "upstream ledger done \(ledger[.done, default: 0]), unknown \(unknown), "
                            + "rejected \(ledger[.rejected, default: 0])"
                            + (unknown > 0 ? " (check each one: careconnect sync ledger)" : "")
                    )
                }
                print("undecodable     \(status.undecodableParts) PDUs kept raw")
                for report in try store.modemPowerReports() {
                    print(
                        "modem power     \(report.kind) \(report.count) time\(report.count == 1 ? "" : "s"), last "
                            + Self.format(report.lastAt) + " (check the modem's power supply)"
                    )
                }
                for refusal in try store.simPINRefusals() {
                    let sim = refusal.sim == SIMPINRefusal.unidentifiedSIM ? "the SIM" : "SIM \(refusal.sim)"
                    print(
                        "SIM PIN         refused by \(sim) at \(refusal.refusedAt.ISO8601Format()) "
                            + "(\(refusal.answer)\(refusal.attemptsLeft.map { ", \($0) attempts left" } ?? ""));"
                            + " not retried: fix [modem] sim_pin and run careconnect doctor"
                    )
                }
                for part in undecodable {
                    print("  \(Self.format(part.receivedAt))  \(part.error)\n    \(part.pdu)")
                }
            }
            if attention > 0 {
                throw ExitCode(1)
            }
        }

        static func format(_ milliseconds: Int64?) -> String {
            guard let milliseconds else { return "never" }
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
            return date.ISO8601Format()
        }
    }
}
