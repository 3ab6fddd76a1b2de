// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A message part the host sent with `AT+CMGS`, as the simulated network received it.
public struct SentMessage: Hashable, Sendable, Codable {
    /// The message reference the modem answered with (`+CMGS: <mr>`).
    public var reference: Int
    /// The recipient as written in the PDU (E.164 with `+` when international).
    public var destination: String
    /// The decoded text of this part (nil for 8-bit data).
    public var text: String?
    /// Whether the host asked for a status report (TP-SRR).
    public var statusReportRequested: Bool
    /// The concatenation reference, part number and part count, for a part of a long message.
    public var concatenation: Concatenation?
    /// The PDU exactly as the host wrote it.
    public var pduHex: String
    /// The `<length>` the host gave to `AT+CMGS`.
    public var length: Int
    /// Simulator time of sending, in seconds.
    public var time: Double

    /// Where a part sits in a long message.
    public struct Concatenation: Hashable, Sendable, Codable {
        public var reference: Int
        public var part: Int
        public var total: Int
    }

    enum CodingKeys: String, CodingKey {
        case reference
        case destination
        case text
        case statusReportRequested = "status_report"
        case concatenation = "concat"
        case pduHex = "pdu"
        case length
        case time
    }
}
