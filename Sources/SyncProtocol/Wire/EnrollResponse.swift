// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The answer to a successful enrolment: the device's name and its bearer token, shown this once.
public struct EnrollResponse: Codable, Sendable, Hashable {
    /// The name the hub gave the device, sent back in every batch.
    public var deviceID: String
    /// The ward the enrolment code was made for.
    public var ward: String
    /// The bearer token for every later call. The hub keeps only a hash of it.
    public var token: String

    public init(deviceID: String, ward: String, token: String) {
        self.deviceID = deviceID
        self.ward = ward
        self.token = token
    }

    enum CodingKeys: String, CodingKey {
        case deviceID = "device_id"
        case ward
        case token
    }
}
