// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol

/// Asks a modem how it is: the hardware boundary of `careconnect doctor`'s modem checks.
public protocol ModemProber: Sendable {
    /// Opens the AT port at `path`, asks the modem, and closes the port again. Never throws: what could not be
    /// learnt is left nil in the answer.
    ///
    /// - Parameters:
    ///   - profile: the quirk profile's name (`quectel`…), or nil for the generic one.
    ///   - pin: the configured SIM PIN, entered only when the SIM asks for it and has all its attempts left
    ///     (see ``ModemFacts/PINOutcome``).
    func probe(path: String, baud: Int, rtsCts: Bool, profile: String?, pin: String?) async -> ModemFacts
}

/// What a modem said about itself.
public struct ModemFacts: Hashable, Sendable {
    /// Whether the port could be opened.
    public enum Port: Hashable, Sendable {
        case opened
        /// Another process holds the port (usually `careconnect smsd`).
        case busy
        /// The device node does not exist.
        case missing
        /// Opening failed for another reason, in words.
        case failed(String)
    }

    /// What became of the configured PIN.
    public enum PINOutcome: Hashable, Sendable {
        /// The SIM took it.
        case accepted
        /// The SIM refused it: the configured PIN is wrong.
        case rejected(attemptsLeft: Int?)
        /// Not entered, because this few attempts were left (or the count is unknown: nil).
        case withheld(attemptsLeft: Int?)
    }

    public var port: Port
    /// Whether the modem answered `AT`.
    public var answers = false
    /// `AT+CPIN?`: `READY`, `SIM PIN`, `SIM PUK`, `NOT INSERTED`…
    public var simState: String?
    /// What became of the configured PIN, when one was needed.
    public var pinOutcome: PINOutcome?
    /// `AT+CSQ` rssi: 0–31, 99 unknown.
    public var rssi: Int?
    /// `AT+CREG?` stat: 1 home, 5 roaming, 2 searching, 3 denied, 0 not searching.
    public var circuitRegistration: Int?
    /// `AT+CEREG?` stat (LTE), when the modem answers it.
    public var epsRegistration: Int?
    /// `AT+CSCA?`: the service centre number; empty when unset.
    public var serviceCentre: String?
    /// `AT+CPMS?`: each storage's used and total slots.
    public var storage: [StorageUsage] = []

    /// One message storage's fill.
    public struct StorageUsage: Hashable, Sendable {
        public var name: String
        public var used: Int
        public var total: Int

        public init(name: String, used: Int, total: Int) {
            self.name = name
            self.used = used
            self.total = total
        }
    }

    public init(port: Port) {
        self.port = port
    }

    /// Signal as bars, 0–5, the same as the gateway shows (``CSQ/SignalQuality/bars``; unknown is 0 bars).
    public var bars: Int? {
        rssi.map { CSQ.SignalQuality(rssi: $0, bitErrorRate: 99).bars }
    }
}

/// Fixed answers: the in-memory twin of ``SerialModemProber``.
public struct InMemoryModemProber: ModemProber {
    public var facts: ModemFacts

    public init(_ facts: ModemFacts) {
        self.facts = facts
    }

    public func probe(path: String, baud: Int, rtsCts: Bool, profile: String?, pin: String?) async -> ModemFacts {
        facts
    }
}
