// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
public import SyncProtocol

/// What the ward's staff page shows, whichever storage holds it.
public struct HubWardSummary: Sendable {
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

    /// One stored event as the summary reads it: newest first.
    struct EventRow {
        var eventID: String
        var type: String
        var occurredAt: Int64
        var payload: String
    }

    /// The event types the page shows.
    static let shownTypes = ["feedback.fft", "kiosk.response", "sms.received"]

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
    /// Each device with what its latest heartbeat said, by name.
    public var deviceStatuses: [HubDeviceStatus]
    /// The ward's managed settings (the empty document when none were set).
    public var configuration: ConfigurationDocument

    /// Counts the ratings of `events` (newest first) and keeps the latest 50 as items.
    init(
        ward: String,
        devices: [String],
        events: [EventRow],
        commands: [(commandID: String, state: String, payload: String)],
        deviceStatuses: [HubDeviceStatus],
        configuration: ConfigurationDocument
    ) {
        var counts: [Int: Int] = [:]
        var recent: [Item] = []
        let decoder = SyncJSON.decoder()
        for row in events {
            let payload = (try? decoder.decode(JSONValue.self, from: Data(row.payload.utf8))) ?? .null
            var item = Item(
                eventID: row.eventID,
                type: row.type,
                occurredAt: HubStore.date(row.occurredAt),
                rating: nil,
                text: nil,
                sender: nil
            )
            switch row.type {
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
        self.ward = ward
        self.devices = devices
        self.fftCounts = counts
        self.recent = recent
        self.commands = commands.map { command in
            let payload = (try? decoder.decode(JSONValue.self, from: Data(command.payload.utf8))) ?? .null
            return (command.commandID, command.state, payload["to"]?.stringValue ?? "")
        }
        self.deviceStatuses = deviceStatuses
        self.configuration = configuration
    }
}
