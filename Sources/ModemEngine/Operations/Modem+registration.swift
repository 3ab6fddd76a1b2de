// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

extension Modem {
    /// The registration state in one domain, from `AT+CREG?`, `AT+CGREG?` or `AT+CEREG?`.
    ///
    /// Related specification: 3GPP TS 27.007 §7.2, §10.1.20 and §10.1.22
    public func registration(
        _ domain: NetworkRegistration.Domain = .circuitSwitched
    ) async throws -> NetworkRegistration {
        switch domain {
        case .circuitSwitched: try await self.query(CREG.read, parse: CREG.parseReadResponse)
        case .packetSwitched: try await self.query(CGREG.read, parse: CGREG.parseReadResponse)
        case .evolvedPacketSystem: try await self.query(CEREG.read, parse: CEREG.parseReadResponse)
        }
    }

    /// Turns registration result codes on (`reportingMode` 1 or 2) or off (0) in one domain; changes then
    /// arrive on events as UnsolicitedResult/registration(_:).
    public func setRegistrationReporting(
        _ reportingMode: Int,
        domain: NetworkRegistration.Domain = .circuitSwitched
    ) async throws {
        switch domain {
        case .circuitSwitched: try await self.execute(CREG.set(reportingMode: reportingMode))
        case .packetSwitched: try await self.execute(CGREG.set(reportingMode: reportingMode))
        case .evolvedPacketSystem: try await self.execute(CEREG.set(reportingMode: reportingMode))
        }
    }
}
