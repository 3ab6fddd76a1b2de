// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import SyncProtocol

/// How the sync service paces itself.
public struct SyncSettings: Sendable, Hashable {
    /// The wait after failures in a row (base 2 s, cap 15 min).
    public var backoff: FullJitterBackoff
    /// Failures in a row that open the circuit.
    public var breakerThreshold: Int
    /// The first batch limits, until the hub says otherwise.
    public var maxEvents: Int
    public var maxBytes: Int
    /// The long-poll wait asked of the hub, in seconds.
    public var longPollSeconds: Int
    /// The pause between uplink checks when the outbox is empty.
    public var idleInterval: Duration
    /// Whether request bodies are gzip-compressed.
    public var compress: Bool
    /// How often a hub device records a `device.heartbeat` and asks for its managed settings.
    public var heartbeatInterval: Duration
    /// The software version heartbeats report.
    public var appVersion: String

    public init(
        backoff: FullJitterBackoff = FullJitterBackoff(),
        breakerThreshold: Int = 5,
        maxEvents: Int = 100,
        maxBytes: Int = 256 * 1024,
        longPollSeconds: Int = 25,
        idleInterval: Duration = .seconds(2),
        compress: Bool = true,
        heartbeatInterval: Duration = .seconds(900),
        appVersion: String = "unknown"
    ) {
        self.backoff = backoff
        self.breakerThreshold = breakerThreshold
        self.maxEvents = maxEvents
        self.maxBytes = maxBytes
        self.longPollSeconds = longPollSeconds
        self.idleInterval = idleInterval
        self.compress = compress
        self.heartbeatInterval = heartbeatInterval
        self.appVersion = appVersion
    }
}
