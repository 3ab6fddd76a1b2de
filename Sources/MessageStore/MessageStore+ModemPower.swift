// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB

/// The power reports the modem made (`UNDER-VOLTAGE WARNNING`, `UNDER-VOLTAGE POWER DOWN`), counted by kind so
/// that brown-outs show in `careconnect status`.
extension MessageStore {
    /// How often the modem made one kind of power report.
    public struct ModemPowerReportCount: Hashable, Sendable, Codable {
        /// The report as the modem sent it (`UNDER-VOLTAGE WARNNING`).
        public var kind: String
        public var count: Int
        /// First and last time, in ms since 1970.
        public var firstAt: Int64
        public var lastAt: Int64
    }

    /// Counts one power report of `kind` from the modem.
    public func recordModemPowerReport(_ kind: String, now: Date) throws {
        let at = Self.milliseconds(now)
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO modem_power_report (kind, count, first_at, last_at) VALUES (?, 1, ?, ?)
                    ON CONFLICT (kind) DO UPDATE SET count = count + 1, last_at = excluded.last_at
                    """,
                arguments: [kind, at, at]
            )
        }
    }

    /// How often the modem made each kind of power report, most recent first.
    public func modemPowerReports() throws -> [ModemPowerReportCount] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM modem_power_report ORDER BY last_at DESC").map { row in
                ModemPowerReportCount(
                    kind: row["kind"],
                    count: row["count"],
                    firstAt: row["first_at"],
                    lastAt: row["last_at"]
                )
            }
        }
    }
}
