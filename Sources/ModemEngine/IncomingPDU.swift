// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol
public import SMSPDU

/// A message or status report routed straight to the host: the `+CMT`/`+CDS` header and the PDU line
/// that followed it.
///
/// Related specification: 3GPP TS 27.005 §3.4.1 (`+CNMI`, `<mt>`=2 and `<ds>`=1)
public struct IncomingPDU: Hashable, Sendable {
    /// The header: the sender's phonebook name, if any, and the TPDU length.
    public var header: IncomingPDUHeader
    /// The PDU as the modem sent it: hexadecimal, service centre address first.
    public var pduHex: String

    public init(header: IncomingPDUHeader, pduHex: String) {
        self.header = header
        self.pduHex = pduHex
    }

    /// Decodes the PDU, using the header's length to find where the TPDU starts.
    public func decode() throws(PDUError) -> PDU {
        try PDU.decode(hex: self.pduHex, smsc: .tpduLength(self.header.length))
    }
}
