// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The payload of a `command.status` event: how far the device got with a command.
public struct CommandStatus: Codable, Sendable, Hashable {
    /// A command's states, which move forward only: received → queued → sent → delivered, or failed, expired
    /// or rejected.
    public enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case received, queued, sent, delivered, failed, expired, rejected

        /// The state's place in the order; a report that would go backwards is a duplicate.
        public var rank: Int {
            switch self {
            case .received: 0
            case .queued: 1
            case .sent: 2
            case .delivered, .failed, .expired, .rejected: 3
            }
        }
    }

    /// The command.
    public var commandID: String
    /// Its new state.
    public var state: State
    /// Why it failed or was rejected.
    public var reason: String?

    public init(commandID: String, state: State, reason: String? = nil) {
        self.commandID = commandID
        self.state = state
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case commandID = "command_id"
        case state
        case reason
    }
}
