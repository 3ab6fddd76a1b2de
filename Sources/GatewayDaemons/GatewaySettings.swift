// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import DeviceConfiguration
public import Foundation
public import WardConversation

/// What the SMS gateway needs to run, drawn from the configuration file.
public struct GatewaySettings: Sendable {
    /// The AT port, usually the udev rule's stable symlink.
    public var device: String
    /// `auto` or a profile name for the engine.
    public var profile: String
    public var baud: Int
    public var rtsCts: Bool
    public var simPIN: String?
    /// Full storage sweeps even without `+CMTI`.
    public var sweepInterval: TimeInterval
    /// Incomplete long messages are released as partial after this.
    public var multipartTimeout: TimeInterval
    /// Signal and registration are checked this often.
    public var statusInterval: TimeInterval = 60
    /// How often to look for the modem when it is not plugged in.
    public var locateInterval: TimeInterval = 2
    /// How long to wait before looking at the SIM again after it refused the configured PIN (which is never
    /// entered again) or had too few attempts left.
    public var simRecheckInterval: TimeInterval = 60
    /// Ask for delivery reports on replies.
    public var statusReports = true
    /// Retries of a reply that failed with a temporary error, before it is marked failed.
    public var maximumSendAttempts = 6
    /// After a sweep, delete the received messages it stored with one `AT+CMGD=1,1` rather than one command each.
    public var bulkDelete = true
    public var conversation: ConversationSettings

    public init(configuration: DeviceConfiguration) {
        device = configuration.modem.device
        profile = configuration.modem.profile
        baud = configuration.modem.baud
        rtsCts = configuration.modem.rtsCts
        simPIN = configuration.modem.simPIN
        sweepInterval = TimeInterval(configuration.modem.sweepIntervalSeconds)
        multipartTimeout = TimeInterval(configuration.modem.multipartTimeoutHours * 3_600)
        conversation = configuration.conversation
    }

    /// The delay before retry `attempt` (1-based): 30 s doubling, at most an hour.
    public func retryDelay(afterAttempt attempt: Int) -> TimeInterval {
        min(30 * pow(2, Double(max(attempt - 1, 0))), 3_600)
    }
}
