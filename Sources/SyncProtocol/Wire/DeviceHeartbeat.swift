// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The payload of a `device.heartbeat` event, which the device's sync process records now and then so the hub
/// can show estates staff each device's state without asking it.
public struct DeviceHeartbeat: Codable, Sendable, Hashable {
    /// The etag of the hub-managed settings the device applied, or nil when it never applied any.
    public var configETag: String?
    /// Events waiting in the device's sync outbox when the heartbeat was recorded.
    public var queueDepth: Int
    /// How long the oldest of them has waited, in seconds; nil when none waits.
    public var oldestUnsentSeconds: Int?
    /// Texts waiting to be sent by the modem.
    public var outgoingTexts: Int?
    /// The modem's signal in bars (0 to 5) as the gateway last saw it; nil on a kiosk or with no modem.
    public var signalBars: Int?
    /// The software version.
    public var appVersion: String

    public init(
        configETag: String?,
        queueDepth: Int,
        oldestUnsentSeconds: Int?,
        outgoingTexts: Int? = nil,
        signalBars: Int? = nil,
        appVersion: String
    ) {
        self.configETag = configETag
        self.queueDepth = queueDepth
        self.oldestUnsentSeconds = oldestUnsentSeconds
        self.outgoingTexts = outgoingTexts
        self.signalBars = signalBars
        self.appVersion = appVersion
    }

    /// The heartbeat read from an event's payload, or nil when `queue_depth` or `app_version` is missing.
    public init?(_ value: JSONValue) {
        guard let depth = value["queue_depth"]?.intValue, let version = value["app_version"]?.stringValue else {
            return nil
        }
        self.init(
            configETag: value["config_etag"]?.stringValue,
            queueDepth: depth,
            oldestUnsentSeconds: value["oldest_unsent_seconds"]?.intValue,
            outgoingTexts: value["outgoing_texts"]?.intValue,
            signalBars: value["signal_bars"]?.intValue,
            appVersion: version
        )
    }

    enum CodingKeys: String, CodingKey {
        case configETag = "config_etag"
        case queueDepth = "queue_depth"
        case oldestUnsentSeconds = "oldest_unsent_seconds"
        case outgoingTexts = "outgoing_texts"
        case signalBars = "signal_bars"
        case appVersion = "app_version"
    }
}
