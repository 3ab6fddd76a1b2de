// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

extension Modem {
    /// Signal strength from `AT+CSQ`.
    ///
    /// Related specification: 3GPP TS 27.007 §8.5
    public func signalQuality() async throws -> CSQ.SignalQuality {
        try await self.query(CSQ.execute, parse: CSQ.parseExecResponse)
    }

    /// Extended signal quality from `AT+CESQ` (GSM, UMTS and LTE measures).
    ///
    /// Related specification: 3GPP TS 27.007 §8.69
    public func extendedSignalQuality() async throws -> CESQ.SignalQuality {
        try await self.query(CESQ.execute, parse: CESQ.parseExecResponse)
    }
}
