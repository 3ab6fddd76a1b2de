// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import SMSPDU

/// A GSM modem as a pure state machine: bytes from the host go in, bytes for the host and timers come out.
///
/// The modem answers AT commands the way 3GPP TS 27.007 and 27.005 modems do: echo, `+CME ERROR`/`+CMS ERROR`
/// per `AT+CMEE`, PDU-mode messaging with SIM storage, `+CMTI`/`+CMT`/`+CDS`/`+CDSI` indications per
/// `AT+CNMI`, `AT+CMGS` with its `> ` prompt, status reports, and the boot chatter of the vendor profile.
/// It does no I/O and reads no clock: every call takes the simulator time, and the caller carries out the
/// returned ``SimulatorAction``s (``ModemSimulatorHost`` does, on a pseudo-terminal).
///
/// ```swift
/// var modem = SimulatedModem(configuration: SimulatorConfiguration(profile: .quectelEC25))
/// var actions = modem.powerOn(now: .zero)             // schedule(boot completed, after: 200 ms)
/// actions = modem.handle(bootEvent, now: .milliseconds(200))   // write("\r\nRDY\r\n…")
/// actions = modem.receive(Array("AT+CSQ\r".utf8), now: .seconds(1))  // write("AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n")
/// ```
public struct SimulatedModem: Sendable {
    enum Phase: Hashable, Sendable {
        case off
        case booting
        case ready
    }

    /// What the host has been prompted for.
    enum PendingInput: Hashable, Sendable {
        case send(length: Int)
        case write(length: Int, status: MessageStatus)
    }

    /// Settings a reset (ATZ, a reboot) returns to their defaults.
    struct Session: Hashable, Sendable {
        var echo = true
        var verbose = true
        var quiet = false
        var errorMode = 0
        var messageFormat = 0
        var characterSet = "GSM"
        var indications = CNMI.Settings(mode: 2, mt: 1, bm: 0, ds: 0, bfr: 0)
        var registrationReporting: [String: Int] = ["+CREG": 0, "+CGREG": 0, "+CEREG": 0]
        var memories = ["SM", "SM", "SM"]
        var functionality = 1
        var messageService = 0
        var moreMessages = 0
        var ussd = 0
        var vendorIndications = true
        var settings: [String: Int] = [:]
        var pendingInput: PendingInput?
        var heldIndications: [UInt8] = []
        var bufferedIndications: [[UInt8]] = []
        var awaitingAcknowledgement = false
    }

    /// A message part on its way from the network.
    struct Incoming: Hashable, Sendable {
        var message: StoredSMS
        var messageClass: Int?
    }

    struct PendingReport: Hashable, Sendable {
        var reference: Int
        var recipient: PhoneAddress
        var submittedAt: Duration
    }

    struct FaultState: Hashable, Sendable {
        var silentUntil: Duration?
        var garbageInNextResponse: Int?
        var droppingIndications = false
        var holdingNextArrival = false
        var heldArrival: [Incoming] = []
    }

    /// The settings this modem was made with.
    public let configuration: SimulatorConfiguration
    /// Everything received and sent.
    public private(set) var log = SimulatorLog()
    /// Every message part the host sent, oldest first.
    public internal(set) var sentMessages: [SentMessage] = []
    /// The message memories by name (`SM`, `ME`); they survive resets.
    public internal(set) var storages: [String: MessageStorage]

    var phase = Phase.off
    var generation = 0
    var session = Session()
    var framer = HostInputFramer()
    var simUnlocked: Bool
    /// Wrong PINs the SIM still takes.
    var pinAttemptsLeft: Int
    var serviceCentre: String
    var networkQueue: [Incoming] = []
    var networkRetryScheduled = false
    var nextMessageReference = 1
    var nextConcatenationReference = 1
    var nextEventID = 1
    var scheduledArrivals: [Int: InjectedMessage] = [:]
    var pendingReports: [Int: PendingReport] = [:]
    var faults = FaultState()
    var random: SplitMix64
    var commandLines = 0

    public init(configuration: SimulatorConfiguration = SimulatorConfiguration()) {
        self.configuration = configuration
        self.storages = [
            "SM": MessageStorage(capacity: configuration.simCapacity),
            "ME": MessageStorage(capacity: configuration.phoneCapacity),
        ]
        self.simUnlocked = configuration.pin == nil
        self.pinAttemptsLeft = configuration.pinAttempts
        self.serviceCentre = configuration.serviceCentre
        self.random = SplitMix64(seed: configuration.randomSeed)
    }

    var profile: VendorProfile { self.configuration.profile }

    /// Whether the modem is registered to the simulated network and can send and receive.
    public var isRegistered: Bool {
        self.phase == .ready && self.simUnlocked && self.session.functionality == 1
            && self.configuration.networkAvailable
    }

    /// Whether the modem has booted and answers commands (it may still be silenced by a fault).
    public var isReady: Bool { self.phase == .ready }

    /// A snapshot for status displays.
    public var status: SimulatorStatus {
        var memories: [String: SimulatorStatus.Memory] = [:]
        for (name, storage) in self.storages {
            let unread = storage.slots.values.filter { $0.status == .receivedUnread }.count
            memories[name] = SimulatorStatus.Memory(used: storage.used, capacity: storage.capacity, unread: unread)
        }
        let state =
            switch self.phase {
            case .off: "off"
            case .booting: "booting"
            case .ready: self.faults.silentUntil == nil ? "ready" : "silent"
            }
        return SimulatorStatus(
            profile: self.profile.name,
            state: state,
            registered: self.isRegistered,
            storage: memories,
            waitingInNetwork: self.networkQueue.count + self.faults.heldArrival.count,
            sent: self.sentMessages.count,
            pendingStatusReports: self.pendingReports.count,
            commandLines: self.commandLines,
            droppingIndications: self.faults.droppingIndications
        )
    }

    // MARK: Entry points

    /// Powers the modem on. It answers nothing until the boot timer fires.
    public mutating func powerOn(now: Duration) -> [SimulatorAction] {
        var output = SimulatorOutput()
        self.note("power on (\(self.profile.name))", now: now)
        self.restart(now: now, output: &output)
        return self.finish(output, now: now)
    }

    /// Feeds bytes the host wrote.
    public mutating func receive(_ bytes: some Sequence<UInt8>, now: Duration) -> [SimulatorAction] {
        let bytes = Array(bytes)
        guard !bytes.isEmpty else { return [] }
        self.log.append(SimulatorLog.Entry(time: now, kind: .received(bytes)))
        var output = SimulatorOutput()
        for byte in bytes {
            guard self.phase == .ready, self.faults.silentUntil == nil else { break }
            let step = self.framer.feed(byte)
            if step.echo && self.session.echo {
                output.write([byte])
            }
            if let frame = step.frame {
                self.process(frame, now: now, output: &output)
            }
        }
        return self.finish(output, now: now)
    }

    /// Handles a timer the modem scheduled earlier.
    public mutating func handle(_ event: SimulatorEvent, now: Duration) -> [SimulatorAction] {
        var output = SimulatorOutput()
        switch event.kind {
        case .bootCompleted:
            guard event.generation == self.generation else { break }
            self.bootCompleted(now: now, output: &output)
        case .silenceEnded:
            guard event.generation == self.generation, self.faults.silentUntil != nil else { break }
            self.faults.silentUntil = nil
            self.framer.reset()
            self.note("silence over", now: now)
        case .periodicIndication:
            guard event.generation == self.generation, self.phase == .ready else { break }
            if self.session.vendorIndications {
                self.indicate(self.profile.periodicIndications.map(self.expand), output: &output)
            }
            output.append(.schedule(event, after: self.profile.periodicInterval))
        case .networkRetry:
            self.networkRetryScheduled = false
            self.drainNetworkQueue(now: now, output: &output)
        case .arrival(let id):
            guard let message = self.scheduledArrivals.removeValue(forKey: id) else { break }
            self.deliver(message, now: now, output: &output)
        case .statusReport(let id):
            guard let report = self.pendingReports.removeValue(forKey: id) else { break }
            self.deliverStatusReport(report, now: now, output: &output)
        }
        return self.finish(output, now: now)
    }

    /// Hands a message to the simulated network; it arrives now, or after its ``InjectedMessage/delay``.
    ///
    /// Returns the number of parts. Throws when the message cannot be encoded.
    public mutating func inject(
        _ message: InjectedMessage,
        now: Duration
    ) throws(SimulatorError) -> (parts: Int, actions: [SimulatorAction]) {
        let parts = try self.encode(message, now: now).count
        var output = SimulatorOutput()
        if let delay = message.delay, delay > 0 {
            let id = self.nextEventID
            self.nextEventID += 1
            var later = message
            later.delay = nil
            self.scheduledArrivals[id] = later
            self.note("message from \(message.from) scheduled in \(delay) s", now: now)
            output.append(
                .schedule(
                    SimulatorEvent(.arrival(id), generation: self.generation),
                    after: .milliseconds(Int64((delay * 1000).rounded()))
                )
            )
        } else {
            self.deliver(message, now: now, output: &output)
        }
        return (parts, self.finish(output, now: now))
    }

    /// Injects a fault.
    public mutating func apply(_ fault: SimulatorFault, now: Duration) -> [SimulatorAction] {
        var output = SimulatorOutput()
        self.apply(fault, now: now, output: &output)
        return self.finish(output, now: now)
    }

    // MARK: Shared helpers

    mutating func finish(_ output: SimulatorOutput, now: Duration) -> [SimulatorAction] {
        for action in output.actions {
            if case .write(let bytes) = action {
                self.log.append(SimulatorLog.Entry(time: now, kind: .sent(bytes)))
            }
        }
        return output.actions
    }

    mutating func note(_ text: String, now: Duration) {
        self.log.append(SimulatorLog.Entry(time: now, kind: .note(text)))
    }

    /// Replaces `{iccid}`, `{imei}`, `{imsi}` and `{csq}` in a profile's fixed text.
    func expand(_ text: String) -> String {
        guard text.contains("{") else { return text }
        return
            text
            .replacing("{iccid}", with: self.configuration.iccid)
            .replacing("{imei}", with: self.configuration.imei)
            .replacing("{imsi}", with: self.configuration.imsi)
            .replacing("{csq}", with: String(self.configuration.signalQuality))
    }

    /// Writes unsolicited result codes, unless the modem is silent, booting or waiting at a prompt (then
    /// they are held until the prompt is answered).
    mutating func indicate(_ lines: [String], output: inout SimulatorOutput) {
        guard !lines.isEmpty, self.phase == .ready, self.faults.silentUntil == nil else { return }
        var bytes: [UInt8] = []
        for line in lines {
            bytes += Array((self.session.verbose ? "\r\n" + line + "\r\n" : line + "\r\n").utf8)
        }
        if self.session.pendingInput != nil {
            self.session.heldIndications += bytes
        } else {
            output.write(bytes)
        }
    }

    /// The time stamp the service centre puts on a message at simulator time `now`.
    func timestamp(at now: Duration) -> SMSTimestamp {
        SMSTimestamp(
            secondsSince1970: self.configuration.wallClockAtStart + now.components.seconds,
            utcOffsetQuarterHours: self.configuration.utcOffsetQuarterHours
        )
    }

    /// Resets to power-on defaults and starts the boot timer.
    mutating func restart(now: Duration, output: inout SimulatorOutput) {
        self.generation += 1
        self.phase = .booting
        self.session = Session()
        self.framer.reset()
        self.faults.silentUntil = nil
        self.faults.garbageInNextResponse = nil
        self.simUnlocked = self.configuration.pin == nil
        output.append(
            .schedule(SimulatorEvent(.bootCompleted, generation: self.generation), after: self.configuration.bootDelay)
        )
    }

    mutating func bootCompleted(now: Duration, output: inout SimulatorOutput) {
        self.phase = .ready
        self.note("booted", now: now)
        self.indicate(self.profile.bootIndications.map(self.expand), output: &output)
        if self.simUnlocked {
            self.simBecameReady(now: now, output: &output)
        } else {
            self.indicate(["+CPIN: SIM PIN"], output: &output)
        }
        if !self.profile.periodicIndications.isEmpty {
            output.append(
                .schedule(
                    SimulatorEvent(.periodicIndication, generation: self.generation),
                    after: self.profile.periodicInterval
                )
            )
        }
    }

    /// Prints the SIM-ready indications, reports registration and lets waiting messages in.
    mutating func simBecameReady(now: Duration, output: inout SimulatorOutput) {
        self.indicate(self.profile.simReadyIndications.map(self.expand), output: &output)
        self.registrationChanged(output: &output)
        self.scheduleNetworkRetry(output: &output)
    }
}
