// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// The answer to `GET /v1/health`, which needs no credentials: the circuit breaker's probe and a clock check.
public struct HealthResponse: Codable, Sendable, Hashable {
    /// `ok` when the hub accepts requests.
    public var status: String
    /// The hub's clock when it answered.
    public var serverTime: Date
    /// The oldest protocol version the hub still speaks.
    public var minProtocol: Int

    public init(status: String = "ok", serverTime: Date, minProtocol: Int = 1) {
        self.status = status
        self.serverTime = serverTime
        self.minProtocol = minProtocol
    }

    enum CodingKeys: String, CodingKey {
        case status
        case serverTime = "server_time"
        case minProtocol = "min_protocol"
    }
}
