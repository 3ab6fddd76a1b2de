// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import MessageStore
import Testing

/// `careconnect fft export` run as a real process on a real database.
@Suite struct FFTExportCommandTests {
    let command = PDUCommandTests()

    func makeDevice() throws -> (directory: URL, config: String, store: MessageStore) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("careconnect.toml").path
        try """
        [ward]
        name = "Ward 7, Elm"
        trust_ods = "RXX"
        site_code = "RXX01"
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let store = try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
        return (directory, config, store)
    }

    func kiosk(_ rating: Int, _ time: TimeInterval, suspect: Bool = false) -> KioskResponseRecord {
        KioskResponseRecord(
            id: UUID().uuidString,
            createdAt: Date(timeIntervalSince1970: time),
            localTime: "",
            trustCode: "RXX",
            siteCode: "RXX01",
            ward: "Ward 7, Elm",
            surveyVersion: "fft-2020.1",
            language: "en",
            mode: "Electronic Discharge",
            rating: rating,
            suspectRepeat: suspect
        )
    }

    /// Should count kiosk and SMS answers of the month (local time) per ward, with modes and percentages.
    @Test func exportsTheMonthInNHSShape() throws {
        // Given answers either side of the month's edges and a suspected repeat
        let device = try makeDevice()
        let nov1 = 1_793_491_200.0  // 2026-11-01T00:00:00Z, midnight in London (GMT)
        try device.store.recordKioskResponse(kiosk(1, nov1 + 60))
        try device.store.recordKioskResponse(kiosk(1, nov1 + 120))
        try device.store.recordKioskResponse(kiosk(2, nov1 + 180, suspect: true))
        try device.store.recordKioskResponse(kiosk(6, nov1 + 86_400 * 10))
        try device.store.recordKioskResponse(kiosk(5, nov1 - 60))  // 31 October
        try device.store.recordKioskResponse(kiosk(4, nov1 + 86_400 * 30 + 60))  // 1 December
        try device.store.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO inbound_message (id, sender, sender_is_alphanumeric, text, encoding, received_at,
                                                 part_count)
                    VALUES (1, '+447700900456', 0, '4', 'gsm7', ?, 1);
                    INSERT INTO sms_feedback (uuid, message_id, contact, score, created_at, updated_at)
                    VALUES ('u1', 1, '+447700900456', 4, ?, ?);
                    """,
                arguments: [Int64(nov1 * 1_000) + 5_000, Int64(nov1 * 1_000) + 5_000, Int64(nov1 * 1_000) + 5_000]
            )
        }
        let base = ["fft", "export", "--config", device.config, "--state-dir", device.directory.path]
        // When November is exported
        let csv = try command.run(base + ["--month", "2026-11"])
        // Then one row holds the six counts, the total, the modes and the percentages; the ward's comma is quoted
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Org code,Site code,Ward name,Yearnumber,Periodname,1 Very Good,") == true)
        #expect(lines.last == "RXX,RXX01,\"Ward 7, Elm\",2026,2026-11,2,0,0,1,0,1,4,1,3,0,0,0,0,0,0,50.0,25.0")
        // And with suspected repeats the Good count and the total rise by one
        let all = try command.run(base + ["--month", "2026-11", "--include-suspect", "--format", "json"])
        let objects = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]]
        #expect(objects?.first?["good"] as? Int == 1)
        #expect(objects?.first?["total"] as? Int == 5)
        try? FileManager.default.removeItem(at: device.directory)
    }

    /// Should refuse a month that is not YYYY-MM with a clear error and exit status.
    @Test func rejectsMalformedMonth() throws {
        let device = try makeDevice()
        let result = try command.run(
            ["fft", "export", "--config", device.config, "--state-dir", device.directory.path, "--month", "11/2026"]
        )
        #expect(result.status != 0)
        #expect(result.stderr.contains("--month 11/2026: expected a month as YYYY-MM"))
        try? FileManager.default.removeItem(at: device.directory)
    }
}
