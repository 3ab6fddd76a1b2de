// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The body of `POST /v1/enroll`: a one-time enrolment code, exchanged once for the device's credentials.
public struct EnrollRequest: Codable, Sendable, Hashable {
    /// The code staff created on the hub for this ward.
    public var enrollmentCode: String
    /// A random identifier the device chose for itself, so the hub can tell devices apart in its records.
    public var deviceUUID: String
    /// `sms-gateway` or `kiosk`.
    public var kind: String
    /// The device's software version.
    public var appVersion: String

    public init(enrollmentCode: String, deviceUUID: String, kind: String, appVersion: String) {
        self.enrollmentCode = enrollmentCode
        self.deviceUUID = deviceUUID
        self.kind = kind
        self.appVersion = appVersion
    }

    enum CodingKeys: String, CodingKey {
        case enrollmentCode = "enrollment_code"
        case deviceUUID = "device_uuid"
        case kind
        case appVersion = "app_version"
    }
}
