// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol

extension ModemQuirks {
    /// u-blox LARA and SARA cellular modules.
    ///
    /// - With UART power saving on, the first characters of a command can be lost while the module wakes;
    ///   `AT+UPSV=0` keeps it awake.
    /// - `AT+CFUN=16` resets the module and the SIM; the module answers again after about 10 s.
    /// - `AT+UPINCNT` gives the SIM PIN attempts left.
    public static let ublox = ModemQuirks(
        name: "ublox",
        aliases: ["u-blox", "lara", "sara"],
        manufacturerPatterns: ["u-blox", "ublox"],
        indicationNames: ["+UUPSDA", "+UUSORD"],
        initialisationCommands: [ATCommand("AT+UPSV=0")],
        newMessageIndications: Self.standardNewMessageIndications,
        preferredStorages: ["SM", "ME"],
        commandTimeouts: Self.standardTimeouts.merging(["+CMGS": .seconds(180)]) { $1 },
        resetCommand: CFUN.set(CFUN.Functionality(rawValue: 16)),
        restartDelay: .seconds(15),
        startupSettleDelay: .seconds(10),
        pinRetries: .ublox
    )
}
