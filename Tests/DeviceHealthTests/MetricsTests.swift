// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceHealth
import Foundation
import MessageStore
import Testing

/// The node_exporter textfile: strictly valid exposition format, values that match the database.
@Suite struct MetricsTests {
    /// A strict reader of the Prometheus text format (0.0.4) for gauges: every family has one HELP and one
    /// TYPE line before its samples, names and labels are well formed, values are numbers, nothing repeats.
    static func parse(_ text: String) throws -> [String: Double] {
        struct FormatError: Error, CustomStringConvertible {
            var description: String
        }
        guard text.hasSuffix("\n") else { throw FormatError(description: "no final newline") }
        let name = #/[a-zA-Z_:][a-zA-Z0-9_:]*/#
        let sample =
            #/([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"\\\n]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"\\\n]*")*\})? (-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)/#
        var values: [String: Double] = [:]
        var help: Set<String> = []
        var types: [String: String] = [:]
        var finished: Set<String> = []
        var current: String?
        for line in text.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# HELP ") {
                let parts = line.dropFirst(7).split(separator: " ", maxSplits: 1)
                guard parts.count == 2, (try? name.wholeMatch(in: parts[0])) != nil else {
                    throw FormatError(description: "bad HELP: \(line)")
                }
                let family = String(parts[0])
                guard !help.contains(family), !finished.contains(family) else {
                    throw FormatError(description: "second HELP for \(family)")
                }
                if let current { finished.insert(current) }
                help.insert(family)
                current = family
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ")
                guard parts.count == 2, String(parts[0]) == current, types[String(parts[0])] == nil,
                    ["gauge", "counter", "untyped"].contains(parts[1])
                else { throw FormatError(description: "bad TYPE: \(line)") }
                types[String(parts[0])] = String(parts[1])
            } else {
                guard let match = try sample.wholeMatch(in: line) else {
                    throw FormatError(description: "bad sample: \(line)")
                }
                let family = String(match.output.1)
                guard family == current, types[family] != nil else {
                    throw FormatError(description: "sample before its HELP and TYPE: \(line)")
                }
                let key = family + (match.output.2.map(String.init) ?? "")
                guard values[key] == nil else { throw FormatError(description: "repeated sample: \(line)") }
                values[key] = Double(match.output.4)
            }
        }
        return values
    }

    @Test func textfileParsesAndMatchesTheDatabase() async throws {
        // Given a database with a backlog, a queued reply and a dead letter
        let directory = try temporaryDirectory("metrics")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try DoctorStoreTests.database(
            in: directory,
            events: 12,
            age: 600,
            lastSync: Date(timeIntervalSince1970: 1_760_000_000)
        )
        let status = try store.status()

        // When the command writes the textfile
        let path = directory + "/careconnect.prom"
        let result = try await runProcess([
            "metrics", "--config", directory + "/none.toml", "--state-dir", directory, "--textfile", path,
        ])
        #expect(result.status == 0, "\(result.stderr)")

        // Then it is valid exposition text whose values are the database's
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let values = try Self.parse(text)
        #expect(values["careconnect_sync_backlog_events"] == 11)
        #expect(values["careconnect_sync_backlog_events"] == Double(status.syncBacklog))
        #expect(values["careconnect_dead_letters"] == 1)
        #expect(values["careconnect_outbound_messages{state=\"queued\"}"] == 1)
        #expect(values["careconnect_outbound_messages{state=\"delivered\"}"] == 0)
        #expect(values["careconnect_undecodable_pdus"] == 0)
        #expect(values["careconnect_sync_last_success_timestamp_seconds"] == 1_760_000_000)
        #expect(values["careconnect_last_message_received_timestamp_seconds"] == 0)
        let age = try #require(values["careconnect_sync_oldest_unsent_age_seconds"])
        // The oldest remaining event (event-1) was made 599 s before the database was filled.
        #expect(age >= 598 && age < 660, "\(age)")
        #expect(values["careconnect_modem_signal_bars"] == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o644)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func statusShowsTheLastSyncAndItsError() async throws {
        let directory = try temporaryDirectory("status")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try DoctorStoreTests.database(
            in: directory,
            events: 2,
            age: 60,
            lastSync: Date(timeIntervalSince1970: 1_760_000_000)
        )
        try store.setSyncState([.lastError: "POST /v1/events: connection refused"], now: Date())
        let result = try await runProcess(["status", "--config", directory + "/none.toml", "--state-dir", directory])
        #expect(result.stdout.contains("last sync       2025-10-09T08:53:20Z"), "\(result.stdout)")
        #expect(result.stdout.contains("sync error      POST /v1/events: connection refused"))
        // A dead letter needs attention.
        #expect(result.status == 1)
    }

    @Test func signalBarsAppearWhenSmsdReportedThem() throws {
        let directory = try temporaryDirectory("metrics")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try MessageStore(path: directory + "/careconnect.sqlite")
        let snapshot = try StoreSnapshot(store: store)
        let bars = MetricsTextfile.signalBars(fromStatus: "modem ready, signal 3/5")
        #expect(bars == 3)
        #expect(MetricsTextfile.signalBars(fromStatus: "waiting for a modem at /dev/x") == nil)
        let metrics = MetricsTextfile(snapshot: snapshot, signalBars: bars, now: Date())
        let values = try Self.parse(metrics.text)
        #expect(values["careconnect_modem_signal_bars"] == 3)
        #expect(values["careconnect_sync_oldest_unsent_age_seconds"] == 0)
    }

    @Test func theStrictParserRejectsBrokenText() {
        for broken in [
            "careconnect_x 1\n",  // no HELP/TYPE
            "# HELP a x\n# TYPE a gauge\na one\n",  // not a number
            "# HELP a x\n# TYPE a gauge\na 1\n# HELP a x\n# TYPE a gauge\na 2\n",  // family twice
            "# HELP a x\n# TYPE a gauge\na{l=\"v\"} 1",  // no final newline
        ] {
            #expect(throws: (any Error).self) { try Self.parse(broken) }
        }
    }

    @Test func replacingTheFileIsAtomic() throws {
        // A reader that opened the old file keeps reading the old text: the new file is a new inode.
        let directory = try temporaryDirectory("metrics")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try MessageStore(path: directory + "/careconnect.sqlite")
        let path = directory + "/careconnect.prom"
        let metrics = MetricsTextfile(snapshot: try StoreSnapshot(store: store), signalBars: nil, now: Date())
        try metrics.write(to: path)
        let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber
        try metrics.write(to: path)
        let after = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber
        #expect(before != after)
        let old = String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
        #expect(old == metrics.text)
    }
}
