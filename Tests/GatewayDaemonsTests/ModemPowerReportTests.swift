// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import GatewayDaemons
import Logging
import MessageStore
import ModemDiscovery
import ModemSimulator
import Synchronization
import Testing

/// A brown-out is visible: the modem's `UNDER-VOLTAGE WARNNING` reports are logged as warnings (at most once a
/// minute, the next line counting the ones left out) and every one is counted in the database for
/// `careconnect status`.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ModemPowerReportTests {
    /// Keeps every log record.
    final class RecordingLogHandler: LogHandler, Sendable {
        let records = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])

        var metadata: Logger.Metadata {
            get { [:] }
            set {}
        }
        var logLevel: Logger.Level {
            get { .trace }
            set {}
        }
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { nil }
            set {}
        }

        func log(event: LogEvent) {
            records.withLock { $0.append((event.level, "\(event.message)", event.metadata ?? [:])) }
        }
    }

    /// A plain modem whose supply sags: it reports `UNDER-VOLTAGE WARNNING` every 100 ms once started.
    static let browningOut = VendorProfile(
        name: "brown-out",
        manufacturer: "Care Connect",
        model: "Simulated GSM modem",
        revision: "1.0",
        periodicIndications: ["UNDER-VOLTAGE WARNNING"],
        periodicInterval: .milliseconds(100)
    )

    @Test func underVoltageIsLoggedOnceAMinuteAndEveryOneCounted() async throws {
        // Given a gateway on a modem that reports under-voltage ten times a second
        let harness = try GatewayHarness(profile: Self.browningOut)
        let handler = RecordingLogHandler()
        var device = DeviceConfiguration()
        device.modem.device = harness.linkPath
        var settings = GatewaySettings(configuration: device)
        settings.locateInterval = 0.2
        let gateway = SMSGateway(
            settings: settings,
            store: harness.store,
            finder: StaticModemFinder([]),
            logger: Logger(label: "test") { _ in handler }
        )

        // When it runs until 15 reports have come
        let task = Task { try await gateway.run() }
        try await harness.wait("15 power reports") { gateway.statistics.powerReports >= 15 }
        task.cancel()
        _ = await task.result

        // Then every report is counted in the database, as status shows it, and one warning was logged
        let reports = try harness.store.modemPowerReports()
        let counted = gateway.statistics.powerReports
        #expect(reports.map(\.kind) == ["UNDER-VOLTAGE WARNNING"])
        #expect(reports.first?.count == counted)
        #expect(try harness.store.status().modemPowerReports == ["UNDER-VOLTAGE WARNNING": counted])
        let warnings = handler.records.withLock { $0 }.filter { $0.metadata["report"] != nil }
        #expect(warnings.count == 1)
        #expect(warnings.first?.level == .warning)
        #expect(warnings.first?.message.contains("supply voltage") == true)
        #expect(warnings.first?.metadata["report"] == "UNDER-VOLTAGE WARNNING")
        print("power reports: \(counted) counted, \(warnings.count) logged")
    }
}
