// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import MessageStore
import Testing

/// The modem's power reports are counted by kind, with the first and last time, for `careconnect status`.
@Suite struct ModemPowerReportsAreCountedTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func powerReportsAreCountedByKind() throws {
        let store = try MessageStore.inMemory()
        for second in 0..<3 {
            try store.recordModemPowerReport("UNDER-VOLTAGE WARNNING", now: now.addingTimeInterval(Double(second)))
        }
        try store.recordModemPowerReport("UNDER-VOLTAGE POWER DOWN", now: now.addingTimeInterval(10))
        let reports = try store.modemPowerReports()
        #expect(reports.map(\.kind) == ["UNDER-VOLTAGE POWER DOWN", "UNDER-VOLTAGE WARNNING"])
        #expect(reports.last?.count == 3)
        #expect(reports.last?.lastAt == 1_795_000_002_000)
        #expect(reports.last?.firstAt == 1_795_000_000_000)
        #expect(try store.status().modemPowerReports == ["UNDER-VOLTAGE WARNNING": 3, "UNDER-VOLTAGE POWER DOWN": 1])
    }
}
