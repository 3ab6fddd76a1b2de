// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB
public import SyncProtocol

extension HubStore {
    /// The event types the hub stores.
    public static let knownEventTypes: Set<String> = [
        "sms.received", "feedback.fft", "kiosk.response", "contact.opted_out", "contact.opted_in", "command.status",
        "device.heartbeat",
    ]

    /// Stores a batch in one transaction and returns the response body to send.
    ///
    /// With an idempotency key already used by this device, the stored body is returned when `fingerprint`
    /// matches, and ``HubError/Code/idempotencyKeyReused`` is thrown when it does not. Otherwise each event is
    /// stored once by `event_id` (later copies are `duplicate`), unknown types and malformed payloads are
    /// `rejected`, and the result is recorded under the key in the same transaction.
    public func ingest(
        _ batch: EventBatch,
        device: HubDevice,
        idempotencyKey: String?,
        fingerprint: String,
        now: Date
    ) throws -> Data {
        let ms = Self.milliseconds(now)
        return try writer.write { db in
            if let idempotencyKey,
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT fingerprint, response FROM idempotency_record WHERE device_id = ? AND key = ?",
                    arguments: [device.deviceID, idempotencyKey]
                )
            {
                guard row["fingerprint"] == fingerprint else {
                    throw HubError(.idempotencyKeyReused, "This Idempotency-Key was used with a different body.")
                }
                let stored: String = row["response"]
                return Data(stored.utf8)
            }
            var results: [EventResult] = []
            for event in batch.events {
                results.append(try Self.store(event, device: device, at: ms, db: db))
            }
            try db.execute(
                sql: """
                    UPDATE device SET high_water_seq = max(high_water_seq, ?), last_upload_at = ? WHERE device_id = ?
                    """,
                arguments: [batch.events.map(\.seq).max() ?? 0, ms, device.deviceID]
            )
            let highWater =
                try Int64.fetchOne(
                    db,
                    sql: "SELECT high_water_seq FROM device WHERE device_id = ?",
                    arguments: [device.deviceID]
                ) ?? 0
            let pending =
                try Bool.fetchOne(
                    db,
                    sql:
                        "SELECT EXISTS (SELECT 1 FROM command WHERE device_id = ? AND state = 'pending' AND expires_at > ?)",
                    arguments: [device.deviceID, ms]
                ) ?? false
            let response = EventBatchResponse(
                serverTime: now,
                highWaterSeq: highWater,
                results: results,
                downlinkPending: pending
            )
            let body = try SyncJSON.encoder().encode(response)
            if let idempotencyKey {
                try db.execute(
                    sql: """
                        INSERT INTO idempotency_record (device_id, key, fingerprint, response, created_at)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        device.deviceID, idempotencyKey, fingerprint, String(decoding: body, as: UTF8.self), ms,
                    ]
                )
            }
            return body
        }
    }

    private static func store(_ event: SyncEvent, device: HubDevice, at ms: Int64, db: Database) throws -> EventResult {
        if let existing = try Row.fetchOne(
            db,
            sql: "SELECT id, device_id FROM event WHERE event_id = ?",
            arguments: [event.eventID]
        ) {
            guard existing["device_id"] == device.deviceID else {
                return EventResult(
                    eventID: event.eventID,
                    status: .rejected,
                    error: .init(code: "event_id_conflict", message: "Another device sent this event id.")
                )
            }
            let id: Int64 = existing["id"]
            return EventResult(eventID: event.eventID, status: .duplicate, ref: "E\(id)")
        }
        if let refusal = refusal(for: event) { return refusal }
        if event.type == "command.status" {
            if let refusal = try applyCommandStatus(event, device: device, at: ms, db: db) { return refusal }
        }
        let payload = try SyncJSON.encoder().encode(event.payload)
        try db.execute(
            sql: """
                INSERT INTO event (event_id, device_id, seq, type, occurred_at, received_at, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                event.eventID, device.deviceID, event.seq, event.type, milliseconds(event.occurredAt), ms,
                String(decoding: payload, as: UTF8.self),
            ]
        )
        let ref = "E\(db.lastInsertedRowID)"
        if event.type == "device.heartbeat", let heartbeat = DeviceHeartbeat(event.payload) {
            try recordHeartbeat(heartbeat, occurredAt: event.occurredAt, deviceID: device.deviceID, at: ms, db: db)
        }
        return EventResult(eventID: event.eventID, status: .accepted, ref: ref)
    }

    /// The rejection of an event that no storage keeps: an unknown type, a payload that is not an object, a seq
    /// that is not positive, an empty id, or a heartbeat ``DeviceHeartbeat`` cannot read. Nil for an event to store.
    static func refusal(for event: SyncEvent) -> EventResult? {
        guard knownEventTypes.contains(event.type) else {
            return EventResult(
                eventID: event.eventID,
                status: .rejected,
                error: .init(code: "unknown_type", message: "The hub does not know events of type \(event.type).")
            )
        }
        guard case .object = event.payload, event.seq > 0, !event.eventID.isEmpty else {
            return EventResult(
                eventID: event.eventID,
                status: .rejected,
                error: .init(code: "invalid_event", message: "The payload must be an object and seq positive.")
            )
        }
        if event.type == "device.heartbeat", DeviceHeartbeat(event.payload) == nil {
            return EventResult(
                eventID: event.eventID,
                status: .rejected,
                error: .init(
                    code: "invalid_event",
                    message: "device.heartbeat needs a whole-number queue_depth and a string app_version."
                )
            )
        }
        return nil
    }

    /// Moves a command forward; answers a refusal for an unknown command or a bad state.
    private static func applyCommandStatus(
        _ event: SyncEvent,
        device: HubDevice,
        at ms: Int64,
        db: Database
    ) throws
        -> EventResult?
    {
        guard let commandID = event.payload["command_id"]?.stringValue,
            let state = event.payload["state"]?.stringValue.flatMap(CommandStatus.State.init(rawValue:))
        else {
            return EventResult(
                eventID: event.eventID,
                status: .rejected,
                error: .init(code: "invalid_event", message: "command.status needs command_id and a known state.")
            )
        }
        guard
            let current = try String.fetchOne(
                db,
                sql: "SELECT state FROM command WHERE command_id = ? AND device_id = ?",
                arguments: [commandID, device.deviceID]
            )
        else {
            return EventResult(
                eventID: event.eventID,
                status: .rejected,
                error: .init(code: "unknown_command", message: "No command \(commandID) for this device.")
            )
        }
        let currentRank = CommandStatus.State(rawValue: current)?.rank ?? -1
        if state.rank > currentRank {
            try db.execute(
                sql: "UPDATE command SET state = ?, reason = ?, updated_at = ? WHERE command_id = ?",
                arguments: [state.rawValue, event.payload["reason"]?.stringValue, ms, commandID]
            )
        }
        return nil
    }
}
