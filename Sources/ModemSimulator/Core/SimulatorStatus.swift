// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A snapshot of the simulator for the `status` control command and for tests.
public struct SimulatorStatus: Hashable, Sendable, Codable {
    /// Occupancy of one message memory.
    public struct Memory: Hashable, Sendable, Codable {
        public var used: Int
        public var capacity: Int
        /// How many of the stored messages are still unread.
        public var unread: Int
    }

    /// The vendor profile's name.
    public var profile: String
    /// `booting`, `ready` or `silent`.
    public var state: String
    /// Whether the modem is registered to the simulated network.
    public var registered: Bool
    /// Message memories by name (`SM`, `ME`).
    public var storage: [String: Memory]
    /// Message parts the network holds because the memory was full or the modem was not ready.
    public var waitingInNetwork: Int
    /// Message parts the host has sent.
    public var sent: Int
    /// Status reports not yet delivered.
    public var pendingStatusReports: Int
    /// Command lines received.
    public var commandLines: Int
    /// Whether `+CMTI`/`+CDSI` indications are being dropped.
    public var droppingIndications: Bool

    enum CodingKeys: String, CodingKey {
        case profile
        case state
        case registered
        case storage
        case waitingInNetwork = "waiting_in_network"
        case sent
        case pendingStatusReports = "pending_status_reports"
        case commandLines = "command_lines"
        case droppingIndications = "dropping_indications"
    }
}
