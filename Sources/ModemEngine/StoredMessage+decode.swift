// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol
public import SMSPDU

extension StoredMessage {
    /// Decodes the PDU, using the listed TPDU length to find where it starts.
    public func decodePDU() throws(PDUError) -> PDU {
        try PDU.decode(hex: self.pduHex, smsc: .tpduLength(self.length))
    }
}
