// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The device's monotonic clock at the time of sending, which does not jump when the wall clock is set.
public struct DeviceClock: Codable, Sendable, Hashable {
    /// Changes at every boot (`/proc/sys/kernel/random/boot_id` on Linux).
    public var bootID: String
    /// Milliseconds since boot.
    public var uptimeMilliseconds: Int64

    public init(bootID: String, uptimeMilliseconds: Int64) {
        self.bootID = bootID
        self.uptimeMilliseconds = uptimeMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case bootID = "boot_id"
        case uptimeMilliseconds = "uptime_ms"
    }
}
