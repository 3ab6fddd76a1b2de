// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import Logging
public import MessageStore
import SyncProtocol

/// The device's side of the sync protocol: uploads the sync outbox and fetches commands, one step at a time.
///
/// Nothing leaves the outbox until the hub has answered for it. A batch whose answer was lost is sent again with
/// the same bytes and `Idempotency-Key`, so the hub returns its stored answer; after a restart the same events go
/// in a new batch and the hub answers `duplicate` for each.
public actor SyncEngine {
    /// What one uplink step achieved, and so what to do next.
    public enum Step: Sendable, Hashable {
        /// The outbox is empty.
        case drained
        /// A batch was answered; `removed` events left the outbox. Go on at once.
        case progressed(removed: Int)
        /// Wait this long, then try again.
        case wait(Duration)
        /// The hub refused the credentials: wait for new ones.
        case needsCredentials
    }

    private struct PendingBatch {
        var key: String
        var body: Data
        var eventIDs: [String]
    }

    let store: MessageStore
    let connection: HubConnection
    let credentials: DeviceCredentials
    let settings: SyncSettings
    let logger: Logger
    private var sizer: BatchSizer
    private var breaker: CircuitBreaker<ContinuousClock.Instant>
    private var clockOffset = ClockOffsetEstimator()
    private var failures = 0
    private var pending: PendingBatch?
    private let bootID: String

    /// Counters, for tests and the benchmark.
    public private(set) var requests = 0
    public private(set) var uploadedBytes = 0

    public init(
        store: MessageStore,
        connection: HubConnection,
        credentials: DeviceCredentials,
        settings: SyncSettings = SyncSettings(),
        logger: Logger
    ) {
        self.store = store
        self.connection = connection
        self.credentials = credentials
        self.settings = settings
        self.logger = logger
        self.sizer = BatchSizer(maxEvents: settings.maxEvents, maxBytes: settings.maxBytes)
        self.breaker = CircuitBreaker(threshold: settings.breakerThreshold, backoff: settings.backoff)
        let bootID = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)
        self.bootID = bootID?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
    }

    // MARK: - Uplink

    /// Uploads until the outbox is empty, waiting as each step says; returns when it is drained, or throws
    /// `CancellationError` when cancelled. With `giveUpAfter`, stops waiting once that many waits in a row failed.
    public func uploadUntilDrained() async throws {
        while true {
            switch await uploadOnce() {
            case .drained: return
            case .progressed: continue
            case .wait(let duration): try await Task.sleep(for: duration)
            case .needsCredentials: throw SyncError(.credentials, "the hub refused this device's token")
            }
        }
    }

    /// One step: passes the circuit breaker, sends one batch, applies its answer.
    public func uploadOnce() async -> Step {
        if let step = await passBreaker() { return step }
        let batch: PendingBatch
        do {
            guard let next = try pending ?? makeBatch() else { return .drained }
            batch = next
        } catch {
            logger.error("cannot read the sync outbox", metadata: ["error": "\(error)"])
            return .wait(settings.idleInterval)
        }
        pending = batch
        let sent = Date()
        let answer: HubConnection.Answer
        do {
            var headers = [
                ("Content-Type", "application/json"),
                (IdempotencyKey.headerName, IdempotencyKey.headerValue(batch.key)),
            ]
            if settings.compress { headers.append(("Content-Encoding", "gzip")) }
            requests += 1
            uploadedBytes += batch.body.count
            answer = try await connection.send(
                "POST",
                "/v1/events",
                token: credentials.token,
                headers: headers,
                body: batch.body
            )
        } catch {
            return failed("\(error)", retryAfter: nil)
        }
        return await apply(answer, to: batch, sent: sent)
    }

    private func passBreaker() async -> Step? {
        switch breaker.nextStep(at: .now) {
        case .request: return nil
        case .wait(let until): return .wait(until - .now)
        case .needsCredentials: return .needsCredentials
        case .probe:
            do {
                let sent = Date()
                let health = try await connection.health()
                noteServerTime(health.serverTime, sent: sent)
                breaker.record(.success, at: .now)
                logger.info("the hub answers again; the circuit is closed")
                return nil
            } catch {
                breaker.record(.failure, at: .now, cooldown: settings.backoff.delay(afterFailures: failures + 1))
                failures += 1
                return .wait(waitFromBreaker())
            }
        }
    }

    private func waitFromBreaker() -> Duration {
        if case .open(let until, _) = breaker.state { return max(.zero, until - .now) }
        return settings.backoff.delay(afterFailures: failures)
    }

    private func makeBatch() throws -> PendingBatch? {
        let events = try store.nextSyncBatch(maxEvents: sizer.limit, maxBytes: sizer.maxBytes)
        guard !events.isEmpty else { return nil }
        let wire = events.map { event in
            SyncEvent(
                eventID: event.eventID,
                seq: event.seq,
                type: event.kind,
                occurredAt: event.createdAt,
                payload: (try? SyncJSON.decoder().decode(JSONValue.self, from: Data(event.payload.utf8))) ?? .null
            )
        }
        let key = UUID().uuidString.lowercased()
        let batch = EventBatch(
            deviceID: credentials.deviceID,
            batchID: key,
            sentAt: Date(),
            clock: DeviceClock(
                bootID: bootID,
                uptimeMilliseconds: Int64(ProcessInfo.processInfo.systemUptime * 1_000)
            ),
            events: wire
        )
        var body = try SyncJSON.encoder().encode(batch)
        if settings.compress { body = try Gzip.compress(body) }
        return PendingBatch(key: key, body: body, eventIDs: events.map(\.eventID))
    }

    private func apply(_ answer: HubConnection.Answer, to batch: PendingBatch, sent: Date) async -> Step {
        switch answer.status {
        case 200:
            guard let response = try? connection.decode(EventBatchResponse.self, answer.body) else {
                return failed("the hub's answer to a batch could not be read", retryAfter: nil)
            }
            noteServerTime(response.serverTime, sent: sent)
            let known = Set(batch.eventIDs)
            let acknowledgements = response.results.filter { known.contains($0.eventID) }.compactMap {
                result -> SyncAcknowledgement? in
                switch result.status {
                case .accepted, .duplicate:
                    return SyncAcknowledgement(eventID: result.eventID, outcome: .delivered)
                case .rejected:
                    if result.error?.retryable == true { return nil }
                    let reason = [result.error?.code, result.error?.message].compactMap { $0 }.joined(separator: ": ")
                    return SyncAcknowledgement(eventID: result.eventID, outcome: .rejected(error: reason))
                }
            }
            do {
                let removed = try store.acknowledgeSync(acknowledgements, now: Date())
                try store.setSyncState(
                    [.lastSuccessAt: "\(Int64(Date().timeIntervalSince1970 * 1_000))", .lastError: ""],
                    now: Date()
                )
                pending = nil
                failures = 0
                breaker.record(.success, at: .now)
                sizer.succeeded()
                return .progressed(removed: removed)
            } catch {
                logger.error("cannot apply the hub's answer", metadata: ["error": "\(error)"])
                return .wait(settings.idleInterval)
            }
        case 401, 403:
            breaker.record(.unauthorized, at: .now)
            recordError("the hub refused the device's credentials (\(answer.status))")
            return .needsCredentials
        case 413:
            let problem = try? connection.decode(Problem.self, answer.body)
            pending = nil
            breaker.record(.success, at: .now)
            let canShrink = sizer.payloadTooLarge(
                sent: batch.eventIDs.count,
                serverMaxEvents: problem?.maxEvents,
                serverMaxBytes: problem?.maxBytes
            )
            if !canShrink, let only = batch.eventIDs.first {
                try? store.deadLetterSyncEvent(eventID: only, error: "too large for the hub (413)", now: Date())
                logger.warning("an event is too large for the hub and went to the dead letters")
            }
            logger.notice("the hub found a batch too large", metadata: ["limit": "\(sizer.limit)"])
            return .progressed(removed: canShrink ? 0 : 1)
        case 400, 422:
            // The hub could not take this batch as sent: make a new one (smaller, to isolate a bad event).
            pending = nil
            breaker.record(.success, at: .now)
            if batch.eventIDs.count == 1, let only = batch.eventIDs.first {
                try? store.deadLetterSyncEvent(
                    eventID: only,
                    error: "refused by the hub (\(answer.status))",
                    now: Date()
                )
                return .progressed(removed: 1)
            }
            _ = sizer.payloadTooLarge(sent: batch.eventIDs.count, serverMaxEvents: nil, serverMaxBytes: nil)
            recordError("the hub refused a batch (\(answer.status))")
            return .progressed(removed: 0)
        default:
            let retryAfter = answer.retryAfter.flatMap { RetryAfter.parse($0, now: Date()) }
            return failed("the hub answered \(answer.status)", retryAfter: retryAfter)
        }
    }

    /// A transport failure or a 5xx/429: keep the batch for an identical retry and back off.
    private func failed(_ reason: String, retryAfter: Duration?) -> Step {
        failures += 1
        let jitter = settings.backoff.delay(afterFailures: failures)
        let wait = max(retryAfter ?? .zero, jitter)
        breaker.record(.failure, at: .now, cooldown: wait)
        recordError(reason)
        logger.warning("sync failed; will retry", metadata: ["reason": "\(reason)", "wait_ms": "\(wait.milliseconds)"])
        return .wait(wait)
    }

    private func recordError(_ reason: String) {
        try? store.setSyncState([.lastError: reason], now: Date())
    }

    private func noteServerTime(_ serverTime: Date, sent: Date) {
        clockOffset.add(.init(sent: sent, received: Date(), serverTime: serverTime))
        if let estimate = clockOffset.estimate {
            try? store.setSyncState(
                [.clockOffsetMilliseconds: "\(Int64((estimate.offset * 1_000).rounded()))"],
                now: Date()
            )
        }
    }

    // MARK: - Downlink

    /// One long-poll of `GET /v1/commands` after the stored cursor: new commands are stored (at most once) with
    /// the cursor in one transaction, and `sms.send` ones become queued texts. Returns how many were new.
    public func pollCommandsOnce(wait: Int) async throws -> Int {
        let cursor = try store.syncState(.downlinkCursor)
        var path = "/v1/commands?limit=50&wait=\(max(0, wait))"
        if let cursor, let escaped = cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
            path += "&after=\(escaped)"
        }
        let sent = Date()
        let answer = try await connection.send(
            "GET",
            path,
            token: credentials.token,
            timeout: .seconds(Int64(wait + 30))
        )
        guard answer.status == 200 else {
            throw SyncError(.status(answer.status), "commands answered \(answer.status)")
        }
        let response = try connection.decode(CommandsResponse.self, answer.body)
        noteServerTime(response.serverTime, sent: sent)
        let incoming = response.commands.map { command in
            let payloadText = (try? SyncJSON.encoder().encode(command.payload)).map {
                String(decoding: $0, as: UTF8.self)
            }
            let action: IncomingHubCommand.Action
            switch command.type {
            case .smsSend:
                if let sms = SMSSendPayload(command.payload), !sms.to.isEmpty, !sms.text.isEmpty {
                    action = .sendSMS(to: sms.to, text: sms.text)
                } else {
                    action = .reject(reason: "sms.send needs to and text")
                }
            default:
                action = .reject(reason: "this device does not carry out \(command.type) commands")
            }
            return IncomingHubCommand(
                commandID: command.commandID,
                type: command.type.rawValue,
                payload: payloadText ?? "{}",
                createdAt: command.createdAt,
                expiresAt: command.expiresAt,
                action: action
            )
        }
        let new = try store.recordHubCommands(incoming, cursor: response.nextCursor, now: Date())
        try store.advanceHubCommands(now: Date())
        return new.count
    }
}
