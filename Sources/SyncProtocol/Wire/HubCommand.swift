// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// One command for the device, as listed by `GET /v1/commands`. The device executes it at most once.
public struct HubCommand: Codable, Sendable, Hashable {
    /// The command's identifier, unique for ever.
    public var commandID: String
    /// What to do.
    public var type: CommandType
    /// When the hub made it.
    public var createdAt: Date
    /// After this time the device does not execute it and reports it `expired`.
    public var expiresAt: Date
    /// The type's own fields.
    public var payload: JSONValue

    public init(commandID: String, type: CommandType, createdAt: Date, expiresAt: Date, payload: JSONValue) {
        self.commandID = commandID
        self.type = type
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.payload = payload
    }

    enum CodingKeys: String, CodingKey {
        case commandID = "command_id"
        case type
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case payload
    }
}
