// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import MessageStore
import Testing

/// Kiosk answers in the shared store, and the monthly FFT export over them.
@Suite struct KioskResponseTests {
    let november = Date(timeIntervalSince1970: 1_793_491_200)  // 2026-11-01T00:00:00Z
    let december = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01T00:00:00Z

    func response(
        _ id: String = UUID().uuidString,
        rating: Int,
        at date: Date,
        ward: String = "Ward 7",
        mode: String = "Electronic Discharge",
        suspect: Bool = false
    ) -> KioskResponseRecord {
        KioskResponseRecord(
            id: id,
            createdAt: date,
            localTime: ISO8601DateFormatter().string(from: date),
            trustCode: "RXX",
            siteCode: "RXX01",
            ward: ward,
            specialtyCodes: ["300"],
            surveyVersion: "fft-2020.1",
            language: "en",
            mode: mode,
            rating: rating,
            comment: rating < 3 ? "Kind staff" : nil,
            categories: rating < 3 ? ["staff"] : [],
            suspectRepeat: suspect
        )
    }

    /// Should keep the rating and comment in one record, queue one sync event, and ignore the same UUID again.
    @Test func recordsOnceByUUIDWithOneSyncEvent() throws {
        // Given a store on a real file
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID().uuidString)")
        let store = try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
        let answer = response("6f1c3f0e-0000-4000-8000-000000000001", rating: 1, at: november.addingTimeInterval(60))
        // When the same answer is recorded twice
        #expect(try store.recordKioskResponse(answer))
        #expect(try store.recordKioskResponse(answer) == false)
        // Then there is one record, equal to what was recorded, and one event for upstream
        #expect(try store.kioskResponses() == [answer])
        let events = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, payload FROM sync_outbox WHERE kind = 'kiosk.response'")
        }
        #expect(events.count == 1)
        #expect((events.first?["payload"] as String?)?.contains("\"comment\":\"Kind staff\"") == true)
        #expect(try store.lastKioskResponseTime() == answer.createdAt)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Should give the same counts as a GROUP BY over the records, leaving suspected repeats out by default.
    @Test(arguments: [false, true]) func exportEqualsGroupByOverRecords(includingSuspect: Bool) throws {
        // Given 600 answers over two wards, two modes and two months, some flagged as repeats
        let store = try MessageStore.inMemory()
        var generator = SystemRandomNumberGenerator()
        for index in 0..<600 {
            let month = index % 3 == 0 ? december : november
            try store.recordKioskResponse(
                response(
                    rating: Int.random(in: 1...6, using: &generator),
                    at: month.addingTimeInterval(Double(index * 60)),
                    ward: index % 2 == 0 ? "Ward 7" : "Ward 9",
                    mode: index % 5 == 0 ? "Electronic Home" : "Electronic Discharge",
                    suspect: index % 7 == 0
                )
            )
        }
        // When November is exported
        let counts = try store.fftCounts(
            from: november,
            to: december,
            smsWard: nil,
            includingSuspectRepeats: includingSuspect
        )
        // Then each ward's counts equal a GROUP BY over the records
        let expected = try store.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT ward, rating, COUNT(*) AS n FROM kiosk_response
                    WHERE created_at >= ? AND created_at < ? AND (suspect_repeat = 0 OR ?)
                    GROUP BY ward, rating
                    """,
                arguments: [
                    Int64(november.timeIntervalSince1970 * 1_000), Int64(december.timeIntervalSince1970 * 1_000),
                    includingSuspect,
                ]
            )
        }
        #expect(counts.map(\.ward) == ["Ward 7", "Ward 9"])
        for count in counts {
            for rating in 1...6 {
                let row = expected.first { (row: Row) -> Bool in
                    (row["ward"] as String) == count.ward && (row["rating"] as Int) == rating
                }
                let expectedCount: Int = row?["n"] ?? 0
                #expect(count.ratings[rating - 1] == expectedCount, "\(count.ward) rating \(rating)")
            }
            #expect(count.modes.values.reduce(0, +) == count.total)
        }
        let exportedTotal = counts.map(\.total).reduce(0, +)
        let expectedTotal: Int = expected.map { (row: Row) -> Int in row["n"] }.reduce(0, +)
        #expect(exportedTotal == expectedTotal)
    }

    /// Should count "Don't know" in the total, as NHS England's published percentages do.
    @Test func percentagesKeepDontKnowInTheTotal() {
        let count = FFTMonthlyCount(
            trustCode: "RXX",
            siteCode: "RXX01",
            ward: "Ward 7",
            ratings: [3, 1, 0, 1, 1, 4],
            modes: ["SMS": 10]
        )
        #expect(count.total == 10)
        #expect(count.percentagePositive == 40)
        #expect(count.percentageNegative == 20)
    }

    /// Should refuse a rating outside 1–6 rather than store it.
    @Test func rejectsRatingOutsideTheScale() throws {
        let store = try MessageStore.inMemory()
        #expect(throws: DatabaseError.self) { try store.recordKioskResponse(response(rating: 7, at: november)) }
    }
}
