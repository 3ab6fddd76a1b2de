// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import MessageStore
import Testing

/// A SIM's refusal of a PIN outlives the process (it is in the database file), is keyed by the SIM and the
/// PIN, never stores the PIN itself, and goes when the SIM accepts a PIN.
@Suite struct SIMPINRefusalsSurviveRestartTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func refusalIsKeptAcrossReopeningAndForgottenPerSIM() throws {
        // Given a refusal recorded by one process
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("pin-\(UUID().uuidString)/careconnect.sqlite").path
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        do {
            let store = try MessageStore(path: path)
            try store.recordSIMPINRefusal(sim: "8944", pin: "0000", attemptsLeft: 2, answer: "+CME ERROR: 16", now: now)
            try store.recordSIMPINRefusal(sim: "8955", pin: "0000", attemptsLeft: nil, answer: "ERROR", now: now)
        }

        // When another process opens the database
        let store = try MessageStore(path: path)

        // Then it sees the refusal for that SIM and PIN only, and not the PIN itself
        let refusal = try #require(try store.simPINRefusal(sim: "8944", pin: "0000"))
        #expect(refusal.attemptsLeft == 2)
        #expect(refusal.answer == "+CME ERROR: 16")
        #expect(refusal.refusedAt == now)
        #expect(try store.simPINRefusal(sim: "8944", pin: "1234") == nil)
        #expect(try store.simPINRefusal(sim: "8966", pin: "0000") == nil)
        #expect(try store.status().simPINRefusals == 2)
        let stored = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT pin_digest FROM sim_pin_refusal")
        }
        #expect(!stored.contains { $0.contains("0000") })

        // And a SIM that accepted a PIN loses its refusals, the other SIM keeps its own
        try store.forgetSIMPINRefusals(sim: "8944")
        #expect(try store.simPINRefusal(sim: "8944", pin: "0000") == nil)
        #expect(try store.simPINRefusals().map(\.sim) == ["8955"])
    }
}
