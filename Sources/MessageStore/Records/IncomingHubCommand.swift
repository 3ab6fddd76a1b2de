// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// A command read from the hub, with what the device decided to do about it.
public struct IncomingHubCommand: Hashable, Sendable {
    /// What executing the command means on this device.
    public enum Action: Hashable, Sendable {
        /// Queue a text message for the SMS gateway.
        case sendSMS(to: String, text: String)
        /// Apply hub-managed settings: the command stays `received` until the sync process has applied them
        /// (``MessageStore/pendingConfigurationCommands()``) and reports how that went
        /// (``MessageStore/finishHubCommand(_:state:reason:now:)``).
        case applyConfiguration
        /// Refuse it (unknown type, bad payload), with the reason reported to the hub.
        case reject(reason: String)
    }

    /// The command's identifier, unique for ever.
    public var commandID: String
    /// The command's type as the hub wrote it.
    public var type: String
    /// The command's payload as JSON text, kept for the record.
    public var payload: String
    /// When the hub made it.
    public var createdAt: Date
    /// When it stops being valid.
    public var expiresAt: Date
    /// What to do.
    public var action: Action

    public init(commandID: String, type: String, payload: String, createdAt: Date, expiresAt: Date, action: Action) {
        self.commandID = commandID
        self.type = type
        self.payload = payload
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.action = action
    }
}
