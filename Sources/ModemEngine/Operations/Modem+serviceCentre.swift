// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

extension Modem {
    /// The service centre address (SMSC) used for sending, from `AT+CSCA?`.
    ///
    /// Related specification: 3GPP TS 27.005 §3.3.1
    public func serviceCentre() async throws -> CSCA.ServiceCentreAddress {
        try await self.query(CSCA.read, parse: CSCA.parseReadResponse)
    }

    /// Sets the service centre address, for a SIM that lacks it.
    public func setServiceCentre(_ number: String, typeOfAddress: Int? = nil) async throws {
        try await self.execute(CSCA.set(number: number, typeOfAddress: typeOfAddress))
    }
}
