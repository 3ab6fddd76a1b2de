// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import Logging
import PostgresNIO
public import SyncProtocol

extension PostgresHubStore {
    /// Stores a batch in one transaction and returns the response body to send, as ``HubStore`` does.
    ///
    /// Across replicas: the device's row is locked first, so batches from one device are stored one after the
    /// other; each event is inserted with `ON CONFLICT (event_id) DO NOTHING`, so a copy arriving through another
    /// replica at the same moment is answered `duplicate`; and a request whose `Idempotency-Key` is still being
    /// answered elsewhere is refused with ``HubError/Code/idempotencyKeyInFlight`` (409) rather than run twice.
    public func ingest(
        _ batch: EventBatch,
        device: HubDevice,
        idempotencyKey: String?,
        fingerprint: String,
        now: Date
    ) async throws -> Data {
        let ms = Self.milliseconds(now)
        let deviceID = device.deviceID
        let encoder = SyncJSON.encoder()
        return try await transaction { connection in
            if let key = idempotencyKey {
                if let stored = try await Self.storedAnswer(
                    key: key,
                    deviceID: deviceID,
                    fingerprint: fingerprint,
                    connection: connection,
                    logger: logger
                ) {
                    return stored
                }
            }
            let highest = batch.events.map(\.seq).max() ?? 0
            let highWater =
                try await Self.rows(
                    """
                    UPDATE device SET high_water_seq = GREATEST(high_water_seq, \(highest)), last_upload_at = \(ms)
                    WHERE device_id = \(deviceID) RETURNING high_water_seq
                    """,
                    on: connection,
                    logger: logger
                )
                .first?.decode(Int64.self) ?? 0
            var results: [EventResult?] = Array(repeating: nil, count: batch.events.count)
            var plain: [(index: Int, event: SyncEvent, payload: String)] = []
            for (index, event) in batch.events.enumerated() {
                if let refusal = HubStore.refusal(for: event) {
                    results[index] = refusal
                } else if event.type == "command.status" {
                    results[index] = try await Self.storeCommandStatus(
                        event,
                        deviceID: deviceID,
                        at: ms,
                        connection: connection,
                        logger: logger
                    )
                } else {
                    let payload = String(decoding: try encoder.encode(event.payload), as: UTF8.self)
                    plain.append((index, event, payload))
                }
            }
            let stored = try await Self.insert(
                plain,
                deviceID: deviceID,
                at: ms,
                connection: connection,
                logger: logger
            )
            for (offset, item) in plain.enumerated() {
                results[item.index] = stored[offset]
                if stored[offset].status == .accepted, item.event.type == "device.heartbeat",
                    let heartbeat = DeviceHeartbeat(item.event.payload)
                {
                    try await Self.recordHeartbeat(
                        heartbeat,
                        occurredAt: item.event.occurredAt,
                        deviceID: deviceID,
                        at: ms,
                        connection: connection,
                        logger: logger
                    )
                }
            }
            let pending =
                try await Self.rows(
                    """
                    SELECT EXISTS (SELECT 1 FROM command WHERE device_id = \(deviceID) AND state = 'pending'
                    AND expires_at > \(ms))
                    """,
                    on: connection,
                    logger: logger
                )
                .first?.decode(Bool.self) ?? false
            let response = EventBatchResponse(
                serverTime: now,
                highWaterSeq: highWater,
                results: results.compactMap { $0 },
                downlinkPending: pending
            )
            let body = try encoder.encode(response)
            if let key = idempotencyKey {
                try await connection.query(
                    """
                    INSERT INTO idempotency_record (device_id, key, fingerprint, response, created_at)
                    VALUES (\(deviceID), \(key), \(fingerprint), \(String(decoding: body, as: UTF8.self)), \(ms))
                    """,
                    logger: logger
                )
            }
            return body
        }
    }

    /// The stored answer for a key used before with the same body; nil for a new key, which this transaction then
    /// holds until it commits.
    private static func storedAnswer(
        key: String,
        deviceID: String,
        fingerprint: String,
        connection: PostgresConnection,
        logger: Logger
    ) async throws -> Data? {
        let locked =
            try await rows(
                "SELECT pg_try_advisory_xact_lock(hashtext(\(deviceID)), hashtext(\(key)))",
                on: connection,
                logger: logger
            )
            .first?.decode(Bool.self) ?? false
        guard locked else {
            throw HubError(
                .idempotencyKeyInFlight,
                "A request with this Idempotency-Key is still being answered; retry it shortly."
            )
        }
        let row = try await rows(
            "SELECT fingerprint, response FROM idempotency_record WHERE device_id = \(deviceID) AND key = \(key)",
            on: connection,
            logger: logger
        )
        .first
        guard let (storedFingerprint, response) = try row?.decode((String, String).self) else { return nil }
        guard storedFingerprint == fingerprint else {
            throw HubError(.idempotencyKeyReused, "This Idempotency-Key was used with a different body.")
        }
        return Data(response.utf8)
    }

    /// Inserts valid events in one statement (ordered by id, so two transactions never wait on each other in a
    /// cycle) and answers each: `accepted` for the first copy stored, `duplicate` for one already stored by this
    /// device, `rejected` for an id another device used.
    private static func insert(
        _ events: [(index: Int, event: SyncEvent, payload: String)],
        deviceID: String,
        at ms: Int64,
        connection: PostgresConnection,
        logger: Logger
    ) async throws -> [EventResult] {
        guard !events.isEmpty else { return [] }
        let ids = events.map(\.event.eventID)
        let seqs = events.map(\.event.seq)
        let types = events.map(\.event.type)
        let times = events.map { milliseconds($0.event.occurredAt) }
        let payloads = events.map(\.payload)
        var inserted: [String: Int64] = [:]
        for row in try await rows(
            """
            INSERT INTO event (event_id, device_id, seq, type, occurred_at, received_at, payload)
            SELECT e, \(deviceID), s, t, o, \(ms), p
            FROM unnest(\(ids)::text[], \(seqs)::bigint[], \(types)::text[], \(times)::bigint[], \(payloads)::text[])
                AS u (e, s, t, o, p)
            ORDER BY e
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id, id
            """,
            on: connection,
            logger: logger
        ) {
            let (eventID, id) = try row.decode((String, Int64).self)
            inserted[eventID] = id
        }
        var existing: [String: (id: Int64, deviceID: String)] = [:]
        let others = Array(Set(ids).subtracting(inserted.keys))
        if !others.isEmpty {
            for row in try await rows(
                "SELECT event_id, id, device_id FROM event WHERE event_id = ANY(\(others)::text[])",
                on: connection,
                logger: logger
            ) {
                let (eventID, id, owner) = try row.decode((String, Int64, String).self)
                existing[eventID] = (id, owner)
            }
        }
        var answered: Set<String> = []
        return events.map { item in
            let eventID = item.event.eventID
            if let id = inserted[eventID], answered.insert(eventID).inserted {
                return EventResult(eventID: eventID, status: .accepted, ref: "E\(id)")
            }
            let stored = inserted[eventID].map { (id: $0, deviceID: deviceID) } ?? existing[eventID]
            guard let stored, stored.deviceID == deviceID else {
                return EventResult(
                    eventID: eventID,
                    status: .rejected,
                    error: .init(code: "event_id_conflict", message: "Another device sent this event id.")
                )
            }
            return EventResult(eventID: eventID, status: .duplicate, ref: "E\(stored.id)")
        }
    }

    /// Stores a `command.status` event and moves its command forward (never backward).
    private static func storeCommandStatus(
        _ event: SyncEvent,
        deviceID: String,
        at ms: Int64,
        connection: PostgresConnection,
        logger: Logger
    ) async throws -> EventResult {
        guard let commandID = event.payload["command_id"]?.stringValue,
            let state = event.payload["state"]?.stringValue.flatMap(CommandStatus.State.init(rawValue:))
        else {
            return EventResult(
                eventID: event.eventID,
                status: .rejected,
                error: .init(code: "invalid_event", message: "command.status needs command_id and a known state.")
            )
        }
        let current = try await rows(
            "SELECT state FROM command WHERE command_id = \(commandID) AND device_id = \(deviceID) FOR UPDATE",
            on: connection,
            logger: logger
        )
        .first?.decode(String.self)
        guard let current else {
            return EventResult(
                eventID: event.eventID,
                status: .rejected,
                error: .init(code: "unknown_command", message: "No command \(commandID) for this device.")
            )
        }
        let payload = String(decoding: try SyncJSON.encoder().encode(event.payload), as: UTF8.self)
        let result = try await insert(
            [(0, event, payload)],
            deviceID: deviceID,
            at: ms,
            connection: connection,
            logger: logger
        )[0]
        if result.status == .accepted, state.rank > (CommandStatus.State(rawValue: current)?.rank ?? -1) {
            let reason = event.payload["reason"]?.stringValue
            try await connection.query(
                """
                UPDATE command SET state = \(state.rawValue), reason = \(reason), updated_at = \(ms)
                WHERE command_id = \(commandID)
                """,
                logger: logger
            )
        }
        return result
    }

    /// How many events are stored, and how many distinct event ids.
    public func eventCounts() async throws -> (events: Int, distinct: Int) {
        let rows = try await client.query("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM event", logger: logger)
            .collect()
        guard let row = rows.first else { return (0, 0) }
        let (events, distinct) = try row.decode((Int64, Int64).self)
        return (Int(events), Int(distinct))
    }
}
