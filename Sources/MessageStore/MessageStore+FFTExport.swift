// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB

/// One ward's Friends and Family Test counts for one month, in the shape NHS England collects.
public struct FFTMonthlyCount: Hashable, Sendable {
    public var trustCode: String
    public var siteCode: String
    public var ward: String
    /// Responses for ratings 1 (Very good) to 6 (Don't know); index 0 is rating 1.
    public var ratings: [Int]
    /// Responses by collection mode (`SMS`, `Electronic Discharge`, …).
    public var modes: [String: Int]

    public init(trustCode: String, siteCode: String, ward: String, ratings: [Int], modes: [String: Int]) {
        self.trustCode = trustCode
        self.siteCode = siteCode
        self.ward = ward
        self.ratings = ratings
        self.modes = modes
    }

    /// Every response, "Don't know" included.
    public var total: Int { ratings.reduce(0, +) }
    /// (Very good + Good) / total, as NHS England publishes it; nil without responses.
    public var percentagePositive: Double? {
        total == 0 ? nil : Double(ratings[0] + ratings[1]) * 100 / Double(total)
    }
    /// (Poor + Very poor) / total.
    public var percentageNegative: Double? {
        total == 0 ? nil : Double(ratings[3] + ratings[4]) * 100 / Double(total)
    }
}

/// Where SMS answers belong in the export: a device serves one ward, so texts carry no ward of their own.
public struct FFTWard: Hashable, Sendable {
    public var trustCode: String
    public var siteCode: String
    public var ward: String

    public init(trustCode: String, siteCode: String, ward: String) {
        self.trustCode = trustCode
        self.siteCode = siteCode
        self.ward = ward
    }
}

extension MessageStore {
    /// The FFT counts per ward for answers committed in `[start, end)`: kiosk answers by their own ward and mode,
    /// and scored SMS answers under `smsWard` with mode `SMS`. Answers flagged as suspected repeats are left out
    /// unless `includingSuspectRepeats`.
    public func fftCounts(
        from start: Date,
        to end: Date,
        smsWard: FFTWard?,
        includingSuspectRepeats: Bool = false
    ) throws -> [FFTMonthlyCount] {
        let range: [any DatabaseValueConvertible] = [Self.milliseconds(start), Self.milliseconds(end)]
        let rows = try writer.read { db in
            var rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT trust_code, site_code, ward, mode, rating, COUNT(*) AS responses
                    FROM kiosk_response
                    WHERE created_at >= ? AND created_at < ? AND (suspect_repeat = 0 OR ?)
                    GROUP BY trust_code, site_code, ward, mode, rating
                    """,
                arguments: StatementArguments(range + [includingSuspectRepeats])
            )
            if let smsWard {
                rows += try Row.fetchAll(
                    db,
                    sql: """
                        SELECT ? AS trust_code, ? AS site_code, ? AS ward, 'SMS' AS mode, score AS rating,
                               COUNT(*) AS responses
                        FROM sms_feedback
                        WHERE score IS NOT NULL AND created_at >= ? AND created_at < ?
                        GROUP BY score
                        """,
                    arguments: StatementArguments([smsWard.trustCode, smsWard.siteCode, smsWard.ward] + range)
                )
            }
            return rows
        }
        var byWard: [FFTWard: FFTMonthlyCount] = [:]
        for row in rows {
            let ward = FFTWard(trustCode: row["trust_code"], siteCode: row["site_code"], ward: row["ward"])
            let rating: Int = row["rating"]
            let responses: Int = row["responses"]
            let mode: String = row["mode"]
            var count =
                byWard[ward]
                ?? FFTMonthlyCount(
                    trustCode: ward.trustCode,
                    siteCode: ward.siteCode,
                    ward: ward.ward,
                    ratings: Array(repeating: 0, count: 6),
                    modes: [:]
                )
            count.ratings[rating - 1] += responses
            count.modes[mode, default: 0] += responses
            byWard[ward] = count
        }
        return byWard.values.sorted { ($0.trustCode, $0.siteCode, $0.ward) < ($1.trustCode, $1.siteCode, $1.ward) }
    }
}
