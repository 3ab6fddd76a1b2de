// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol

extension ModemQuirks {
    /// Quectel EC2x / EG2x (EC25, EC21, EG25-G): LTE Cat 4/Cat 1 modules.
    ///
    /// - Unsolicited results go to the port chosen with `AT+QURCCFG="urcport",…`; if it is the PPP port,
    ///   `+CMTI` never reaches the AT port, so initialisation routes them to `usbat`.
    /// - Start-up reports `RDY`, `+CPIN: READY`, `+QUSIM`, then `+QIND: SMS DONE` when SMS commands work.
    /// - `AT+CMGS` may take up to 120 s (the EC25 manual's maximum response time).
    /// - `AT+CFUN=1,1` restarts the module; it re-enumerates on USB about 10–20 s later.
    /// - `AT+QCCID` reads the ICCID and `AT+QPINC="SC"` the SIM PIN attempts left.
    public static let quectel = ModemQuirks(
        name: "quectel",
        aliases: ["quectel-ec25", "ec25", "eg25", "ec2x", "eg2x"],
        manufacturerPatterns: ["quectel"],
        indicationNames: ["+QIND", "+QUSIM"],
        initialisationCommands: [ATCommand("AT+QURCCFG=\"urcport\",\"usbat\"")],
        newMessageIndications: Self.standardNewMessageIndications,
        preferredStorages: ["SM", "ME"],
        commandTimeouts: Self.standardTimeouts.merging(["+CMGS": .seconds(120)]) { $1 },
        resetCommand: CFUN.set(.full, reset: true),
        restartDelay: .seconds(20),
        startupSettleDelay: .seconds(15),
        pinRetries: .quectel,
        iccidCommand: ATCommand("AT+QCCID")
    )
}
