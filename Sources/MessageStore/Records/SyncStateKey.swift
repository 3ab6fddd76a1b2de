// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The keys of the `sync_state` table, which holds the sync service's small pieces of memory.
public struct SyncStateKey: RawRepresentable, Hashable, Sendable {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The downlink cursor to send as `after` on the next `GET /v1/commands`.
    public static let downlinkCursor = SyncStateKey(rawValue: "downlink_cursor")
    /// The hub clock's offset from the device's, in milliseconds (hub minus device).
    public static let clockOffsetMilliseconds = SyncStateKey(rawValue: "clock_offset_ms")
    /// When a batch last went through, in milliseconds since 1970 (device clock).
    public static let lastSuccessAt = SyncStateKey(rawValue: "last_success_at")
    /// The last failure, in words, or empty after a success.
    public static let lastError = SyncStateKey(rawValue: "last_error")
    /// The name the hub gave this device at enrolment.
    public static let deviceID = SyncStateKey(rawValue: "device_id")
    /// When the last `device.heartbeat` was recorded, in milliseconds since 1970 (device clock).
    public static let lastHeartbeatAt = SyncStateKey(rawValue: "last_heartbeat_at")
    /// The last hub-managed settings the device could not apply: `etag: reason`, or empty once one applied.
    public static let configurationProblem = SyncStateKey(rawValue: "configuration_problem")
}
