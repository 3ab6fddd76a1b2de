// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol

extension ModemQuirks {
    /// A modem that follows 3GPP TS 27.005/27.007 with nothing special: the fallback profile.
    public static let generic = ModemQuirks(
        name: "generic",
        aliases: ["default", "standard"],
        newMessageIndications: Self.standardNewMessageIndications,
        preferredStorages: ["SM", "ME", "MT"],
        commandTimeouts: Self.standardTimeouts,
        resetCommand: CFUN.set(.full, reset: true),
        restartDelay: .seconds(20),
        startupSettleDelay: .seconds(10)
    )
}
