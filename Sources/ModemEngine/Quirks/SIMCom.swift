// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol

extension ModemQuirks {
    /// SIMCom SIM800 / SIM800L / SIM800C: 2G-only UART modules, usually behind a USB-serial adapter.
    ///
    /// - On 2G a send often takes tens of seconds, and longer in a weak signal, so `AT+CMGS` gets 120 s
    ///   and listing a full SIM 30 s.
    /// - Start-up reports `RDY`, `+CFUN: 1`, `+CPIN: READY`, `Call Ready`, then `SMS Ready` several
    ///   seconds later; SMS commands fail with `+CMS ERROR` until then.
    /// - Line noise at power-on while the autobaud settles.
    /// - `AT+SPIC` gives the SIM PIN attempts left.
    public static let simcomSIM800 = ModemQuirks(
        name: "simcom-sim800",
        aliases: ["sim800", "sim800l", "sim800c"],
        manufacturerPatterns: ["simcom"],
        modelPatterns: ["sim800"],
        newMessageIndications: Self.standardNewMessageIndications,
        preferredStorages: ["SM"],
        commandTimeouts: Self.standardTimeouts.merging(["+CMGS": .seconds(120), "+CMGL": .seconds(30)]) { $1 },
        resetCommand: CFUN.set(.full, reset: true),
        restartDelay: .seconds(15),
        startupSettleDelay: .seconds(20),
        pinRetries: .simcom
    )

    /// SIMCom SIM7600 and other SIMCom LTE modules.
    ///
    /// - Start-up reports `RDY`, `+CPIN: READY`, `SMS DONE`, `PB DONE`.
    /// - `AT+CMGS` may take up to 120 s.
    /// - `AT+CICCID` reads the ICCID and `AT+SPIC` the SIM PIN attempts left.
    public static let simcom = ModemQuirks(
        name: "simcom",
        aliases: ["simcom-sim7600", "sim7600", "sim7600e", "sim7600g"],
        manufacturerPatterns: ["simcom"],
        indicationNames: ["+CPSI"],
        newMessageIndications: Self.standardNewMessageIndications,
        preferredStorages: ["SM", "ME"],
        commandTimeouts: Self.standardTimeouts.merging(["+CMGS": .seconds(120)]) { $1 },
        resetCommand: CFUN.set(.full, reset: true),
        restartDelay: .seconds(25),
        startupSettleDelay: .seconds(15),
        pinRetries: .simcom,
        iccidCommand: ATCommand("AT+CICCID")
    )
}
