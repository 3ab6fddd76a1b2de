// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import SyncProtocol

/// What the hub knows of one enrolled device's state: its enrolment, and what its latest `device.heartbeat` said.
public struct HubDeviceStatus: Sendable, Hashable {
    /// Its name.
    public var deviceID: String
    /// `sms-gateway` or `kiosk`.
    public var kind: String
    /// When it enrolled.
    public var enrolledAt: Date
    /// When it last uploaded a batch of events, or nil when it never did.
    public var lastUploadAt: Date?
    /// When the newest heartbeat the hub holds was recorded on the device (its `occurred_at`), or nil.
    public var lastHeartbeatAt: Date?
    /// The etag of the managed settings the device had applied, or nil (no heartbeat, or none applied).
    public var configETag: String?
    /// Events waiting in its sync outbox.
    public var queueDepth: Int?
    /// How long the oldest of them had waited, in seconds.
    public var oldestUnsentSeconds: Int?
    /// Texts waiting to be sent by its modem.
    public var outgoingTexts: Int?
    /// Its modem's signal in bars, 0 to 5.
    public var signalBars: Int?
    /// Its software version: the heartbeat's, else the one it enrolled with.
    public var appVersion: String

    public init(
        deviceID: String,
        kind: String,
        enrolledAt: Date,
        lastUploadAt: Date? = nil,
        lastHeartbeatAt: Date? = nil,
        configETag: String? = nil,
        queueDepth: Int? = nil,
        oldestUnsentSeconds: Int? = nil,
        outgoingTexts: Int? = nil,
        signalBars: Int? = nil,
        appVersion: String
    ) {
        self.deviceID = deviceID
        self.kind = kind
        self.enrolledAt = enrolledAt
        self.lastUploadAt = lastUploadAt
        self.lastHeartbeatAt = lastHeartbeatAt
        self.configETag = configETag
        self.queueDepth = queueDepth
        self.oldestUnsentSeconds = oldestUnsentSeconds
        self.outgoingTexts = outgoingTexts
        self.signalBars = signalBars
        self.appVersion = appVersion
    }

    /// Whether the device runs the ward's managed settings `etag`: nil before its first heartbeat. A device that
    /// applied none is current while the ward has none (``ConfigurationDocument/emptyETag``).
    public func hasSettings(_ etag: String) -> Bool? {
        guard lastHeartbeatAt != nil else { return nil }
        return (configETag ?? ConfigurationDocument.emptyETag) == etag
    }
}
