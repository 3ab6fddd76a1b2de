// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB
import SyncProtocol

extension HubStore {
    /// What the ward's staff page shows.
    public struct WardSummary: Sendable {
        /// One piece of feedback or one text.
        public struct Item: Sendable, Hashable {
            public var eventID: String
            public var type: String
            public var occurredAt: Date
            /// The FFT answer, 1 (very good) to 6 (don't know), when there is one.
            public var rating: Int?
            /// The text or comment.
            public var text: String?
            /// The sender, for texts.
            public var sender: String?
        }

        /// The ward's name.
        public var ward: String
        /// Its devices.
        public var devices: [String]
        /// FFT answers by rating, 1…6.
        public var fftCounts: [Int: Int]
        /// The most recent feedback and texts, newest first.
        public var recent: [Item]
        /// Recent commands: (id, state, recipient).
        public var commands: [(commandID: String, state: String, to: String)]
    }

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
            var counts: [Int: Int] = [:]
            var recent: [WardSummary.Item] = []
            let decoder = SyncJSON.decoder()
            for row in rows {
                let text: String = row["payload"]
                let payload = (try? decoder.decode(JSONValue.self, from: Data(text.utf8))) ?? .null
                let type: String = row["type"]
                var item = WardSummary.Item(
                    eventID: row["event_id"],
                    type: type,
                    occurredAt: Self.date(row["occurred_at"]),
                    rating: nil,
                    text: nil,
                    sender: nil
                )
                switch type {
                case "feedback.fft":
                    item.rating = payload["answers"]?["fft"]?.stringValue.flatMap { Int($0) }
                    item.text = payload["answers"]?["why"]?.stringValue
                case "kiosk.response":
                    if case .integer(let rating) = payload["rating"] { item.rating = Int(rating) }
                    item.text = payload["comment"]?.stringValue
                default:
                    item.text = payload["text"]?.stringValue
                    item.sender = payload["from"]?.stringValue
                }
                if let rating = item.rating, (1...6).contains(rating) { counts[rating, default: 0] += 1 }
                if recent.count < 50 { recent.append(item) }
            }
            let commands = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.command_id, c.state, c.payload FROM command c JOIN device d USING (device_id)
                    WHERE d.ward = ? ORDER BY c.cursor DESC LIMIT 20
                    """,
                arguments: [ward]
            )
            .map { row -> (commandID: String, state: String, to: String) in
                let text: String = row["payload"]
                let payload = (try? decoder.decode(JSONValue.self, from: Data(text.utf8))) ?? .null
                return (row["command_id"], row["state"], payload["to"]?.stringValue ?? "")
            }
            return WardSummary(ward: ward, devices: devices, fftCounts: counts, recent: recent, commands: commands)
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
