// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

/// Everything the engine does differently for one family of modems, in one value.
///
/// Each vendor's profile is defined in its own file in `Quirks/` (``generic``, ``quectel``,
/// ``simcomSIM800``, ``simcom``, ``huawei``, ``ublox``). The engine never tests a model name anywhere
/// else: it reads these fields. ``select(profileName:identity:indicationNames:)`` chooses a profile.
public struct ModemQuirks: Hashable, Sendable {
    /// The profile's name, as a udev rule gives it (`quectel`).
    public var name: String
    /// Other names accepted for this profile in ``ModemConfiguration/profileName``.
    public var aliases: Set<String>
    /// Lower-case fragments of `+CGMI` that identify the vendor; empty for the generic profile.
    public var manufacturerPatterns: [String]
    /// Lower-case fragments of `+CGMM`, one of which must match too; empty matches every model.
    public var modelPatterns: [String]
    /// Names of unsolicited reports only this vendor sends (`+QIND`, `^RSSI`), used to choose a profile
    /// when the identity does not.
    public var indicationNames: Set<String>
    /// Vendor commands sent during ``Modem/initialise(pin:)`` after the standard settings, such as routing
    /// unsolicited results to the AT port or silencing status noise. A failure is logged, not fatal.
    public var initialisationCommands: [ATCommand]
    /// `AT+CNMI` settings in order of preference; the first one the modem supports is used.
    public var newMessageIndications: [CNMI.Settings]
    /// Message storages in order of preference (`SM` is the SIM, `ME` the modem).
    public var preferredStorages: [String]
    /// Timeouts by command name (`"+CMGS"`); other commands use ``ModemConfiguration/defaultTimeout``.
    public var commandTimeouts: [String: Duration]
    /// The command that restarts the modem, the third step of recovery.
    public var resetCommand: ATCommand
    /// How long after ``resetCommand`` the modem takes to start answering again.
    public var restartDelay: Duration
    /// How long after `RDY` SMS commands may still fail when the modem has not said `SMS DONE`/`SMS Ready`.
    public var startupSettleDelay: Duration
    /// How the modem tells the SIM PIN attempts left; ``PINRetriesQuery/standard`` is tried when this fails.
    public var pinRetries: PINRetriesQuery
    /// The command that reads the SIM's ICCID (`AT+CCID`, `AT+QCCID`), which tells one SIM from another
    /// before its PIN is entered.
    public var iccidCommand: ATCommand

    public init(
        name: String,
        aliases: Set<String> = [],
        manufacturerPatterns: [String] = [],
        modelPatterns: [String] = [],
        indicationNames: Set<String> = [],
        initialisationCommands: [ATCommand] = [],
        newMessageIndications: [CNMI.Settings],
        preferredStorages: [String],
        commandTimeouts: [String: Duration],
        resetCommand: ATCommand,
        restartDelay: Duration,
        startupSettleDelay: Duration,
        pinRetries: PINRetriesQuery = .standard,
        iccidCommand: ATCommand = ATCommand("AT+CCID")
    ) {
        self.name = name
        self.aliases = aliases
        self.manufacturerPatterns = manufacturerPatterns
        self.modelPatterns = modelPatterns
        self.indicationNames = indicationNames
        self.initialisationCommands = initialisationCommands
        self.newMessageIndications = newMessageIndications
        self.preferredStorages = preferredStorages
        self.commandTimeouts = commandTimeouts
        self.resetCommand = resetCommand
        self.restartDelay = restartDelay
        self.startupSettleDelay = startupSettleDelay
        self.pinRetries = pinRetries
        self.iccidCommand = iccidCommand
    }

    /// The timeout for `command`: the configuration's override, else this profile's, else the default.
    public func timeout(for command: ATCommand, configuration: ModemConfiguration) -> Duration {
        guard let name = command.extendedName else { return configuration.defaultTimeout }
        return configuration.commandTimeouts[name] ?? self.commandTimeouts[name] ?? configuration.defaultTimeout
    }

    /// Whether `identity` is a modem of this profile.
    public func matches(_ identity: ModemIdentity) -> Bool {
        guard !self.manufacturerPatterns.isEmpty else { return false }
        let manufacturer = identity.manufacturer.lowercased()
        let model = identity.model.lowercased()
        return self.manufacturerPatterns.contains { manufacturer.contains($0) }
            && (self.modelPatterns.isEmpty || self.modelPatterns.contains { model.contains($0) })
    }

    /// Timeouts shared by most profiles: 3GPP gives none, these follow the vendors' "maximum response
    /// time" tables (`+CMGS` 120 s on Quectel and SIMCom, storage access a few seconds).
    static let standardTimeouts: [String: Duration] = [
        "+CMGS": .seconds(60),
        "+CMGL": .seconds(20),
        "+CMGR": .seconds(10),
        "+CMGD": .seconds(10),
        "+CPMS": .seconds(10),
        "+CPIN": .seconds(10),
        "+CFUN": .seconds(15),
        "+CNMA": .seconds(5),
    ]

    /// The `AT+CNMI` preferences most modems accept: buffer when busy, `+CMTI` for stored messages,
    /// `+CDSI` (else `+CDS`) for status reports.
    static let standardNewMessageIndications: [CNMI.Settings] = [
        CNMI.Settings(mode: 2, mt: 1, bm: 0, ds: 2, bfr: 0),
        CNMI.Settings(mode: 2, mt: 1, bm: 0, ds: 1, bfr: 0),
        CNMI.Settings(mode: 1, mt: 1, bm: 0, ds: 2, bfr: 0),
        CNMI.Settings(mode: 1, mt: 1, bm: 0, ds: 0, bfr: 0),
    ]
}
