// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
public import DeviceConfiguration
import Foundation
public import Logging
public import MessageStore
public import ModemDiscovery
import ModemEngine
import SMSPDU
import SerialTransport
public import ServiceLifecycle
public import ServiceSupport
import Synchronization
import WardConversation

/// `careconnect smsd`: the service that makes a ward's text number work.
///
/// It finds the modem, initialises it, and then, until shut down:
/// - stores every message the modem holds **before** deleting it there (a full `AT+CMGL` sweep at start-up,
///   after every reconnect and periodically, and a read of each slot a `+CMTI` names);
/// - runs the ward conversation for each new message and queues the reply, in one transaction;
/// - sends due replies, each part at most once;
/// - matches delivery reports to sent parts;
/// - waits for the modem to come back when it is unplugged, and runs the engine's recovery ladder when it
///   stops answering.
///
/// With a ``ConfigurationWatcher`` it takes changed ward settings (the hub's managed settings or an edited file)
/// between messages, without a restart; the modem's settings apply from the next start.
public final class SMSGateway: Service, Sendable {
    let settings: GatewaySettings
    let store: MessageStore
    let finder: any ModemFinder
    let logger: Logger
    let notifier: SystemdNotifier
    /// The ward conversation in force; replaced when the configuration changes.
    let conversation: Mutex<WardConversation>
    let watcher: ConfigurationWatcher?
    let progress: GatewayProgress

    /// - Parameter watcher: where to look for changed ward settings before handling new messages; nil to keep
    ///   `settings.conversation` for the life of the service.
    public init(
        settings: GatewaySettings,
        store: MessageStore,
        finder: any ModemFinder = UdevModemFinder(),
        notifier: SystemdNotifier = SystemdNotifier(environment: [:]),
        logger: Logger = Logger(label: "careconnect.smsd"),
        watcher: ConfigurationWatcher? = nil
    ) {
        self.settings = settings
        self.store = store
        self.finder = finder
        self.notifier = notifier
        self.logger = logger
        self.conversation = Mutex(WardConversation(settings: settings.conversation))
        self.watcher = watcher
        self.progress = GatewayProgress()
    }

    /// Counters for tests, benchmarks and the status line.
    public var statistics: GatewayProgress.Snapshot { progress.snapshot }

    public func run() async throws {
        let interrupted = try store.recoverInterruptedSends(now: Date())
        if interrupted > 0 {
            logger.warning(
                "replies interrupted by a restart were not sent again",
                metadata: ["count": "\(interrupted)"]
            )
        }
        try handleUnhandledMessages()
        // Started: the database is open and recovered. Finding and setting up the modem can take minutes, and
        // the service waits for one rather than failing, so systemd hears READY now and the watchdog runs.
        try? notifier.ready(status: "started; looking for the modem at \(settings.device)")
        defer { try? notifier.stopping() }
        try await cancelWhenGracefulShutdown {
            var announced = false
            var reportedPINRefusal: String?
            while !Task.isCancelled {
                guard let candidate = try await self.waitForModem(announce: !announced) else { return }
                announced = true
                do {
                    try await self.runSession(on: candidate)
                } catch is CancellationError {
                    return
                } catch let error as ModemError where error.code == .simPINRefused {
                    try await self.holdAfterSIMPINRefusal(error, reported: &reportedPINRefusal)
                } catch {
                    self.logger.error("modem session ended", metadata: ["error": "\(error)"])
                    try? self.notifier.status("modem lost: \(error); waiting for it")
                    announced = false
                    // Cancelled by a graceful shutdown: the loop ends and the service stops cleanly.
                    try? await Task.sleep(for: .seconds(self.settings.locateInterval))
                }
            }
        }
    }

    // MARK: - Finding the modem

    private func waitForModem(announce: Bool) async throws -> ModemCandidate? {
        var logged = !announce
        var lastWatchdog = Date.distantPast
        while !Task.isCancelled {
            if let interval = notifier.watchdogInterval, Date().timeIntervalSince(lastWatchdog) >= interval {
                try? notifier.watchdog()
                lastWatchdog = Date()
            }
            if let candidate = try finder.locate(configuredPath: settings.device) {
                return candidate
            }
            if !logged {
                logger.notice("no modem found; waiting for one", metadata: ["device": "\(settings.device)"])
                try? notifier.status("waiting for a modem at \(settings.device)")
                logged = true
            }
            do {
                try await finder.waitForChange(upTo: .seconds(settings.locateInterval))
            } catch is CancellationError {
                return nil  // a graceful shutdown, not a failure: systemd sees a clean stop
            }
        }
        return nil
    }

    // MARK: - One modem session

    /// What wakes the worker.
    enum Wake: Sendable {
        case tick
        case stored(storage: String, index: Int)
        case direct(IncomingPDU, storage: String)
        /// The modem restarted or recovered at `since`; set it up again unless that happened before the last set-up.
        case reinitialise(since: ContinuousClock.Instant)
    }

    private func runSession(on candidate: ModemCandidate) async throws {
        let transport = try await SerialTransport.open(
            path: candidate.devnode,
            configuration: SerialPortConfiguration(
                baudRate: .init(rawValue: settings.baud),
                hardwareFlowControl: settings.rtsCts
            ),
            logger: logger
        )
        var configuration = ModemConfiguration()
        configuration.profileName = settings.profile == "auto" ? candidate.profile : settings.profile
        // A previous process may have been killed at the > prompt: the modem still waits for a PDU.
        configuration.abandonPromptBeforeProbing = true
        let modem = Modem(transport: transport, configuration: configuration, logger: logger)
        let (wakes, wake) = AsyncStream<Wake>.makeStream(bufferingPolicy: .unbounded)
        logger.info("modem found", metadata: ["device": "\(candidate.devnode)"])

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await modem.run() }
            group.addTask {
                for await event in modem.events {
                    self.route(event, to: wake)
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(1))
                    wake.yield(.tick)
                }
            }
            group.addTask { try await self.work(modem: modem, wakes: wakes) }
            // The first task to end ends the session: a lost port ends modem.run(), an error ends the worker.
            var failure: any Error = SessionEnded()
            do {
                try await group.next()
            } catch {
                failure = error
            }
            group.cancelAll()
            wake.finish()
            if Task.isCancelled { throw CancellationError() }
            throw failure
        }
    }

    /// A session ended without an error of its own (for example the modem's event stream finished).
    struct SessionEnded: Error, CustomStringConvertible {
        var description: String { "the modem session ended" }
    }

    private func route(_ event: ModemEvent, to wake: AsyncStream<Wake>.Continuation) {
        switch event {
        case .unsolicited(.newMessage(let indication)), .unsolicited(.newStatusReport(let indication)):
            progress.noteIndication()
            wake.yield(.stored(storage: indication.storage, index: indication.index))
        case .messageDelivery(let pdu):
            wake.yield(.direct(pdu, storage: "CMT"))
        case .statusReportDelivery(let pdu):
            wake.yield(.direct(pdu, storage: "CDS"))
        case .recovered(let step) where step != .resync:
            logger.warning("modem recovered; initialising again", metadata: ["step": "\(step)"])
            wake.yield(.reinitialise(since: .now))
        case .recovering(let step):
            logger.warning("modem not answering; recovering", metadata: ["step": "\(step)"])
        case .needsPowerCycle(let error):
            logger.critical("modem needs a power cycle", metadata: ["error": "\(error)"])
            try? notifier.status("modem needs a power cycle: unplug it and plug it back in")
        case .unsolicited(.modemReady):
            wake.yield(.reinitialise(since: .now))
        case .unsolicited(.vendor(let report)) where Self.powerReportNames.contains(report.name):
            notePowerReport(report.name)
        default:
            break
        }
    }

    private func work(modem: Modem<ContinuousClock>, wakes: AsyncStream<Wake>) async throws {
        var storage = try await initialise(modem)
        var initialisedAt = await modem.answeringSince ?? .now
        var lastSweep = Date()
        var lastRelease = Date.distantPast
        var lastStatus = Date()
        var lastWatchdog = Date.distantPast
        try await sweep(modem, storage: storage)
        try await sendDue(modem)
        for await reason in wakes {
            let now = Date()
            switch reason {
            case .stored(let indicated, let index):
                try await readSlot(modem, storage: indicated, index: index, current: storage)
            case .direct(let incoming, let kind):
                _ = try store.storeInboundPart(pdu: incoming.pduHex, storage: kind, slot: -1, receivedAt: now)
                progress.noteStored()
            case .reinitialise(let since) where since < initialisedAt:
                // The start-up announcement (RDY, SMS DONE) of the start this session already set up after.
                logger.debug("modem start-up announcement predates the last set-up; ignored")
            case .reinitialise:
                storage = try await initialise(modem)
                initialisedAt = await modem.answeringSince ?? .now
                try await sweep(modem, storage: storage)
                lastSweep = now
            case .tick:
                if now.timeIntervalSince(lastSweep) >= settings.sweepInterval {
                    try await sweep(modem, storage: storage)
                    lastSweep = now
                }
                if now.timeIntervalSince(lastRelease) >= 60 {
                    let released = try store.releaseIncompleteMessages(timeout: settings.multipartTimeout, now: now)
                    if !released.isEmpty {
                        logger.notice(
                            "released incomplete long messages as partial",
                            metadata: ["count": "\(released.count)"]
                        )
                    }
                    lastRelease = now
                }
                if now.timeIntervalSince(lastStatus) >= settings.statusInterval {
                    await reportSignal(modem)
                    lastStatus = now
                }
                if let interval = notifier.watchdogInterval, now.timeIntervalSince(lastWatchdog) >= interval {
                    try? notifier.watchdog()
                    lastWatchdog = now
                }
            }
            try handleUnhandledMessages()
            try await sendDue(modem)
        }
    }

    /// Initialises the modem, trying again when it stops answering part-way (a modem that resets while
    /// being set up ignores commands until it has started again).
    private func initialise(_ modem: Modem<ContinuousClock>) async throws -> String {
        var attempt = 1
        while true {
            do {
                return try await initialiseOnce(modem)
            } catch let error as ModemError where error.code == .timeout && attempt < 3 {
                logger.warning("modem stopped answering during set-up; trying again", metadata: ["error": "\(error)"])
                attempt += 1
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func initialiseOnce(_ modem: Modem<ContinuousClock>) async throws -> String {
        let report = try await modem.initialise(pin: settings.simPIN, pinMemory: StoreSIMPINMemory(store: store))
        let identity = "\(report.identity.manufacturer) \(report.identity.model)"
        logger.info(
            "modem ready",
            metadata: ["modem": "\(identity)", "profile": "\(report.quirks.name)", "storage": "\(report.storage)"]
        )
        try? notifier.ready(status: "modem ready: \(identity), storage \(report.storage)")
        progress.noteInitialised()
        return report.storage
    }

    // MARK: - Receiving

    /// Reads every message in modem storage, storing them all durably (one transaction) before deleting them there.
    ///
    /// Received messages are then deleted with one `AT+CMGD=1,1` ("every read message"): listing marked them read,
    /// and a message arriving meanwhile is still unread, so it stays for the next read. Whatever that left of the
    /// listed slots (a modem that does not mark listed messages read, or lists used slots differently) and any
    /// stored outgoing message is deleted slot by slot.
    private func sweep(_ modem: Modem<ContinuousClock>, storage: String) async throws {
        let messages = try await modem.listMessages(.all).filter { $0.index != nil }
        guard !messages.isEmpty else {
            progress.noteSweep()
            return
        }
        let outcomes = try store.storeInboundParts(
            messages.map { InboundPartInput(pdu: $0.pduHex, storage: storage, slot: $0.index ?? -1) },
            receivedAt: Date()
        )
        for (message, outcome) in zip(messages, outcomes) {
            log(outcome, slot: message.index ?? -1)
            progress.noteStored()
        }
        let received = messages.filter { $0.status == .receivedRead || $0.status == .receivedUnread }
        var remaining = Set(messages.compactMap(\.index))
        if received.count >= 2 && settings.bulkDelete {
            do {
                try await modem.deleteMessages(.allRead)
                // An answer that cannot be read leaves every listed slot to be deleted one by one.
                if let stillThere = try? await modem.occupiedIndexes() {
                    remaining = remaining.intersection(stillThere)
                }
            } catch let error as ModemError where error.code == .commandFailed {
                logger.info("bulk delete refused; deleting slot by slot", metadata: ["error": "\(error)"])
            }
        }
        for index in remaining.sorted() {
            try await modem.deleteMessage(at: index)
        }
        progress.noteSweep()
    }

    private func readSlot(
        _ modem: Modem<ContinuousClock>,
        storage indicated: String,
        index: Int,
        current: String
    ) async throws {
        let otherStorage = indicated != current
        if otherStorage {
            // Another storage (for example status reports in "SR"): read it there, then go back.
            _ = try await modem.selectStorage(read: indicated)
        }
        if var message = try await modem.readMessage(at: index) {
            message.index = message.index ?? index
            try await storeThenDelete(modem, message: message, storage: indicated)
        }
        if otherStorage {
            _ = try await modem.selectStorage(read: current)
        }
    }

    private func storeThenDelete(_ modem: Modem<ContinuousClock>, message: StoredMessage, storage: String) async throws
    {
        guard let index = message.index else { return }
        let outcome = try store.storeInboundPart(pdu: message.pduHex, storage: storage, slot: index, receivedAt: Date())
        log(outcome, slot: index)
        progress.noteStored()
        try await modem.deleteMessage(at: index)
    }

    private func log(_ outcome: InboundPartOutcome, slot: Int) {
        switch outcome {
        case .undecodable(_, let error):
            logger.error("kept an undecodable PDU raw", metadata: ["slot": "\(slot)", "error": "\(error)"])
        case .duplicate:
            logger.info(
                "message already stored before a restart; deleting it from the modem",
                metadata: ["slot": "\(slot)"]
            )
        default:
            break
        }
    }

    /// Runs the conversation for every message not yet handled, with the ward settings in force now.
    func handleUnhandledMessages() throws {
        reloadSettingsIfChanged()
        let conversation = self.conversation.withLock { $0 }
        for message in try store.unhandledMessages() {
            guard let id = message.id else { continue }
            let contact = try store.contact(message.sender)
            let now = Date()
            let history = try store.history(
                of: message.sender,
                message: message,
                duplicateWindow: TimeInterval(conversation.settings.duplicateWindowSeconds),
                now: now
            )
            let decision = conversation.decide(
                text: message.text,
                messageID: id,
                sender: message.sender,
                senderIsAlphanumeric: message.senderIsAlphanumeric,
                contact: WardConversation.Contact(
                    optedOut: contact.optedOut,
                    language: contact.language,
                    awaitingFollowUpFor: contact.awaitingFollowUpFor
                ),
                history: WardConversation.History(
                    repliesLastHour: history.repliesLastHour,
                    repliesLastDay: history.repliesLastDay,
                    isRecentDuplicate: history.isRecentDuplicate
                )
            )
            let outcome = ConversationOutcome(decision)
            try store.applyConversation(outcome, to: message, now: now)
            if let reason = decision.suppressedReason {
                logger.info("no reply", metadata: ["message": "\(id)", "reason": "\(reason)"])
            }
        }
    }

    // MARK: - Sending

    private func sendDue(_ modem: Modem<ContinuousClock>) async throws {
        while let message = try store.claimNextOutbound(now: Date()) {
            try await send(message, modem: modem)
        }
    }

    private func send(_ message: OutboundMessage, modem: Modem<ContinuousClock>) async throws {
        guard let id = message.id else { return }
        var options = MessageEncoder.Options()
        options.statusReportRequest = message.statusReport && settings.statusReports
        options.concatenationReference = Int(id & 0xFF)
        let parts: [EncodedPart]
        do {
            parts = try MessageEncoder.submit(
                text: message.text,
                to: PhoneAddress(number: message.recipient),
                options: options
            )
        } catch {
            try store.markSendFailed(outboundID: id, error: "cannot encode: \(error)", retryAt: nil, now: Date())
            return
        }
        let done = try store.sentParts(outboundID: id)
        for part in parts where !done.contains(part.part) {
            do {
                let result = try await modem.sendMessage(part)
                try store.recordPartSent(
                    outboundID: id,
                    part: part.part,
                    reference: result.messageReference,
                    now: Date()
                )
            } catch let error as ModemError where error.code == .commandFailed {
                // The modem answered with an error: nothing was sent, so a retry is safe when it may help.
                let retryable = error.cmsError?.isRetryable ?? false
                let retry =
                    retryable && message.attempts < settings.maximumSendAttempts
                    ? Date().addingTimeInterval(settings.retryDelay(afterAttempt: message.attempts)) : nil
                try store.markSendFailed(outboundID: id, error: "\(error)", retryAt: retry, now: Date())
                logger.warning(
                    "reply not sent",
                    metadata: ["outbound": "\(id)", "error": "\(error)", "retry": "\(retry != nil)"]
                )
                return
            } catch let error as ModemError where error.code == .modemRestarted {
                // The modem restarted before taking the PDU: nothing was sent; send it once it is set up again.
                try store.markSendFailed(
                    outboundID: id,
                    error: "\(error)",
                    retryAt: Date().addingTimeInterval(2),
                    now: Date()
                )
                logger.warning("modem restarted before sending; will send again", metadata: ["outbound": "\(id)"])
                return
            } catch {
                // A timeout, a restart after the PDU was written or a lost port during AT+CMGS: the modem may
                // have sent it. Never send it twice.
                try store.markUnconfirmed(outboundID: id, error: "\(error)", now: Date())
                logger.error("reply may or may not have been sent; not repeating it", metadata: ["outbound": "\(id)"])
                throw error
            }
        }
        try store.completeSend(outboundID: id, now: Date())
        progress.noteSent()
    }

    private func reportSignal(_ modem: Modem<ContinuousClock>) async {
        guard let signal = try? await modem.signalQuality() else { return }
        logger.info(
            "signal",
            metadata: ["bars": "\(signal.bars)", "dBm": "\(signal.dBm.map(String.init) ?? "unknown")"]
        )
        try? notifier.status("modem ready, signal \(signal.bars)/5")
    }
}
