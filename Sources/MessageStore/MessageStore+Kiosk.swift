// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB

extension MessageStore {
    // MARK: - Database Access: Writes

    /// Durably records one kiosk answer and queues it for upstream sync, in one transaction.
    ///
    /// The record's UUID is its key: recording the same answer again changes nothing and returns `false`. A record
    /// that breaks the schema (a rating outside 1–6) throws and stores nothing.
    @discardableResult
    public func recordKioskResponse(_ response: KioskResponseRecord) throws -> Bool {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO kiosk_response
                        (id, created_at, local_time, trust_code, site_code, ward, specialty_codes, survey_version,
                         language, mode, channel, rating, comment, categories, suspect_repeat)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'kiosk', ?, ?, ?, ?)
                    ON CONFLICT(id) DO NOTHING
                    """,
                arguments: [
                    response.id, Self.milliseconds(response.createdAt), response.localTime, response.trustCode,
                    response.siteCode, response.ward, response.specialtyCodes.joined(separator: ","),
                    response.surveyVersion, response.language, response.mode, response.rating, response.comment,
                    response.categories.joined(separator: ","), response.suspectRepeat ? 1 : 0,
                ]
            )
            guard db.changesCount > 0 else { return false }
            try Self.appendEvent(
                "kiosk.response",
                payload: [
                    "id": response.id,
                    "created_at": Self.milliseconds(response.createdAt),
                    "local_time": response.localTime,
                    "trust_code": response.trustCode,
                    "site_code": response.siteCode,
                    "ward": response.ward,
                    "specialty_codes": response.specialtyCodes,
                    "survey_version": response.surveyVersion,
                    "language": response.language,
                    "mode": response.mode,
                    "channel": "kiosk",
                    "rating": response.rating,
                    "comment": response.comment as Any,
                    "categories": response.categories,
                    "suspect_repeat": response.suspectRepeat,
                ],
                now: Self.milliseconds(response.createdAt),
                db: db
            )
            return true
        }
    }

    // MARK: - Database Access: Reads

    /// The kiosk answers, newest first.
    public func kioskResponses(limit: Int = 100) throws -> [KioskResponseRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM kiosk_response ORDER BY created_at DESC, id LIMIT ?",
                arguments: [limit]
            ).map { row in
                KioskResponseRecord(
                    id: row["id"],
                    createdAt: Date(timeIntervalSince1970: Double(row["created_at"] as Int64) / 1_000),
                    localTime: row["local_time"],
                    trustCode: row["trust_code"],
                    siteCode: row["site_code"],
                    ward: row["ward"],
                    specialtyCodes: Self.list(row["specialty_codes"]),
                    surveyVersion: row["survey_version"],
                    language: row["language"],
                    mode: row["mode"],
                    rating: row["rating"],
                    comment: row["comment"],
                    categories: Self.list(row["categories"]),
                    suspectRepeat: row["suspect_repeat"] as Int == 1
                )
            }
        }
    }

    /// When the most recent kiosk answer was committed, so the repeat check survives a restart.
    public func lastKioskResponseTime() throws -> Date? {
        try writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(created_at) FROM kiosk_response").map {
                Date(timeIntervalSince1970: Double($0) / 1_000)
            }
        }
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map(String.init)
    }
}
