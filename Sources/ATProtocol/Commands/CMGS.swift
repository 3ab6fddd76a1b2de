// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CMGS`: send a message in PDU mode.
///
/// The exchange has three steps:
/// 1. Send ``send(length:)``, for example `AT+CMGS=23`, where the length counts TPDU octets only
///    (``tpduLength(ofPDUHex:)``).
/// 2. Wait for ``ATFrame/prompt`` (`> `), then write ``payload(pduHex:)``: the hexadecimal PDU, service
///    centre address first, followed by Ctrl-Z (0x1A). To abandon the message instead, write
///    ``cancelPayload`` (ESC, 0x1B); the modem then answers `OK` without sending.
/// 3. The modem answers `+CMGS: <mr>` and `OK`, or `+CMS ERROR: <err>` (see ``CMSError/isRetryable``).
///
/// Related specification: 3GPP TS 27.005 §3.5.1 (PDU mode)
public enum CMGS {
    /// The result of a successful send.
    public struct Result: Hashable, Sendable {
        /// `<mr>`: the TP-Message-Reference, which a later status report (`+CDS`/`+CDSI`) will carry.
        public var messageReference: Int
        /// `<ackpdu>` or `<scts>`, if the modem reported one (`AT+CSMS=1` only).
        public var acknowledgement: String?

        public init(messageReference: Int, acknowledgement: String? = nil) {
            self.messageReference = messageReference
            self.acknowledgement = acknowledgement
        }
    }

    /// Ctrl-Z (0x1A), which ends the PDU.
    public static let endOfMessage: UInt8 = 0x1A

    /// ESC (0x1B), which cancels the message at the prompt.
    public static let cancelPayload: [UInt8] = [0x1B]

    /// `AT+CMGS=<length>`.
    public static func send(length: Int) -> ATCommand {
        ATCommand("AT+CMGS=\(length)")
    }

    /// The bytes to write after the prompt: the PDU's hexadecimal text followed by Ctrl-Z.
    public static func payload(pduHex: String) -> [UInt8] {
        Array(pduHex.utf8) + [Self.endOfMessage]
    }

    /// The `<length>` for `AT+CMGS` and the `+CMGL`/`+CMGR` headers: the PDU's octets minus the service
    /// centre address (its length octet and that many octets). `nil` if `pduHex` is not whole octets of
    /// hexadecimal or is shorter than its service centre address claims.
    public static func tpduLength(ofPDUHex pduHex: String) -> Int? {
        guard let bytes = HexDigits.decode(pduHex), let scaLength = bytes.first else { return nil }
        let tpdu = bytes.count - 1 - Int(scaLength)
        return tpdu >= 0 ? tpdu : nil
    }

    /// Parses `+CMGS: <mr>[,<ackpdu>]`.
    ///
    /// Related specification: 3GPP TS 27.005 §3.5.1
    public static func parseSetResponse(_ lines: [ATLine]) throws -> Result {
        let line = try ResponseLine.single(in: lines, name: "+CMGS")
        let reference = try line.int(0, "mr")
        guard (0...255).contains(reference) else {
            throw line.error(.invalidParameter, "<mr> must be 0…255")
        }
        return Result(messageReference: reference, acknowledgement: line.optionalString(1))
    }
}
