// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB

/// The SIM PINs a SIM refused, remembered across restarts of the SMS gateway so that a wrong `[modem] sim_pin`
/// is entered at most once and never blocks the SIM.
extension MessageStore {
    /// A SIM's refusal of a PIN.
    public struct SIMPINRefusalRecord: Hashable, Sendable {
        /// The SIM's ICCID, or the gateway's placeholder for a SIM that would not tell it.
        public var sim: String
        /// The PIN attempts the SIM had left after refusing, if the modem said.
        public var attemptsLeft: Int?
        /// The modem's answer (`+CME ERROR: 16 (incorrect password)`).
        public var answer: String
        public var refusedAt: Date
    }

    /// The refusal of `pin` by `sim`, if one is recorded.
    ///
    /// The PIN itself is never stored: only a digest of it with the SIM's key, enough to tell whether the
    /// configured PIN is the one refused. (A SIM PIN has at most 8 digits, so no digest could keep it secret
    /// from someone holding the database; the configuration file holds it in clear anyway.)
    public func simPINRefusal(sim: String, pin: String) throws -> SIMPINRefusalRecord? {
        try writer.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT * FROM sim_pin_refusal WHERE sim = ? AND pin_digest = ?",
                arguments: [sim, Self.pinDigest(sim: sim, pin: pin)]
            ).map(Self.refusal)
        }
    }

    /// Records that `sim` refused `pin`; a refusal already recorded for the pair is replaced.
    public func recordSIMPINRefusal(sim: String, pin: String, attemptsLeft: Int?, answer: String, now: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO sim_pin_refusal (sim, pin_digest, attempts_left, answer, refused_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [sim, Self.pinDigest(sim: sim, pin: pin), attemptsLeft, answer, Self.milliseconds(now)]
            )
        }
    }

    /// Forgets the refusals recorded for `sim`: it accepted a PIN.
    public func forgetSIMPINRefusals(sim: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM sim_pin_refusal WHERE sim = ?", arguments: [sim])
        }
    }

    /// Every recorded refusal, newest first, for `careconnect status`.
    public func simPINRefusals() throws -> [SIMPINRefusalRecord] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sim_pin_refusal ORDER BY refused_at DESC").map(Self.refusal)
        }
    }

    private static func refusal(_ row: Row) -> SIMPINRefusalRecord {
        SIMPINRefusalRecord(
            sim: row["sim"],
            attemptsLeft: row["attempts_left"],
            answer: row["answer"],
            refusedAt: Date(timeIntervalSince1970: Double(row["refused_at"] as Int64) / 1_000)
        )
    }

    /// FNV-1a (64 bits) of the SIM's key and the PIN, in hexadecimal: stable across runs and platforms.
    static func pinDigest(sim: String, pin: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(sim)\u{0}\(pin)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
