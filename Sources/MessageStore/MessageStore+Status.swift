// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import GRDB

/// Queue depths and problems, for `careconnect status` and `careconnect doctor`.
public struct StoreStatus: Hashable, Sendable, Codable {
    public var messages: Int
    public var unhandledMessages: Int
    public var partialMessages: Int
    public var pendingParts: Int
    public var undecodableParts: Int
    public var outboundByState: [String: Int]
    public var syncBacklog: Int
    public var deadLetters: Int
    /// The newest received message time (ms since 1970), if any.
    public var lastReceivedAt: Int64?
    /// The newest sent message time (ms since 1970), if any.
    public var lastSentAt: Int64?
    /// SIM PINs a SIM refused and the SMS gateway will not enter again (see ``MessageStore/simPINRefusals()``).
    public var simPINRefusals = 0
    /// Power reports from the modem by kind (`UNDER-VOLTAGE WARNNING`: 3), since the database was made.
    public var modemPowerReports: [String: Int] = [:]
}

extension MessageStore {
    /// Counts for every queue in one read.
    public func status() throws -> StoreStatus {
        try writer.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            var byState: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM outbound_message GROUP BY state") {
                byState[row["state"]] = row["n"]
            }
            var status = StoreStatus(
                messages: try count("SELECT COUNT(*) FROM inbound_message"),
                unhandledMessages: try count("SELECT COUNT(*) FROM inbound_message WHERE handled_at IS NULL"),
                partialMessages: try count("SELECT COUNT(*) FROM inbound_message WHERE missing_parts > 0"),
                pendingParts: try count(
                    "SELECT COUNT(*) FROM inbound_part WHERE message_id IS NULL AND concat_key IS NOT NULL"
                ),
                undecodableParts: try count("SELECT COUNT(*) FROM inbound_part WHERE decode_error IS NOT NULL"),
                outboundByState: byState,
                syncBacklog: try count("SELECT COUNT(*) FROM sync_outbox"),
                deadLetters: try count("SELECT COUNT(*) FROM dead_letter"),
                lastReceivedAt: try Int64.fetchOne(db, sql: "SELECT MAX(received_at) FROM inbound_message"),
                lastSentAt: try Int64.fetchOne(db, sql: "SELECT MAX(sent_at) FROM outbound_part")
            )
            status.simPINRefusals = try count("SELECT COUNT(*) FROM sim_pin_refusal")
            for row in try Row.fetchAll(db, sql: "SELECT kind, count FROM modem_power_report") {
                status.modemPowerReports[row["kind"]] = row["count"]
            }
            return status
        }
    }

    /// Raw PDUs that could not be decoded, with their errors, newest first.
    public func undecodableParts(limit: Int = 50) throws -> [(pdu: String, error: String, receivedAt: Int64)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT pdu, decode_error, received_at FROM inbound_part WHERE decode_error IS NOT NULL
                    ORDER BY id DESC LIMIT ?
                    """,
                arguments: [limit]
            ).map { ($0["pdu"], $0["decode_error"], $0["received_at"]) }
        }
    }
}
