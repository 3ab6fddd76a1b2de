// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CMGL`: list stored messages.
///
/// Related specification: 3GPP TS 27.005 §3.4.2 (PDU mode)
public enum CMGL {
    /// `AT+CMGL=<stat>`: lists messages with the given status; ``MessageStatus/all`` (4) lists every one.
    public static func list(_ status: MessageStatus = .all) -> ATCommand {
        ATCommand("AT+CMGL=\(status.rawValue)")
    }

    /// Parses the listing: for each message a header `+CMGL: <index>,<stat>,[<alpha>],<length>` and, on
    /// the next line, the PDU.
    ///
    /// An empty storage gives an empty list. Unsolicited result codes between entries are skipped, so a
    /// `+CMTI` that arrived in the middle of the listing does not break it (though
    /// ``ATLineRole/classify(_:pendingCommand:)`` normally removes it first).
    ///
    /// Related specification: 3GPP TS 27.005 §3.4.2
    public static func parseSetResponse(_ lines: [ATLine]) throws -> [StoredMessage] {
        var messages: [StoredMessage] = []
        var index = 0
        while index < lines.count {
            guard let parameters = ATParameters(line: lines[index], name: "+CMGL") else {
                index += 1
                continue
            }
            let header = ResponseLine(command: "+CMGL", line: lines[index], parameters: parameters)
            try header.requireCount(atLeast: 4)
            let (pdu, pduIndex) = try StoredMessage.pduLine(after: index, in: lines, header: header)
            messages.append(
                StoredMessage(
                    index: try header.int(0, "index"),
                    status: try header.messageStatus(1),
                    alpha: header.optionalString(2),
                    length: try header.int(3, "length"),
                    pduHex: pdu
                )
            )
            index = pduIndex + 1
        }
        return messages
    }
}
