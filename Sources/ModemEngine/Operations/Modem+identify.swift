// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol

extension Modem {
    /// Reads the modem's identity: manufacturer and model (which must succeed), then revision, IMEI and
    /// the SIM's IMSI (each `nil` if the modem refuses, as it does for `AT+CIMI` without a ready SIM).
    ///
    /// Related specification: 3GPP TS 27.007 §7.1–§7.4 and §7.6
    public func identify() async throws -> ModemIdentity {
        var identity = try await self.identifyHardware()
        identity.imsi = try await self.optionalQuery(CIMI.execute, parse: CIMI.parseExecResponse)
        return identity
    }

    /// `AT+CGMI`, `AT+CGMM`, `AT+CGMR` and `AT+CGSN`.
    func identifyHardware() async throws -> ModemIdentity {
        ModemIdentity(
            manufacturer: try await self.query(CGMI.execute, parse: CGMI.parseExecResponse),
            model: try await self.query(CGMM.execute, parse: CGMM.parseExecResponse),
            revision: try await self.optionalQuery(CGMR.execute, parse: CGMR.parseExecResponse),
            imei: try await self.optionalQuery(CGSN.execute, parse: CGSN.parseExecResponse)
        )
    }
}
