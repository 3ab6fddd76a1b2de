// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import Logging
import PostgresNIO
public import SyncProtocol

extension PostgresHubStore {
    /// Makes a one-time enrolment code for a ward, valid for `lifetime`. Only its hash is stored.
    public func createEnrolmentCode(ward: String, lifetime: TimeInterval, now: Date) async throws -> String {
        let code = HubStore.newEnrolmentCode()
        let created = Self.milliseconds(now)
        let expires = Self.milliseconds(now.addingTimeInterval(lifetime))
        _ = try await client.query(
            """
            INSERT INTO enrolment_code (code_hash, ward, created_at, expires_at)
            VALUES (\(HubStore.hash(code)), \(ward), \(created), \(expires))
            """,
            logger: logger
        )
        .collect()
        return code
    }

    /// Exchanges an unused, unexpired code for a device name and a new bearer token. The code is spent by one
    /// `UPDATE … WHERE used_at IS NULL`: of two replicas redeeming it at once, the second finds it used.
    public func enroll(_ request: EnrollRequest, now: Date) async throws -> EnrollResponse {
        let ms = Self.milliseconds(now)
        let codeHash = HubStore.hash(request.enrollmentCode.trimmingCharacters(in: .whitespaces).uppercased())
        let token = HubStore.randomToken()
        return try await transaction { connection in
            let ward = try await Self.rows(
                """
                UPDATE enrolment_code SET used_at = \(ms)
                WHERE code_hash = \(codeHash) AND used_at IS NULL AND expires_at > \(ms)
                RETURNING ward
                """,
                on: connection,
                logger: logger
            )
            .first?.decode(String.self)
            guard let ward else {
                throw HubError(.unknownEnrolmentCode, "The enrolment code is unknown, used or expired.")
            }
            // Devices of one ward are numbered one after the other, whichever replica enrols them.
            try await Self.rows(
                "SELECT pg_advisory_xact_lock(hashtextextended(\("enrol:" + ward), 0))",
                on: connection,
                logger: logger
            )
            let count =
                try await Self.rows(
                    "SELECT COUNT(*) FROM device WHERE ward = \(ward)",
                    on: connection,
                    logger: logger
                )
                .first?.decode(Int64.self) ?? 0
            let deviceID = "\(HubStore.slug(ward))-\(request.kind == "kiosk" ? "kiosk" : "gw")-\(count + 1)"
            try await connection.query(
                """
                INSERT INTO device (device_id, ward, token_hash, device_uuid, kind, app_version, enrolled_at)
                VALUES (\(deviceID), \(ward), \(HubStore.hash(token)), \(request.deviceUUID), \(request.kind),
                \(request.appVersion), \(ms))
                """,
                logger: logger
            )
            try await connection.query(
                "UPDATE enrolment_code SET device_id = \(deviceID) WHERE code_hash = \(codeHash)",
                logger: logger
            )
            return EnrollResponse(deviceID: deviceID, ward: ward, token: token)
        }
    }

    /// The device a bearer token belongs to, or nil.
    public func device(token: String) async throws -> HubDevice? {
        let row = try await client.query(
            "SELECT device_id, ward FROM device WHERE token_hash = \(HubStore.hash(token))",
            logger: logger
        )
        .collect().first
        guard let (deviceID, ward) = try row?.decode((String, String).self) else { return nil }
        return HubDevice(deviceID: deviceID, ward: ward)
    }
}
