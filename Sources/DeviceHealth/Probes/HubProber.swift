// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// Asks the hub whether it is there and what time it has: the network boundary of `careconnect doctor`.
public protocol HubProber: Sendable {
    /// `GET /v1/health` on the configured hub. Never throws.
    func probe(_ hub: HubAddress) async -> HubFacts
}

/// How to reach the hub, from `[sync]`.
public struct HubAddress: Hashable, Sendable {
    public var url: String
    public var caFile: String?
    public var clientCertificate: String?
    public var clientKey: String?

    public init(url: String, caFile: String? = nil, clientCertificate: String? = nil, clientKey: String? = nil) {
        self.url = url
        self.caFile = caFile
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
    }
}

/// What the hub said.
public enum HubFacts: Hashable, Sendable {
    /// It answered; its clock read `serverTime` half-way through the round trip.
    case reachable(serverTime: Date, roundTrip: Duration)
    /// No answer, or an error answer, in words.
    case unreachable(String)
}

/// A fixed answer: the in-memory twin of ``HTTPHubProber``.
public struct InMemoryHubProber: HubProber {
    public var facts: HubFacts

    public init(_ facts: HubFacts) {
        self.facts = facts
    }

    public func probe(_ hub: HubAddress) async -> HubFacts { facts }
}
