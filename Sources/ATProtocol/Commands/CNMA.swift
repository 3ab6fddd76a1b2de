// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CNMA`: acknowledge a message delivered straight to the host with `+CMT` (or a status report
/// with `+CDS`). Needed only with `AT+CSMS=1`; without an acknowledgement the network retries.
///
/// Related specification: 3GPP TS 27.005 §4.6 (PDU mode)
public enum CNMA {
    /// `AT+CNMA`: positive acknowledgement (RP-ACK).
    public static let acknowledge = ATCommand("AT+CNMA")

    /// `AT+CNMA=2`: negative acknowledgement (RP-ERROR) without a TPDU, for a message the host could
    /// not store.
    public static let reject = ATCommand("AT+CNMA=2")

    /// `AT+CNMA=?`.
    public static let test = ATCommand("AT+CNMA=?")

    /// Parses `+CNMA: (list of <n>s)`.
    ///
    /// Related specification: 3GPP TS 27.005 §4.6
    public static func parseTestResponse(_ lines: [ATLine]) throws -> [ClosedRange<Int>] {
        try ResponseLine.single(in: lines, name: "+CNMA").ranges(0, "n")
    }
}
