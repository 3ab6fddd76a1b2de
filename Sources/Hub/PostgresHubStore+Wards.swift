// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Logging
import PostgresNIO

extension PostgresHubStore: HubStorage {
    /// The ward's staff page data: FFT counts and the latest 50 items.
    public func wardSummary(_ ward: String) async throws -> HubWardSummary {
        try await transaction { connection in
            let devices = try await Self.rows(
                "SELECT device_id FROM device WHERE ward = \(ward) ORDER BY device_id",
                on: connection,
                logger: logger
            )
            .map { try $0.decode(String.self) }
            let types = HubWardSummary.shownTypes
            let events = try await Self.rows(
                """
                SELECT e.event_id, e.type, e.occurred_at, e.payload FROM event e JOIN device d USING (device_id)
                WHERE d.ward = \(ward) AND e.type = ANY(\(types)::text[])
                ORDER BY e.occurred_at DESC, e.id DESC
                """,
                on: connection,
                logger: logger
            )
            .map { row in
                let (eventID, type, occurredAt, payload) = try row.decode((String, String, Int64, String).self)
                return HubWardSummary.EventRow(eventID: eventID, type: type, occurredAt: occurredAt, payload: payload)
            }
            let commands = try await Self.rows(
                """
                SELECT c.command_id, c.state, c.payload FROM command c JOIN device d USING (device_id)
                WHERE d.ward = \(ward) AND c.type = 'sms.send' ORDER BY c.cursor DESC LIMIT 20
                """,
                on: connection,
                logger: logger
            )
            .map { row -> (commandID: String, state: String, payload: String) in
                let (commandID, state, payload) = try row.decode((String, String, String).self)
                return (commandID, state, payload)
            }
            return HubWardSummary(
                ward: ward,
                devices: devices,
                events: events,
                commands: commands,
                deviceStatuses: try await Self.deviceStatuses(ward: ward, connection: connection, logger: logger),
                configuration: try await Self.wardConfiguration(ward, connection: connection, logger: logger)
            )
        }
    }
}
