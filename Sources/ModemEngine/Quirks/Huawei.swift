// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol

extension ModemQuirks {
    /// Huawei E-series USB sticks in stick (not HiLink) mode, such as the E3372 and E3531.
    ///
    /// - The AT port carries constant status noise (`^RSSI`, `^HCSQ`, `^MODE`, `^SRVST`, `^BOOT`);
    ///   `AT^CURC=0` turns most of it off.
    /// - Unknown commands end with `COMMAND NOT SUPPORT` rather than `ERROR`.
    /// - `AT^RESET` restarts the stick.
    /// - `AT^ICCID?` reads the ICCID and `AT^CPIN?` the SIM PIN attempts left.
    public static let huawei = ModemQuirks(
        name: "huawei",
        aliases: ["huawei-e3372", "e3372", "e3531"],
        manufacturerPatterns: ["huawei"],
        indicationNames: ["^RSSI", "^HCSQ", "^MODE", "^SRVST", "^BOOT", "^SYSSTART"],
        initialisationCommands: [ATCommand("AT^CURC=0")],
        newMessageIndications: Self.standardNewMessageIndications,
        preferredStorages: ["SM", "ME"],
        commandTimeouts: Self.standardTimeouts,
        resetCommand: ATCommand("AT^RESET"),
        restartDelay: .seconds(30),
        startupSettleDelay: .seconds(10),
        pinRetries: .huawei,
        iccidCommand: ATCommand("AT^ICCID?")
    )
}
