// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import SMSPDU

extension SimulatedModem {
    /// The short message commands of 3GPP TS 27.005 §3 in PDU mode.
    mutating func messaging(_ command: HostCommand, _ parameters: ATParameters, now: Duration) -> CommandOutcome {
        guard self.simUnlocked else { return .error(.cms(.simPINRequired)) }
        switch command.name {
        case "+CSCA": return self.serviceCentreAddress(command, parameters)
        case "+CMGF": return self.messageFormat(command, parameters)
        case "+CPMS": return self.preferredStorage(command, parameters)
        case "+CNMI": return self.newMessageIndications(command, parameters)
        case "+CMGL": return self.list(command, parameters, now: now)
        case "+CMGR": return self.read(command, parameters)
        case "+CMGD": return self.delete(command, parameters, now: now)
        case "+CMGS", "+CMGW": return self.prompt(command, parameters)
        case "+CMMS":
            switch command.mode {
            case .set:
                guard let value = parameters.parameter(at: 0)?.intValue, (0...2).contains(value) else {
                    return .error(.cms(.operationNotSupported))
                }
                self.session.moreMessages = value
                return .info([])
            case .read: return .info(["+CMMS: \(self.session.moreMessages)"])
            case .test: return .info(["+CMMS: (0-2)"])
            case .execute: return .error(.plain)
            }
        case "+CSMS":
            switch command.mode {
            case .set:
                guard let value = parameters.parameter(at: 0)?.intValue, (0...1).contains(value) else {
                    return .error(.cms(.operationNotSupported))
                }
                self.session.messageService = value
                return .info(["+CSMS: 1,1,1"])
            case .read: return .info(["+CSMS: \(self.session.messageService),1,1,1"])
            case .test: return .info(["+CSMS: (0,1)"])
            case .execute: return .error(.plain)
            }
        default:  // +CNMA
            if command.mode == .test { return .info(["+CNMA: (0-2)"]) }
            guard self.session.awaitingAcknowledgement else { return .error(.cms(.noCNMAAcknowledgementExpected)) }
            self.session.awaitingAcknowledgement = false
            return .info([])
        }
    }

    // MARK: Settings

    /// Related specification: 3GPP TS 27.005 §3.3.1
    private mutating func serviceCentreAddress(_ command: HostCommand, _ parameters: ATParameters) -> CommandOutcome {
        switch command.mode {
        case .read:
            let international = self.serviceCentre.hasPrefix("+")
            return .info(["+CSCA: \(ATParameter.quoted(self.serviceCentre)),\(international ? 145 : 129)"])
        case .set:
            guard let number = parameters.parameter(at: 0)?.stringValue, !number.isEmpty else {
                return .error(.cms(.operationNotAllowed))
            }
            self.serviceCentre = number
            return .info([])
        case .test, .execute:
            return .info([])
        }
    }

    /// Related specification: 3GPP TS 27.005 §3.2.3
    private mutating func messageFormat(_ command: HostCommand, _ parameters: ATParameters) -> CommandOutcome {
        switch command.mode {
        case .set:
            guard let value = parameters.parameter(at: 0)?.intValue ?? (parameters.isEmpty ? 0 : nil),
                (0...1).contains(value)
            else {
                return .error(.cms(.operationNotSupported))
            }
            self.session.messageFormat = value
            return .info([])
        case .read: return .info(["+CMGF: \(self.session.messageFormat)"])
        case .test: return .info(["+CMGF: (0,1)"])
        case .execute: return .info([])
        }
    }

    /// Related specification: 3GPP TS 27.005 §3.2.2
    private mutating func preferredStorage(_ command: HostCommand, _ parameters: ATParameters) -> CommandOutcome {
        let names = self.profile.storages
        switch command.mode {
        case .test:
            let list = "(" + names.map(ATParameter.quoted).joined(separator: ",") + ")"
            return .info(["+CPMS: \(list),\(list),\(list)"])
        case .read:
            let fields = self.session.memories.map { name in
                let storage = self.storages[name]!
                return "\(ATParameter.quoted(name)),\(storage.used),\(storage.capacity)"
            }
            return .info(["+CPMS: " + fields.joined(separator: ",")])
        case .set:
            guard !parameters.isEmpty, parameters.count <= 3 else { return .error(.cms(.operationNotAllowed)) }
            var memories = self.session.memories
            for (position, parameter) in parameters.enumerated() where !parameter.isEmpty {
                guard let name = parameter.stringValue?.uppercased(), names.contains(name),
                    self.storages[name] != nil
                else {
                    return .error(.cms(.operationNotAllowed))
                }
                memories[position] = name
            }
            self.session.memories = memories
            let fields = memories.map { name in "\(self.storages[name]!.used),\(self.storages[name]!.capacity)" }
            return .info(["+CPMS: " + fields.joined(separator: ",")])
        case .execute:
            return .error(.plain)
        }
    }

    /// Related specification: 3GPP TS 27.005 §3.4.1
    private mutating func newMessageIndications(
        _ command: HostCommand,
        _ parameters: ATParameters
    ) -> CommandOutcome {
        let current = self.session.indications
        switch command.mode {
        case .test:
            return .info(["+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)"])
        case .read:
            return .info(["+CNMI: \(current.mode),\(current.mt),\(current.bm),\(current.ds),\(current.bfr)"])
        case .set:
            let limits = [0...2, 0...3, 0...3, 0...2, 0...1]
            var values = [current.mode, current.mt, current.bm, current.ds, current.bfr]
            guard parameters.count <= 5 else { return .error(.cms(.operationNotSupported)) }
            for (position, parameter) in parameters.enumerated() where !parameter.isEmpty {
                guard let value = parameter.intValue, limits[position].contains(value) else {
                    return .error(.cms(.operationNotSupported))
                }
                values[position] = value
            }
            self.session.indications = CNMI.Settings(
                mode: values[0],
                mt: values[1],
                bm: values[2],
                ds: values[3],
                bfr: values[4]
            )
            if values[0] != 0 {
                let buffered = self.session.bufferedIndications
                self.session.bufferedIndications = []
                if values[4] == 0 {
                    self.session.heldIndications += buffered.flatMap { $0 }
                }
            }
            return .info([])
        case .execute:
            return .info([])
        }
    }

    // MARK: Reading and deleting

    private func requirePDUMode() -> CommandOutcome? {
        self.session.messageFormat == 0 ? nil : .error(.cms(.operationNotAllowed))
    }

    /// `+CMGL: <index>,<stat>,,<length>` and the PDU for each message; REC UNREAD becomes REC READ.
    ///
    /// Related specification: 3GPP TS 27.005 §3.4.2
    private mutating func list(_ command: HostCommand, _ parameters: ATParameters, now: Duration) -> CommandOutcome {
        if let error = self.requirePDUMode() { return error }
        let filter: Int
        switch command.mode {
        case .test:
            return .info(["+CMGL: (0-4)"])
        case .read:
            return .error(.plain)
        case .execute:
            filter = 0
        case .set:
            guard let value = parameters.parameter(at: 0)?.intValue ?? (parameters.isEmpty ? 0 : nil),
                (0...4).contains(value)
            else {
                return .error(.cms(.invalidPDUModeParameter))
            }
            filter = value
        }
        let name = self.session.memories[0]
        var storage = self.storages[name]!
        var lines: [String] = []
        var entries = 0
        for index in storage.indices {
            guard var message = storage[index], filter == 4 || message.status.rawValue == filter else { continue }
            lines.append("+CMGL: \(index),\(message.status.rawValue),,\(message.tpduLength)")
            lines.append(message.pduHex)
            entries += 1
            if message.status == .receivedUnread {
                message.status = .receivedRead
                storage[index] = message
            }
        }
        self.storages[name] = storage
        if entries >= 2, self.faults.holdingNextArrival, !self.faults.heldArrival.isEmpty {
            // A message arrives while the list is being printed: its indication lands between two entries.
            var interjection = SimulatorOutput()
            let held = self.faults.heldArrival
            self.faults.heldArrival = []
            self.faults.holdingNextArrival = false
            self.note("indication placed inside the +CMGL response", now: now)
            for part in held where !self.deliverPart(part, now: now, output: &interjection) {
                self.networkQueue.append(part)
            }
            var urc: [UInt8] = interjection.actions.flatMap { action -> [UInt8] in
                if case .write(let bytes) = action { return bytes }
                return []
            }
            // The entry's own CR LF ends the line before the indication; the indication's last CR LF is the
            // one the next line would have had.
            if urc.suffix(2) == [0x0D, 0x0A] { urc.removeLast(2) }
            lines[1] += String(decoding: urc, as: UTF8.self)
        }
        return .info(lines)
    }

    /// Related specification: 3GPP TS 27.005 §3.4.3
    private mutating func read(_ command: HostCommand, _ parameters: ATParameters) -> CommandOutcome {
        if let error = self.requirePDUMode() { return error }
        switch command.mode {
        case .test, .execute: return .info([])
        case .read: return .error(.plain)
        case .set: break
        }
        let name = self.session.memories[0]
        guard let index = parameters.parameter(at: 0)?.intValue, self.storages[name]!.contains(index: index) else {
            return .error(.cms(.invalidMemoryIndex))
        }
        guard var message = self.storages[name]![index] else {
            return .info([])
        }
        let lines = ["+CMGR: \(message.status.rawValue),,\(message.tpduLength)", message.pduHex]
        if message.status == .receivedUnread {
            message.status = .receivedRead
            self.storages[name]![index] = message
        }
        return .info(lines)
    }

    /// Deletes one message or, with a flag, every message of some statuses.
    ///
    /// Related specification: 3GPP TS 27.005 §3.5.4
    private mutating func delete(_ command: HostCommand, _ parameters: ATParameters, now: Duration) -> CommandOutcome {
        let name = self.session.memories[0]
        var storage = self.storages[name]!
        switch command.mode {
        case .test:
            let used = storage.indices.map(String.init).joined(separator: ",")
            return .info(["+CMGD: (\(used)),(0-4)"])
        case .read, .execute:
            return .error(.plain)
        case .set:
            break
        }
        let flag = parameters.parameter(at: 1)?.intValue ?? 0
        guard (0...4).contains(flag) else { return .error(.cms(.operationNotSupported)) }
        if flag == 0 {
            guard let index = parameters.parameter(at: 0)?.intValue, storage.contains(index: index) else {
                return .error(.cms(.invalidMemoryIndex))
            }
            storage[index] = nil
        } else {
            let statuses: Set<Int> =
                switch flag {
                case 1: [1]
                case 2: [1, 3]
                case 3: [1, 2, 3]
                default: [0, 1, 2, 3]
                }
            for index in storage.indices where statuses.contains(storage[index]!.status.rawValue) {
                storage[index] = nil
            }
        }
        self.storages[name] = storage
        return .info([])
    }

    // MARK: Sending and writing

    /// `AT+CMGS=<length>` and `AT+CMGW=<length>[,<stat>]`: print the prompt and wait for the PDU.
    ///
    /// Related specification: 3GPP TS 27.005 §3.5.1 and §3.5.3
    private mutating func prompt(_ command: HostCommand, _ parameters: ATParameters) -> CommandOutcome {
        switch command.mode {
        case .test: return .info([])
        case .read, .execute: return .error(.plain)
        case .set: break
        }
        if let error = self.requirePDUMode() { return error }
        guard let length = parameters.parameter(at: 0)?.intValue, (1...176).contains(length) else {
            return .error(.cms(.invalidPDUModeParameter))
        }
        if command.name == "+CMGS" {
            return .prompt(.send(length: length))
        }
        let status = parameters.parameter(at: 1)?.intValue ?? 2
        guard (0...3).contains(status) else { return .error(.cms(.invalidPDUModeParameter)) }
        return .prompt(.write(length: length, status: MessageStatus(rawValue: status)))
    }

    /// Checks the PDU typed at the prompt against the announced length, then sends or stores it.
    mutating func pduReceived(
        _ text: [UInt8],
        for pending: PendingInput,
        now: Duration,
        output: inout SimulatorOutput
    ) -> [UInt8] {
        let announced: Int
        switch pending {
        case .send(let length), .write(let length, _): announced = length
        }
        let hex = String(decoding: text, as: UTF8.self)
        guard let bytes = try? Hex.decode(hex), let smscLength = bytes.first,
            bytes.count - 1 - Int(smscLength) == announced,
            case .submit(let submit) = try? PDU.decode(bytes: bytes, smsc: .present)
        else {
            self.note("PDU rejected: does not match length \(announced)", now: now)
            return self.finalResult(.cms(.invalidPDUModeParameter))
        }
        switch pending {
        case .write(_, let status):
            let name = self.session.memories[1]
            guard
                let index = self.storages[name]!.store(
                    StoredSMS(status: status, pduHex: hex.uppercased(), tpduLength: announced)
                )
            else {
                return self.finalResult(.cms(.memoryFull))
            }
            return self.informationText(["+CMGW: \(index)"]) + self.finalResult(nil)
        case .send:
            guard self.isRegistered else { return self.finalResult(.cms(.noNetworkService)) }
            let reference = self.nextMessageReference
            self.nextMessageReference = (reference + 1) % 256
            let concatenation = submit.userData.header?.concatenation.map {
                SentMessage.Concatenation(reference: $0.reference, part: $0.part, total: $0.total)
            }
            let sent = SentMessage(
                reference: reference,
                destination: submit.destination.description,
                text: submit.userData.text,
                statusReportRequested: submit.statusReportRequest,
                concatenation: concatenation,
                pduHex: hex,
                length: announced,
                time: Double(now.components.seconds) + Double(now.components.attoseconds) / 1e18
            )
            self.sentMessages.append(sent)
            self.note("sent #\(reference) to \(sent.destination): \(sent.text ?? "(data)")", now: now)
            if submit.statusReportRequest {
                let id = self.nextEventID
                self.nextEventID += 1
                self.pendingReports[id] = PendingReport(
                    reference: reference,
                    recipient: submit.destination,
                    submittedAt: now
                )
                output.append(
                    .schedule(
                        SimulatorEvent(.statusReport(id), generation: self.generation),
                        after: self.configuration.statusReportDelay
                    )
                )
            }
            return self.informationText(["+CMGS: \(reference)"]) + self.finalResult(nil)
        }
    }

    // MARK: Arrivals

    /// The service centre address octets put before every PDU the modem prints.
    var serviceCentrePrefix: [UInt8] {
        var digits = Array(self.configuration.serviceCentre.utf8.filter { (0x30...0x39).contains($0) })
        guard !digits.isEmpty else { return [0x00] }
        let international = self.configuration.serviceCentre.hasPrefix("+")
        if digits.count % 2 == 1 { digits.append(UInt8(ascii: "F")) }
        var octets: [UInt8] = [UInt8(digits.count / 2 + 1), international ? 0x91 : 0x81]
        for pair in stride(from: 0, to: digits.count, by: 2) {
            func nibble(_ digit: UInt8) -> UInt8 { digit == UInt8(ascii: "F") ? 0x0F : digit - 0x30 }
            octets.append(nibble(digits[pair + 1]) << 4 | nibble(digits[pair]))
        }
        return octets
    }

    /// Encodes a message to inject as the parts the network will deliver.
    mutating func encode(_ message: InjectedMessage, now: Duration) throws(SimulatorError) -> [Incoming] {
        let sender: PhoneAddress
        let looksNumeric = message.from.allSatisfy { "+0123456789 -()".contains($0) }
        do {
            sender =
                looksNumeric
                ? try PhoneAddress(number: message.from)
                : PhoneAddress(typeOfNumber: .alphanumeric, numberingPlan: 0, value: message.from)
        } catch {
            throw SimulatorError(.invalidMessage, "bad sender '\(message.from)': \(error)")
        }
        if let messageClass = message.messageClass, !(0...3).contains(messageClass) {
            throw SimulatorError(.invalidMessage, "message class \(messageClass) is not 0–3")
        }
        var options = MessageEncoder.Options()
        options.messageClass = message.messageClass
        options.forceUCS2 = message.forceUCS2
        options.reference16Bit = message.reference16Bit
        options.concatenationReference =
            message.concatenationReference ?? self.nextConcatenationReference % (message.reference16Bit ? 65536 : 256)
        let stamp =
            message.timestamp.map {
                SMSTimestamp(secondsSince1970: $0, utcOffsetQuarterHours: self.configuration.utcOffsetQuarterHours)
            } ?? self.timestamp(at: now)
        let parts: [EncodedPart]
        do {
            parts = try MessageEncoder.deliver(text: message.text, from: sender, timestamp: stamp, options: options)
        } catch {
            throw SimulatorError(.invalidMessage, "cannot encode the message from \(message.from): \(error)")
        }
        if parts.count > 1 && message.concatenationReference == nil {
            self.nextConcatenationReference += 1
        }
        // The encoder wrote a bare 00 SMSC; real modems print the service centre that delivered the message.
        let prefix = Hex.encode(self.serviceCentrePrefix)
        return parts.map { part in
            Incoming(
                message: StoredSMS(
                    status: .receivedUnread,
                    pduHex: prefix + part.hex.dropFirst(2),
                    tpduLength: part.length
                ),
                messageClass: message.messageClass
            )
        }
    }

    /// Delivers the parts of a message now, or queues them in the network.
    mutating func deliver(_ message: InjectedMessage, now: Duration, output: inout SimulatorOutput) {
        guard let parts = try? self.encode(message, now: now) else { return }
        self.note("message from \(message.from) arrives (\(parts.count) part\(parts.count == 1 ? "" : "s"))", now: now)
        if self.faults.holdingNextArrival && self.faults.heldArrival.isEmpty {
            self.faults.heldArrival = parts
            self.note("holding it until the host lists messages", now: now)
            return
        }
        for part in parts {
            if !self.networkQueue.isEmpty || !self.deliverPart(part, now: now, output: &output) {
                self.networkQueue.append(part)
            }
        }
        if !self.networkQueue.isEmpty {
            self.note("\(self.networkQueue.count) part(s) waiting in the network", now: now)
        }
    }

    /// Stores or routes one part per `AT+CNMI`. Returns false when it cannot be delivered now (memory full,
    /// modem not registered).
    mutating func deliverPart(_ part: Incoming, now: Duration, output: inout SimulatorOutput) -> Bool {
        guard self.isRegistered else { return false }
        let settings = self.session.indications
        let direct =
            !part.message.isStatusReport && (settings.mt == 2 || (settings.mt == 3 && part.messageClass == 3))
        if part.message.isStatusReport && settings.ds == 1 {
            self.unsolicited(["+CDS: \(part.message.tpduLength)\r\n\(part.message.pduHex)"], output: &output)
            return true
        }
        if part.message.isStatusReport && settings.ds == 0 {
            self.note("status report not indicated (ds=0) and dropped", now: now)
            return true
        }
        if direct {
            self.unsolicited(["+CMT: ,\(part.message.tpduLength)\r\n\(part.message.pduHex)"], output: &output)
            self.session.awaitingAcknowledgement = self.session.messageService == 1
            return true
        }
        let name = self.session.memories[2]
        guard let index = self.storages[name]!.store(part.message) else {
            self.note("\(name) memory full", now: now)
            return false
        }
        let indication = part.message.isStatusReport ? "+CDSI" : "+CMTI"
        if self.faults.droppingIndications {
            self.note("\(indication) for \(name) \(index) dropped (fault)", now: now)
        } else if part.message.isStatusReport || settings.mt != 0 {
            self.unsolicited(["\(indication): \(ATParameter.quoted(name)),\(index)"], output: &output)
        }
        return true
    }

    /// An indication subject to `<mode>` of `AT+CNMI`: buffered in the modem while it is 0.
    private mutating func unsolicited(_ lines: [String], output: inout SimulatorOutput) {
        if self.session.indications.mode == 0 {
            var bytes: [UInt8] = []
            for line in lines { bytes += Array(("\r\n" + line + "\r\n").utf8) }
            self.session.bufferedIndications.append(bytes)
        } else {
            self.indicate(lines, output: &output)
        }
    }

    mutating func drainNetworkQueue(now: Duration, output: inout SimulatorOutput) {
        while let part = self.networkQueue.first {
            guard self.deliverPart(part, now: now, output: &output) else { break }
            self.networkQueue.removeFirst()
        }
    }

    mutating func scheduleNetworkRetry(output: inout SimulatorOutput) {
        guard !self.networkQueue.isEmpty, !self.networkRetryScheduled else { return }
        self.networkRetryScheduled = true
        output.append(
            .schedule(
                SimulatorEvent(.networkRetry, generation: self.generation),
                after: self.configuration.networkRetryDelay
            )
        )
    }

    /// Builds the SMS-STATUS-REPORT for a sent message and delivers it per `<ds>` of `AT+CNMI`.
    ///
    /// Related specification: 3GPP TS 23.040 §9.2.2.3, 3GPP TS 27.005 §3.4.1 (`+CDS`, `+CDSI`)
    mutating func deliverStatusReport(_ report: PendingReport, now: Duration, output: inout SimulatorOutput) {
        let pdu = SMSStatusReport(
            messageReference: UInt8(report.reference),
            recipient: report.recipient,
            serviceCentreTimestamp: self.timestamp(at: report.submittedAt),
            dischargeTime: self.timestamp(at: now),
            status: self.configuration.statusReportOutcome
        )
        guard let tpdu = try? pdu.encodedTPDU() else { return }
        let part = Incoming(
            message: StoredSMS(
                status: .receivedUnread,
                pduHex: Hex.encode(self.serviceCentrePrefix + tpdu),
                tpduLength: tpdu.count,
                isStatusReport: true
            ),
            messageClass: nil
        )
        self.note("status report for #\(report.reference): \(self.configuration.statusReportOutcome)", now: now)
        if !self.networkQueue.isEmpty || !self.deliverPart(part, now: now, output: &output) {
            self.networkQueue.append(part)
        }
    }
}
