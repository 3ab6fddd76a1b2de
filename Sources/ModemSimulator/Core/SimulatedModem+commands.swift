// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import SMSPDU

/// The outcome of one command of a command line.
enum CommandOutcome: Hashable, Sendable {
    /// Information lines (possibly none), then the line goes on.
    case info([String])
    /// An error ends the line.
    case error(CommandError)
    /// `> ` was printed; the final result waits for the PDU.
    case prompt(SimulatedModem.PendingInput)
}

/// How an error is reported, depending on `AT+CMEE`.
enum CommandError: Hashable, Sendable {
    /// Always plain `ERROR` (unknown commands, syntax errors).
    case plain
    case cme(CMEError)
    case cms(CMSError)
}

extension SimulatedModem {
    mutating func process(_ frame: HostInputFramer.Frame, now: Duration, output: inout SimulatorOutput) {
        switch frame {
        case .commandLine(let bytes):
            self.processLine(String(decoding: bytes, as: UTF8.self), now: now, output: &output)
        case .overflow:
            self.respond(self.finalResult(.plain), output: &output)
        case .pdu(let bytes):
            guard let pending = self.session.pendingInput else { return }
            self.session.pendingInput = nil
            var response = self.pduReceived(bytes, for: pending, now: now, output: &output)
            response += self.session.heldIndications
            self.session.heldIndications = []
            self.respond(response, output: &output)
        case .cancelled:
            self.session.pendingInput = nil
            var response = self.finalResult(nil)
            response += self.session.heldIndications
            self.session.heldIndications = []
            self.respond(response, output: &output)
        }
    }

    /// Writes a response, with garbage in its middle if that fault is armed.
    mutating func respond(_ response: [UInt8], output: inout SimulatorOutput) {
        guard let count = self.faults.garbageInNextResponse, response.count >= 2 else {
            output.write(response)
            return
        }
        self.faults.garbageInNextResponse = nil
        let middle = response.count / 2
        output.write(Array(response[..<middle]) + self.garbage(count) + Array(response[middle...]))
    }

    private mutating func processLine(_ line: String, now: Duration, output: inout SimulatorOutput) {
        guard let commands = HostCommand.parse(line: line) else { return }
        self.commandLines += 1
        var response: [UInt8] = []
        var followUp = SimulatorOutput()
        var rebootAfterResponse = false
        var failed: CommandError?
        for command in commands {
            if command.name == "+CFUN", command.mode == .set, self.isResetRequest(command) {
                rebootAfterResponse = true
            }
            let outcome = self.execute(command, now: now, followUp: &followUp)
            switch outcome {
            case .info(let lines):
                response += self.informationText(lines)
            case .error(let error):
                failed = error
            case .prompt(let pending):
                self.session.pendingInput = pending
                self.framer.expectPDU()
                self.respond(response + Array("\r\n> ".utf8), output: &output)
                return
            }
            if failed != nil { break }
        }
        response += self.finalResult(failed)
        self.respond(response, output: &output)
        // Indications released by AT+CNMI follow the response.
        followUp.write(self.session.heldIndications)
        self.session.heldIndications = []
        // Space may have been freed: the network tries again with what it holds.
        self.scheduleNetworkRetry(output: &followUp)
        for action in followUp.actions { output.append(action) }
        if rebootAfterResponse && failed == nil {
            self.note("reset requested by AT+CFUN", now: now)
            self.restart(now: now, output: &output)
        }
    }

    /// Information text: each line framed by CR LF as V.250 prescribes for verbose mode.
    func informationText(_ lines: [String]) -> [UInt8] {
        guard !lines.isEmpty else { return [] }
        if self.session.verbose {
            return Array(("\r\n" + lines.joined(separator: "\r\n") + "\r\n").utf8)
        }
        return Array(lines.map { $0 + "\r\n" }.joined().utf8)
    }

    /// `OK`, `ERROR`, `+CME ERROR: <err>` or `+CMS ERROR: <err>`, per `ATV` and `AT+CMEE`.
    ///
    /// Related specification: 3GPP TS 27.007 §9.1 (`+CMEE`), 3GPP TS 27.005 §3.2.5.
    func finalResult(_ error: CommandError?) -> [UInt8] {
        if self.session.quiet { return [] }
        let text: String
        switch error {
        case nil:
            text = self.session.verbose ? "OK" : "0"
        case .plain:
            text = self.session.verbose ? "ERROR" : "4"
        case .cme(let code):
            switch self.session.errorMode {
            case 1: text = "+CME ERROR: \(code.rawValue)"
            case 2: text = "+CME ERROR: \(code.name ?? String(code.rawValue))"
            default: text = self.session.verbose ? "ERROR" : "4"
            }
        case .cms(let code):
            switch self.session.errorMode {
            case 1: text = "+CMS ERROR: \(code.rawValue)"
            case 2: text = "+CMS ERROR: \(code.name ?? String(code.rawValue))"
            default: text = self.session.verbose ? "ERROR" : "4"
            }
        }
        return Array((self.session.verbose ? "\r\n" + text + "\r\n" : text + "\r").utf8)
    }

    private func isResetRequest(_ command: HostCommand) -> Bool {
        let parameters = ATParameters(parsing: command.argument[...])
        return parameters.parameter(at: 1)?.intValue == 1
    }

    // MARK: Dispatch

    mutating func execute(_ command: HostCommand, now: Duration, followUp: inout SimulatorOutput) -> CommandOutcome {
        let parameters = ATParameters(parsing: command.argument[...])
        switch command.name {
        case "":
            return .info([])
        case "E", "V", "Q":
            guard let value = Int(command.argument.isEmpty ? "0" : command.argument), (0...1).contains(value) else {
                return .error(.plain)
            }
            switch command.name {
            case "E": self.session.echo = value == 1
            case "V": self.session.verbose = value == 1
            default: self.session.quiet = value == 1
            }
            return .info([])
        case "Z", "&F":
            let echo = self.session.echo
            self.session = Session()
            if command.name == "&F" { self.session.echo = echo }
            return .info([])
        case "I":
            return .info(self.profile.identification.map(self.expand))
        case "&W", "&C", "&D", "&K", "&S", "H", "X", "L", "M", "+CHUP":
            return .info([])
        case "D", "A", "O":
            return .error(.cme(.operationNotSupported))
        case "+CMEE":
            return self.setting(command, parameters, value: \.errorMode, range: 0...2, test: "(0-2)")
        case "+CFUN":
            return self.functionality(command, parameters, followUp: &followUp)
        case "+CGMI", "+GMI":
            return self.identity(command, self.profile.manufacturer)
        case "+CGMM", "+GMM":
            return self.identity(command, self.profile.model)
        case "+CGMR", "+GMR":
            return self.identity(command, self.profile.revision)
        case "+CGSN", "+GSN":
            return self.identity(command, self.configuration.imei)
        case "+CIMI":
            guard self.simUnlocked else { return .error(.cme(.simPINRequired)) }
            return self.identity(command, self.configuration.imsi)
        case "+CPIN":
            return self.pin(command, parameters, now: now, followUp: &followUp)
        case "+CPINR":
            // 3GPP TS 27.007 §8.65: remaining PIN retries.
            guard command.mode == .set || command.mode == .execute else { return .error(.plain) }
            return .info(["+CPINR: SIM PIN,\(self.pinAttemptsLeft),\(self.configuration.pinAttempts)"])
        case "+CSQ":
            switch command.mode {
            case .test: return .info(["+CSQ: (0-31,99),(0-7,99)"])
            case .execute: return .info(["+CSQ: \(self.isRegistered ? self.configuration.signalQuality : 99),99"])
            default: return .error(.plain)
            }
        case "+CESQ":
            switch command.mode {
            case .test: return .info(["+CESQ: (0-63,99),(0-7,99),(0-96,255),(0-49,255),(0-34,255),(0-97,255)"])
            case .execute: return .info(["+CESQ: 99,99,255,255,\(self.isRegistered ? "20,45" : "255,255")"])
            default: return .error(.plain)
            }
        case "+CREG", "+CGREG", "+CEREG":
            return self.registration(command, parameters)
        case "+COPS":
            switch command.mode {
            case .read:
                let name = ATParameter.quoted(self.configuration.operatorName)
                return .info([self.isRegistered ? "+COPS: 0,0,\(name),7" : "+COPS: 0"])
            case .test:
                let name = ATParameter.quoted(self.configuration.operatorName)
                return .info(["+COPS: (2,\(name),\(name),\"23430\",7),,(0-4),(0-2)"])
            case .set, .execute:
                return .info([])
            }
        case "+CGATT":
            switch command.mode {
            case .read: return .info(["+CGATT: \(self.isRegistered ? 1 : 0)"])
            case .test: return .info(["+CGATT: (0,1)"])
            default: return .info([])
            }
        case "+CBC":
            return command.mode == .execute ? .info(["+CBC: 0,100,4200"]) : .info([])
        case "+CCLK":
            guard command.mode == .read else { return .info([]) }
            let time = self.timestamp(at: now)
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            let zone = time.utcOffsetQuarterHours
            let clock =
                "\(two(time.year % 100))/\(two(time.month))/\(two(time.day)),"
                + "\(two(time.hour)):\(two(time.minute)):\(two(time.second))\(zone < 0 ? "-" : "+")\(two(abs(zone)))"
            return .info(["+CCLK: \"\(clock)\""])
        case "+CSCS":
            return self.characterSet(command, parameters)
        case "+CUSD":
            return self.setting(command, parameters, value: \.ussd, range: 0...2, test: "(0-2)")
        case "+CLIP", "+CRC", "+CVHU", "+CMER", "+CGEREP", "+CTZR", "+CTZU", "+CSDH", "+CSCB", "+CLIR", "+COLP":
            return self.simpleSetting(command, parameters)
        case "+CSCA", "+CMGF", "+CPMS", "+CNMI", "+CMGL", "+CMGR", "+CMGD", "+CMGS", "+CMGW", "+CMMS", "+CSMS",
            "+CNMA":
            return self.messaging(command, parameters, now: now)
        case "^CURC" where !self.profile.periodicIndications.isEmpty:
            switch command.mode {
            case .set:
                guard let value = parameters.parameter(at: 0)?.intValue, (0...1).contains(value) else {
                    return .error(.cme(.incorrectParameters))
                }
                self.session.vendorIndications = value == 1
                return .info([])
            case .read: return .info(["^CURC: \(self.session.vendorIndications ? 1 : 0)"])
            case .test: return .info(["^CURC: (0,1)"])
            case .execute: return .error(.plain)
            }
        default:
            if command.name.hasPrefix("S"), command.name.dropFirst().allSatisfy(\.isNumber), command.name.count > 1 {
                return command.mode == .read ? .info(["000"]) : .info([])
            }
            if let lines = self.profile.fixedResponses[command.key] {
                if command.name == "+CCID" || command.name.hasSuffix("CCID"), !self.simUnlocked {
                    return .error(.cme(.simPINRequired))
                }
                return .info(lines.map(self.expand))
            }
            return .error(.plain)
        }
    }

    // MARK: General commands

    private func identity(_ command: HostCommand, _ value: String) -> CommandOutcome {
        switch command.mode {
        case .execute: .info([value])
        case .test: .info([])
        default: .error(.plain)
        }
    }

    private mutating func setting(
        _ command: HostCommand,
        _ parameters: ATParameters,
        value: WritableKeyPath<Session, Int>,
        range: ClosedRange<Int>,
        test: String
    ) -> CommandOutcome {
        switch command.mode {
        case .set:
            guard let number = parameters.parameter(at: 0)?.intValue ?? (parameters.isEmpty ? 0 : nil),
                range.contains(number)
            else {
                return .error(.cme(.incorrectParameters))
            }
            self.session[keyPath: value] = number
            return .info([])
        case .read:
            return .info(["\(command.name): \(self.session[keyPath: value])"])
        case .test:
            return .info(["\(command.name): \(test)"])
        case .execute:
            return .info([])
        }
    }

    private mutating func simpleSetting(_ command: HostCommand, _ parameters: ATParameters) -> CommandOutcome {
        switch command.mode {
        case .set:
            self.session.settings[command.name] = parameters.parameter(at: 0)?.intValue ?? 0
            return .info([])
        case .read:
            return .info(["\(command.name): \(self.session.settings[command.name] ?? 0)"])
        case .test:
            return .info(["\(command.name): (0,1)"])
        case .execute:
            return .info([])
        }
    }

    private mutating func functionality(
        _ command: HostCommand,
        _ parameters: ATParameters,
        followUp: inout SimulatorOutput
    ) -> CommandOutcome {
        switch command.mode {
        case .read:
            return .info(["+CFUN: \(self.session.functionality)"])
        case .test:
            return .info(["+CFUN: (0,1,4),(0,1)"])
        case .execute:
            return .error(.plain)
        case .set:
            guard let level = parameters.parameter(at: 0)?.intValue, [0, 1, 4].contains(level) else {
                return .error(.cme(.incorrectParameters))
            }
            let wasRegistered = self.isRegistered
            self.session.functionality = level
            if wasRegistered != self.isRegistered {
                self.registrationChanged(output: &followUp)
                self.scheduleNetworkRetry(output: &followUp)
            }
            return .info([])
        }
    }

    private mutating func pin(
        _ command: HostCommand,
        _ parameters: ATParameters,
        now: Duration,
        followUp: inout SimulatorOutput
    ) -> CommandOutcome {
        switch command.mode {
        case .read:
            guard !self.simUnlocked else { return .info(["+CPIN: READY"]) }
            return .info([self.pinAttemptsLeft > 0 ? "+CPIN: SIM PIN" : "+CPIN: SIM PUK"])
        case .test, .execute:
            return .info([])
        case .set:
            guard !self.simUnlocked else { return .error(.cme(.operationNotAllowed)) }
            guard self.pinAttemptsLeft > 0 else { return .error(.cme(.simPUKRequired)) }
            guard parameters.parameter(at: 0)?.stringValue == self.configuration.pin else {
                self.pinAttemptsLeft -= 1
                return .error(.cme(.incorrectPassword))
            }
            self.simUnlocked = true
            self.note("PIN accepted", now: now)
            self.simBecameReady(now: now, output: &followUp)
            return .info([])
        }
    }

    private mutating func registration(_ command: HostCommand, _ parameters: ATParameters) -> CommandOutcome {
        switch command.mode {
        case .set:
            guard let n = parameters.parameter(at: 0)?.intValue ?? (parameters.isEmpty ? 0 : nil),
                (0...2).contains(n)
            else {
                return .error(.cme(.incorrectParameters))
            }
            self.session.registrationReporting[command.name] = n
            return .info([])
        case .read:
            let n = self.session.registrationReporting[command.name] ?? 0
            return .info(["\(command.name): \(n),\(self.registrationDetail(for: command.name, full: n == 2))"])
        case .test:
            return .info(["\(command.name): (0-2)"])
        case .execute:
            return .error(.plain)
        }
    }

    /// `<stat>[,<lac/tac>,<ci>,<AcT>]`.
    func registrationDetail(for name: String, full: Bool) -> String {
        let stat = self.isRegistered ? 1 : 0
        guard full, self.isRegistered else { return "\(stat)" }
        return "\(stat),\"1A2B\",\"01C2D3E4\",7"
    }

    /// Prints `+CREG: <stat>` (and `+CGREG`, `+CEREG`) where the host asked for them.
    mutating func registrationChanged(output: inout SimulatorOutput) {
        var lines: [String] = []
        for name in ["+CREG", "+CGREG", "+CEREG"] {
            let n = self.session.registrationReporting[name] ?? 0
            if n > 0 {
                lines.append("\(name): \(self.registrationDetail(for: name, full: n == 2))")
            }
        }
        self.indicate(lines, output: &output)
    }

    private mutating func characterSet(_ command: HostCommand, _ parameters: ATParameters) -> CommandOutcome {
        let supported = ["GSM", "IRA", "HEX", "UCS2", "8859-1", "PCCP437"]
        switch command.mode {
        case .read:
            return .info(["+CSCS: \(ATParameter.quoted(self.session.characterSet))"])
        case .test:
            return .info(["+CSCS: (" + supported.map(ATParameter.quoted).joined(separator: ",") + ")"])
        case .set:
            guard let name = parameters.parameter(at: 0)?.stringValue?.uppercased(), supported.contains(name) else {
                return .error(.cme(.operationNotSupported))
            }
            self.session.characterSet = name
            return .info([])
        case .execute:
            return .info([])
        }
    }
}
