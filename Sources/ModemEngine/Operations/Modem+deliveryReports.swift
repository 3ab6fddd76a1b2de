// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol
public import SMSPDU

extension Modem {
    /// The status report an event announces: decoded from the PDU of a `+CDS`
    /// (ModemEvent/statusReportDelivery(_:)), or read from storage for a `+CDSI`
    /// (`UnsolicitedResult/newStatusReport(_:)`) and then deleted there. `nil` for other events.
    ///
    /// Match the report to a sent message by `SMSStatusReport/messageReference`, the `<mr>` that
    /// sendMessage(pduHex:length:) returned.
    ///
    /// Related specification: 3GPP TS 27.005 §3.4.1 (`<ds>`) and 3GPP TS 23.040 §9.2.2.3
    public func statusReport(for event: ModemEvent) async throws -> SMSStatusReport? {
        switch event {
        case .statusReportDelivery(let incoming):
            return try Self.statusReport(fromPDUHex: incoming.pduHex, length: incoming.header.length, command: nil)
        case .unsolicited(.newStatusReport(let indication)):
            return try await self.readStatusReport(indication)
        default:
            return nil
        }
    }

    /// Reads the status report a `+CDSI` points to, switching the read storage to its storage (`SR`) and
    /// back if needed, and deletes it from storage when `delete` is true. `nil` when the slot is empty.
    public func readStatusReport(
        _ indication: MessageStorageIndication,
        delete: Bool = true
    ) async throws -> SMSStatusReport? {
        let previous = self.selectedStorage
        let mustSwitch = previous != indication.storage
        if mustSwitch {
            try await self.selectStorage(read: indication.storage)
        }
        let command = CMGR.read(index: indication.index)
        let stored = try await self.query(command, parse: CMGR.parseSetResponse)
        if delete, stored != nil {
            try await self.deleteMessage(at: indication.index)
        }
        if mustSwitch, let previous {
            try await self.selectStorage(read: previous)
        }
        guard let stored else { return nil }
        return try Self.statusReport(fromPDUHex: stored.pduHex, length: stored.length, command: command)
    }

    /// Acknowledges a `+CMT`/`+CDS` delivered straight to the host with `AT+CNMA`; needed only with
    /// `AT+CSMS=1`.
    ///
    /// Related specification: 3GPP TS 27.005 §4.6
    public func acknowledgeDelivery() async throws {
        try await self.execute(CNMA.acknowledge)
    }

    private static func statusReport(fromPDUHex hex: String, length: Int, command: ATCommand?) throws -> SMSStatusReport
    {
        let pdu: PDU
        do {
            pdu = try PDU.decode(hex: hex, smsc: .tpduLength(length))
        } catch {
            throw ModemError(
                code: .unexpectedResponse,
                message: "the status report PDU does not decode",
                command: command,
                cause: error
            )
        }
        guard case .statusReport(let report) = pdu else {
            throw ModemError(code: .unexpectedResponse, message: "the PDU is not a status report", command: command)
        }
        return report
    }
}
