// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CPIN`: whether the SIM needs a PIN or PUK, and entering it.
///
/// Related specification: 3GPP TS 27.007 §8.3
public enum CPIN {
    /// The `<code>` of `+CPIN: <code>`: what, if anything, the SIM is waiting for.
    public struct State: RawRepresentable, Hashable, Sendable {
        /// The text as the modem sent it, for example `SIM PIN`.
        public var rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// `READY`: no password is needed.
        public static let ready = Self(rawValue: "READY")
        /// `SIM PIN`: the SIM PIN is needed.
        public static let simPIN = Self(rawValue: "SIM PIN")
        /// `SIM PUK`: the SIM is blocked and its PUK is needed.
        public static let simPUK = Self(rawValue: "SIM PUK")
        /// `PH-SIM PIN`: the phone-to-SIM password is needed.
        public static let phSIMPIN = Self(rawValue: "PH-SIM PIN")
        /// `PH-FSIM PIN`: the phone-to-first-SIM password is needed.
        public static let phFSIMPIN = Self(rawValue: "PH-FSIM PIN")
        /// `PH-FSIM PUK`: the phone-to-first-SIM PUK is needed.
        public static let phFSIMPUK = Self(rawValue: "PH-FSIM PUK")
        /// `SIM PIN2`: PIN2 is needed.
        public static let simPIN2 = Self(rawValue: "SIM PIN2")
        /// `SIM PUK2`: PUK2 is needed.
        public static let simPUK2 = Self(rawValue: "SIM PUK2")
        /// `PH-NET PIN`: the network personalisation password is needed.
        public static let phNetPIN = Self(rawValue: "PH-NET PIN")
        /// `PH-NET PUK`: the network personalisation PUK is needed.
        public static let phNetPUK = Self(rawValue: "PH-NET PUK")
        /// `PH-NETSUB PIN`: the network subset personalisation password is needed.
        public static let phNetSubPIN = Self(rawValue: "PH-NETSUB PIN")
        /// `PH-NETSUB PUK`: the network subset personalisation PUK is needed.
        public static let phNetSubPUK = Self(rawValue: "PH-NETSUB PUK")
        /// `PH-SP PIN`: the service provider personalisation password is needed.
        public static let phSPPIN = Self(rawValue: "PH-SP PIN")
        /// `PH-SP PUK`: the service provider personalisation PUK is needed.
        public static let phSPPUK = Self(rawValue: "PH-SP PUK")
        /// `PH-CORP PIN`: the corporate personalisation password is needed.
        public static let phCorpPIN = Self(rawValue: "PH-CORP PIN")
        /// `PH-CORP PUK`: the corporate personalisation PUK is needed.
        public static let phCorpPUK = Self(rawValue: "PH-CORP PUK")
        /// `NOT INSERTED`: not in 27.007, but SIMCom modems report a missing SIM this way.
        public static let notInserted = Self(rawValue: "NOT INSERTED")
        /// `NOT READY`: not in 27.007, but SIMCom modems report a SIM still starting this way.
        public static let notReady = Self(rawValue: "NOT READY")

        /// Whether the SIM is usable without entering anything.
        public var isReady: Bool { self == .ready }

        /// Whether the SIM waits for a PUK, which only a person with the SIM's paperwork can supply.
        public var needsPUK: Bool { self.rawValue.hasSuffix("PUK") || self.rawValue.hasSuffix("PUK2") }
    }

    /// `AT+CPIN?`.
    public static let read = ATCommand("AT+CPIN?")

    /// `AT+CPIN="<pin>"`: enters the PIN the SIM asks for.
    public static func enter(pin: String) -> ATCommand {
        ATCommand("AT+CPIN=\(ATParameter.quoted(pin))")
    }

    /// `AT+CPIN="<puk>","<newpin>"`: unblocks the SIM with its PUK and sets a new PIN.
    public static func enter(puk: String, newPIN: String) -> ATCommand {
        ATCommand("AT+CPIN=\(ATParameter.quoted(puk)),\(ATParameter.quoted(newPIN))")
    }

    /// Parses `+CPIN: <code>`.
    ///
    /// Related specification: 3GPP TS 27.007 §8.3
    public static func parseReadResponse(_ lines: [ATLine]) throws -> State {
        let line = try ResponseLine.single(in: lines, name: "+CPIN")
        guard let value = line.line.responseValue?.trimmingCharacters(in: " "), !value.isEmpty else {
            throw line.error(.missingParameter, "missing <code>")
        }
        return State(rawValue: value.trimmingCharacters(in: "\""))
    }
}
