// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A message read from storage in PDU mode: one `+CMGL` entry or the `+CMGR` result.
///
/// Related specification: 3GPP TS 27.005 §3.4.2 (`+CMGL`) and §3.4.3 (`+CMGR`)
public struct StoredMessage: Hashable, Sendable {
    /// The storage index, present for `+CMGL` entries and `nil` for `+CMGR` (where the index is the one
    /// that was asked for).
    public var index: Int?
    /// The message's status.
    public var status: MessageStatus
    /// The sender's name from the phonebook, if the modem gave one.
    public var alpha: String?
    /// The TPDU length in octets, not counting the service centre address.
    public var length: Int
    /// The PDU exactly as the modem sent it: hexadecimal, service centre address first.
    public var pduHex: String

    public init(index: Int?, status: MessageStatus, alpha: String?, length: Int, pduHex: String) {
        self.index = index
        self.status = status
        self.alpha = alpha
        self.length = length
        self.pduHex = pduHex
    }

    /// Whether ``length`` matches the PDU: the hex holds the service centre address (its length octet
    /// plus that many octets) followed by exactly ``length`` octets.
    public var isLengthConsistent: Bool {
        CMGS.tpduLength(ofPDUHex: self.pduHex) == self.length
    }

    /// Reads a PDU line following a header line, skipping unsolicited-looking lines in between.
    static func pduLine(after headerIndex: Int, in lines: [ATLine], header: ResponseLine) throws -> (String, Int) {
        var index = headerIndex + 1
        while index < lines.count {
            let text = lines[index].trimmedText
            if HexDigits.isHex(text) && text.utf8.count % 2 == 0 {
                return (text, index)
            }
            guard lines[index].responseName != nil || text.isEmpty else {
                throw ATParseError(
                    code: .invalidParameter,
                    command: header.command,
                    line: lines[index],
                    message: "expected a hexadecimal PDU line"
                )
            }
            if lines[index].responseName == header.command { break }
            index += 1
        }
        throw header.error(.missingLine, "no PDU line after the header")
    }
}
