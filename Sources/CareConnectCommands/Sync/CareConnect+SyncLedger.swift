// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import Foundation
import MessageStore

extension CareConnect.Sync {
    /// `careconnect sync ledger`: the upstream ledger of targets without idempotency (Care Connect API v0.1), and
    /// the by-hand resolution of posts whose outcome is unknown.
    struct Ledger: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ledger",
            abstract: "Show the upstream ledger and resolve posts whose outcome is unknown.",
            discussion: """
                The Care Connect API v0.1 has no idempotency key, so each post is written to the ledger before it \
                is sent and gets the problem's reference number after the answer. A post that may have reached \
                Care Connect without an answer (a dropped connection, a timeout, the device stopped mid-request) \
                is `unknown` and is never posted again by itself: look for the problem in Care Connect (same \
                phone number and text, around the time shown), then either record its reference with \
                --resolve EVENT_ID --reference P123, or post it once more with --repost EVENT_ID. --repost also \
                posts again an event Care Connect refused (`rejected`), once what it refused is fixed.
                """
        )

        @OptionGroup var state: SyncStateOptions

        @Flag(help: "List every row, not only the unknown and rejected ones.")
        var all = false

        @Option(help: "The event whose problem was found in Care Connect (with --reference).")
        var resolve: String?

        @Option(help: "The problem's reference number in Care Connect, such as P123 (with --resolve).")
        var reference: String?

        @Option(help: "The event to post once more (unknown: not found in Care Connect; or rejected).")
        var repost: String?

        func validate() throws {
            if resolve != nil, reference == nil { throw ValidationError("--resolve needs --reference P<number>") }
            if reference != nil, resolve == nil { throw ValidationError("--reference goes with --resolve EVENT_ID") }
            if let reference, reference.first != "P" || Int(reference.dropFirst()) == nil {
                throw ValidationError("--reference is a Care Connect reference number such as P123; got '\(reference)'")
            }
            if resolve != nil, repost != nil { throw ValidationError("give --resolve or --repost, not both") }
        }

        func run() async throws {
            let store = try MessageStore(path: try state.databasePath())
            do {
                if let resolve, let reference {
                    try store.resolveUpstreamPost(eventID: resolve, reference: reference, now: Date())
                    print("\(resolve): done, reference \(reference) (recorded by hand)")
                    return
                }
                if let repost {
                    try store.repostUpstreamEvent(eventID: repost, now: Date())
                    print("\(repost): queued to be posted once more by the next sync")
                    return
                }
            } catch let error as MessageStore.UpstreamLedgerError {
                throw CommandError(error.description)
            }
            let counts = try store.upstreamLedgerCounts()
            let summary = MessageStore.UpstreamLedgerEntry.State.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }
            print("upstream ledger: " + summary.joined(separator: ", "))
            let rows = try store.upstreamLedger(states: all ? [] : [.unknown, .rejected, .posting])
            let format = Date.ISO8601FormatStyle(timeZone: .current)
            for row in rows {
                let reference = row.reference.map { " \($0)" } ?? ""
                print(
                    "\(row.eventID)  \(row.state.rawValue)\(reference)  \(row.target)  posted \(row.attempts)x  "
                        + "last \(row.updatedAt.formatted(format))"
                )
                if let detail = row.detail { print("    \(detail)") }
            }
            if counts[.unknown, default: 0] > 0 {
                print(
                    "check each unknown one in Care Connect, then: careconnect sync ledger --resolve EVENT_ID "
                        + "--reference P123 (found) or --repost EVENT_ID (not found)"
                )
            }
        }
    }
}
