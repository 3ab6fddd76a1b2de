// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CMGR`: read one stored message.
///
/// Related specification: 3GPP TS 27.005 §3.4.3 (PDU mode)
public enum CMGR {
    /// `AT+CMGR=<index>`.
    public static func read(index: Int) -> ATCommand {
        ATCommand("AT+CMGR=\(index)")
    }

    /// Parses `+CMGR: <stat>,[<alpha>],<length>` followed by the PDU line.
    ///
    /// Returns `nil` when the slot is empty, which modems answer with a bare `OK` or with
    /// `+CMGR: 0,,0` and no PDU.
    ///
    /// Related specification: 3GPP TS 27.005 §3.4.3
    public static func parseSetResponse(_ lines: [ATLine]) throws -> StoredMessage? {
        guard let headerIndex = lines.firstIndex(where: { $0.responseName == "+CMGR" }) else { return nil }
        let header = try ResponseLine.single(in: lines, name: "+CMGR")
        try header.requireCount(atLeast: 3)
        let length = try header.int(2, "length")
        if length == 0 && !lines[(headerIndex + 1)...].contains(where: { HexDigits.isHex($0.trimmedText) }) {
            return nil
        }
        let (pdu, _) = try StoredMessage.pduLine(after: headerIndex, in: lines, header: header)
        return StoredMessage(
            index: nil,
            status: try header.messageStatus(0),
            alpha: header.optionalString(1),
            length: length,
            pduHex: pdu
        )
    }
}
