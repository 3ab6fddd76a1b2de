// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import SyncProtocol

extension HubStore {
    /// What the ward's staff page shows (the same for every storage).
    public typealias WardSummary = HubWardSummary

    /// The ward's staff page data: FFT counts and the latest 50 items.
    public func wardSummary(_ ward: String) throws -> WardSummary {
        try writer.read { db in
            let devices = try String.fetchAll(
                db,
                sql: "SELECT device_id FROM device WHERE ward = ? ORDER BY device_id",
                arguments: [ward]
            )
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.event_id, e.type, e.occurred_at, e.payload FROM event e JOIN device d USING (device_id)
                    WHERE d.ward = ? AND e.type IN ('feedback.fft', 'kiosk.response', 'sms.received')
                    ORDER BY e.occurred_at DESC, e.id DESC
                    """,
                arguments: [ward]
            )
            let events = rows.map { row in
                WardSummary.EventRow(
                    eventID: row["event_id"],
                    type: row["type"],
                    occurredAt: row["occurred_at"],
                    payload: row["payload"]
                )
            }
            let commands = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.command_id, c.state, c.payload FROM command c JOIN device d USING (device_id)
                    WHERE d.ward = ? AND c.type = 'sms.send' ORDER BY c.cursor DESC LIMIT 20
                    """,
                arguments: [ward]
            )
            .map { row -> (commandID: String, state: String, payload: String) in
                (row["command_id"], row["state"], row["payload"])
            }
            return WardSummary(
                ward: ward,
                devices: devices,
                events: events,
                commands: commands,
                deviceStatuses: try Self.deviceStatuses(ward: ward, db: db),
                configuration: try Self.wardConfiguration(ward, db: db)
            )
        }
    }

    /// How many events the hub holds, and how many distinct event ids: equal when nothing was stored twice.
    public func eventCounts() throws -> (events: Int, distinct: Int) {
        try writer.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COUNT(DISTINCT event_id) AS d FROM event")
            return (row?["n"] ?? 0, row?["d"] ?? 0)
        }
    }
}
