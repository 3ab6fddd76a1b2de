// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Foundation
import Logging
import MessageStore

extension SMSGateway {
    /// The modem's power reports (SIMCom's spelling, `WARNNING`, is the one the modules send): a brown-out of
    /// the supply shows first as `UNDER-VOLTAGE WARNNING`, then the module switches itself off.
    static let powerReportNames: Set<String> = [
        "UNDER-VOLTAGE WARNNING", "UNDER-VOLTAGE POWER DOWN", "OVER-VOLTAGE WARNNING", "OVER-VOLTAGE POWER DOWN",
        "NORMAL POWER DOWN",
    ]

    /// At most one log line per kind of power report in this time; the next line counts the ones left out.
    static let powerReportLogInterval: Duration = .seconds(60)

    /// Counts a power report in the database (for `careconnect status`) and logs it, at most once a minute for
    /// each kind: a warning, or an error when the modem says it is switching off for a bad supply.
    func notePowerReport(_ kind: String) {
        do {
            try store.recordModemPowerReport(kind, now: Date())
        } catch {
            logger.error("could not record the modem's power report", metadata: ["error": "\(error)"])
        }
        guard let unlogged = progress.notePowerReport(kind, at: .now, interval: Self.powerReportLogInterval) else {
            return
        }
        var metadata: Logger.Metadata = ["report": "\(kind)"]
        if unlogged > 0 {
            metadata["unlogged since last"] = "\(unlogged)"
        }
        switch kind {
        case "NORMAL POWER DOWN":
            logger.notice("modem is powering down", metadata: metadata)
        case let kind where kind.hasSuffix("POWER DOWN"):
            logger.error("modem is switching off: its supply voltage is out of range", metadata: metadata)
        default:
            logger.warning("modem reports its supply voltage out of range: check the power supply", metadata: metadata)
        }
    }
}
