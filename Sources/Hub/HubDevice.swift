// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An enrolled device, as the hub knows it.
public struct HubDevice: Sendable, Hashable {
    /// Its name.
    public var deviceID: String
    /// The ward it serves.
    public var ward: String

    public init(deviceID: String, ward: String) {
        self.deviceID = deviceID
        self.ward = ward
    }
}
