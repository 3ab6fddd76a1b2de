// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SyncClient
import SyncProtocol

/// Asks the real hub over HTTP(S), with the device's CA file and client certificate.
public struct HTTPHubProber: HubProber {
    public init() {}

    public func probe(_ hub: HubAddress) async -> HubFacts {
        let connection: HubConnection
        do {
            connection = try HubConnection(
                baseURL: hub.url,
                caFile: hub.caFile,
                clientCertificate: hub.clientCertificate,
                clientKey: hub.clientKey,
                timeout: .seconds(10),
                connectTimeout: .seconds(3)
            )
        } catch {
            return .unreachable("\(error)")
        }
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let health = try await connection.health()
            let roundTrip = clock.now - started
            await connection.shutdown()
            // The hub read its clock about half-way through; report it as of the end of the round trip.
            let seconds = Double(roundTrip.components.seconds) + Double(roundTrip.components.attoseconds) / 1e18
            return .reachable(serverTime: health.serverTime.addingTimeInterval(seconds / 2), roundTrip: roundTrip)
        } catch {
            await connection.shutdown()
            return .unreachable("\(error)")
        }
    }
}
