// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import GRDB
public import SyncProtocol

extension HubStore {
    /// Makes a one-time enrolment code for a ward, valid for `lifetime`. Only its hash is stored; the code is
    /// shown once, to the member of staff who asked for it.
    public func createEnrolmentCode(ward: String, lifetime: TimeInterval = 7 * 24 * 3600, now: Date) throws -> String {
        let code = Self.newEnrolmentCode()
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO enrolment_code (code_hash, ward, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [
                    Self.hash(code), ward, Self.milliseconds(now), Self.milliseconds(now.addingTimeInterval(lifetime)),
                ]
            )
        }
        return code
    }

    /// Exchanges an unused, unexpired enrolment code for a device name and a new bearer token, in one transaction.
    public func enroll(_ request: EnrollRequest, now: Date) throws -> EnrollResponse {
        let ms = Self.milliseconds(now)
        let code = request.enrollmentCode.trimmingCharacters(in: .whitespaces).uppercased()
        let token = Self.randomToken()
        return try writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT ward FROM enrolment_code WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
                    arguments: [Self.hash(code), ms]
                )
            else { throw HubError(.unknownEnrolmentCode, "The enrolment code is unknown, used or expired.") }
            let ward: String = row["ward"]
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM device WHERE ward = ?", arguments: [ward]) ?? 0
            let deviceID = "\(Self.slug(ward))-\(request.kind == "kiosk" ? "kiosk" : "gw")-\(count + 1)"
            try db.execute(
                sql: """
                    INSERT INTO device (device_id, ward, token_hash, device_uuid, kind, app_version, enrolled_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [deviceID, ward, Self.hash(token), request.deviceUUID, request.kind, request.appVersion, ms]
            )
            try db.execute(
                sql: "UPDATE enrolment_code SET used_at = ?, device_id = ? WHERE code_hash = ?",
                arguments: [ms, deviceID, Self.hash(code)]
            )
            return EnrollResponse(deviceID: deviceID, ward: ward, token: token)
        }
    }

    /// The device a bearer token belongs to, or nil.
    public func device(token: String) throws -> HubDevice? {
        try writer.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT device_id, ward FROM device WHERE token_hash = ?",
                arguments: [Self.hash(token)]
            )
            .map { HubDevice(deviceID: $0["device_id"], ward: $0["ward"]) }
        }
    }

    /// A new code: four groups of four letters and digits, without the ones easily misread (0, O, 1, I).
    static func newEnrolmentCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let groups = (0..<4).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator)! }) }
        return groups.joined(separator: "-")
    }

    /// The hash stored in place of a secret.
    static func hash(_ secret: String) -> String {
        SHA256.hexDigest(Array(secret.utf8))
    }

    /// 32 random bytes in URL-safe base 64.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A ward name as letters, digits and dashes, for device names.
    static func slug(_ ward: String) -> String {
        let lowered = ward.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let slug = String(lowered).split(separator: "-").joined(separator: "-")
        return slug.isEmpty ? "ward" : slug
    }
}
