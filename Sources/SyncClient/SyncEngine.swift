// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import Logging
public import MessageStore
import SyncProtocol

/// The device's side of the sync protocol: uploads the sync outbox to an ``UpstreamTarget`` and fetches commands
/// from the hub, one step at a time.
///
/// Nothing leaves the outbox until the target has answered for it. A batch whose answer was lost is sent again as
/// the same value (for the hub: the same bytes and `Idempotency-Key`, so the hub returns its stored answer); after
/// a restart the same events go in a new batch and the target answers `duplicate` for each.
public actor SyncEngine {
    /// What one uplink step achieved, and so what to do next.
    public enum Step: Sendable, Hashable {
        /// The outbox is empty.
        case drained
        /// A batch was answered; `removed` events left the outbox. Go on at once.
        case progressed(removed: Int)
        /// Wait this long, then try again.
        case wait(Duration)
        /// The target refused the credentials: wait for new ones.
        case needsCredentials
    }

    let store: MessageStore
    let target: any UpstreamTarget
    let downlink: HubConnection?
    let credentials: DeviceCredentials?
    let deviceID: String
    let settings: SyncSettings
    let logger: Logger
    let managedSettings: (any ManagedSettingsTarget)?
    private var sizer: BatchSizer
    private var breaker: CircuitBreaker<ContinuousClock.Instant>
    private var clockOffset = ClockOffsetEstimator()
    private var failures = 0
    private var pending: EventBatch?
    private var lastRefusal: String?
    private let bootID: String

    /// Counters, for tests and the benchmark.
    public private(set) var requests = 0
    public private(set) var uploadedBytes = 0

    /// An engine that uploads to the hub and takes commands from it.
    public init(
        store: MessageStore,
        connection: HubConnection,
        credentials: DeviceCredentials,
        settings: SyncSettings = SyncSettings(),
        managedSettings: (any ManagedSettingsTarget)? = nil,
        logger: Logger
    ) {
        self.init(
            store: store,
            target: HubTarget(connection: connection, credentials: credentials, compress: settings.compress),
            deviceID: credentials.deviceID,
            downlink: (connection, credentials),
            settings: settings,
            managedSettings: managedSettings,
            logger: logger
        )
    }

    /// An engine that uploads to `target` as `deviceID`; commands come only with a hub `downlink`. Hub-managed
    /// settings are applied to `managedSettings`; without it, `config.update` commands are refused.
    public init(
        store: MessageStore,
        target: any UpstreamTarget,
        deviceID: String,
        downlink: (connection: HubConnection, credentials: DeviceCredentials)? = nil,
        settings: SyncSettings = SyncSettings(),
        managedSettings: (any ManagedSettingsTarget)? = nil,
        logger: Logger
    ) {
        self.managedSettings = managedSettings
        self.store = store
        self.target = target
        self.deviceID = deviceID
        self.downlink = downlink?.connection
        self.credentials = downlink?.credentials
        self.settings = settings
        self.logger = logger
        self.sizer = BatchSizer(maxEvents: settings.maxEvents, maxBytes: settings.maxBytes)
        self.breaker = CircuitBreaker(threshold: settings.breakerThreshold, backoff: settings.backoff)
        let bootID = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)
        self.bootID = bootID?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
    }

    /// Whether this engine takes commands from a hub.
    public var hasDownlink: Bool { downlink != nil }

    // MARK: - Uplink

    /// Uploads until the outbox is empty, waiting as each step says; returns when it is drained, or throws
    /// `CancellationError` when cancelled, or ``SyncError`` (`credentials`) when the target refuses them.
    public func uploadUntilDrained() async throws {
        while true {
            switch await uploadOnce() {
            case .drained: return
            case .progressed: continue
            case .wait(let duration): try await Task.sleep(for: duration)
            case .needsCredentials:
                if target.name == "hub" { throw SyncError(.credentials, "the hub refused this device's token") }
                throw SyncError(.credentials, lastRefusal ?? "\(target.name) refused the credentials")
            }
        }
    }

    /// One step: passes the circuit breaker, sends one batch, applies its answer.
    public func uploadOnce() async -> Step {
        if let step = await passBreaker() { return step }
        let batch: EventBatch
        do {
            guard let next = try pending ?? makeBatch() else { return .drained }
            batch = next
        } catch {
            logger.error("cannot read the sync outbox", metadata: ["error": "\(error)"])
            return .wait(settings.idleInterval)
        }
        pending = batch
        let sent = Date()
        requests += 1
        let outcome = await target.upload(batch)
        uploadedBytes += outcome.bytesSent
        return apply(outcome, to: batch, sent: sent)
    }

    private func passBreaker() async -> Step? {
        switch breaker.nextStep(at: .now) {
        case .request: return nil
        case .wait(let until): return .wait(until - .now)
        case .needsCredentials: return .needsCredentials
        case .probe:
            do {
                let sent = Date()
                if let serverTime = try await target.probe() { noteServerTime(serverTime, sent: sent) }
                breaker.record(.success, at: .now)
                logger.info("the upstream answers again; the circuit is closed", metadata: ["target": "\(target.name)"])
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

    private func makeBatch() throws -> EventBatch? {
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
        return EventBatch(
            deviceID: deviceID,
            batchID: UUID().uuidString.lowercased(),
            sentAt: Date(),
            clock: DeviceClock(
                bootID: bootID,
                uptimeMilliseconds: Int64(ProcessInfo.processInfo.systemUptime * 1_000)
            ),
            events: wire
        )
    }

    private func apply(_ outcome: UploadOutcome, to batch: EventBatch, sent: Date) -> Step {
        if let serverTime = outcome.serverTime { noteServerTime(serverTime, sent: sent) }
        var removed = 0
        if !outcome.results.isEmpty {
            let known = Set(batch.events.map(\.eventID))
            let acknowledgements = outcome.results.filter { known.contains($0.eventID) }.compactMap {
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
                removed = try store.acknowledgeSync(acknowledgements, now: Date())
            } catch {
                logger.error("cannot apply the upstream's answer", metadata: ["error": "\(error)"])
                return .wait(settings.idleInterval)
            }
            // Some events left the outbox: the next try reads a new batch.
            pending = nil
        }
        guard let failure = outcome.failure else {
            do {
                try store.setSyncState(
                    [.lastSuccessAt: "\(Int64(Date().timeIntervalSince1970 * 1_000))", .lastError: ""],
                    now: Date()
                )
            } catch {
                logger.error("cannot apply the upstream's answer", metadata: ["error": "\(error)"])
                return .wait(settings.idleInterval)
            }
            pending = nil
            failures = 0
            breaker.record(.success, at: .now)
            sizer.succeeded()
            return .progressed(removed: removed)
        }
        switch failure {
        case .unauthorized(let reason):
            breaker.record(.unauthorized, at: .now)
            lastRefusal = reason
            recordError(reason)
            return .needsCredentials
        case .tooLarge(let maxEvents, let maxBytes):
            pending = nil
            breaker.record(.success, at: .now)
            let canShrink = sizer.payloadTooLarge(
                sent: batch.events.count,
                serverMaxEvents: maxEvents,
                serverMaxBytes: maxBytes
            )
            if !canShrink, let only = batch.events.first?.eventID {
                try? store.deadLetterSyncEvent(
                    eventID: only,
                    error: "too large for the \(target.name) (413)",
                    now: Date()
                )
                logger.warning("an event is too large for the upstream and went to the dead letters")
            }
            logger.notice("the upstream found a batch too large", metadata: ["limit": "\(sizer.limit)"])
            return .progressed(removed: removed + (canShrink ? 0 : 1))
        case .refused(let status):
            // The target could not take this batch as sent: make a new one (smaller, to isolate a bad event).
            pending = nil
            breaker.record(.success, at: .now)
            if batch.events.count == 1, let only = batch.events.first?.eventID {
                try? store.deadLetterSyncEvent(
                    eventID: only,
                    error: "refused by the \(target.name) (\(status))",
                    now: Date()
                )
                return .progressed(removed: removed + 1)
            }
            _ = sizer.payloadTooLarge(sent: batch.events.count, serverMaxEvents: nil, serverMaxBytes: nil)
            recordError("the \(target.name) refused a batch (\(status))")
            return .progressed(removed: removed)
        case .retry(let reason, let retryAfter):
            return failed(reason, retryAfter: retryAfter)
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
        guard let connection = downlink, let credentials else {
            throw SyncError(.configuration, "commands come only from the hub; the target is \(target.name)")
        }
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
            case .configUpdate where managedSettings != nil:
                action = .applyConfiguration
            case .configUpdate:
                action = .reject(reason: "this device does not take managed settings")
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
        try applyPendingConfiguration()
        return new.count
    }
}
