// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// The answer to `GET /v1/commands?after=&limit=&wait=`. Reading changes nothing on the hub; the cursor moves
/// when the device asks again with `after=nextCursor`.
public struct CommandsResponse: Codable, Sendable, Hashable {
    /// Commands after the cursor, oldest first.
    public var commands: [HubCommand]
    /// The opaque cursor to send as `after` once these commands are stored.
    public var nextCursor: String
    /// The hub's clock.
    public var serverTime: Date

    public init(commands: [HubCommand], nextCursor: String, serverTime: Date) {
        self.commands = commands
        self.nextCursor = nextCursor
        self.serverTime = serverTime
    }

    enum CodingKeys: String, CodingKey {
        case commands
        case nextCursor = "next_cursor"
        case serverTime = "server_time"
    }
}
