// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CIMI`: Request international mobile subscriber identity.
///
/// Related specification: 3GPP TS 27.007 §7.6
public enum CIMI {
    /// `AT+CIMI`.
    public static let execute = ATCommand("AT+CIMI")

    /// Parses the international mobile subscriber identity (IMSI) of the SIM from the response lines.
    ///
    /// The specification's response is the bare text; some vendors prefix it with `+CIMI:` or a label,
    /// which is removed. Several lines are joined with a newline.
    ///
    /// Related specification: 3GPP TS 27.007 §7.6
    public static func parseExecResponse(_ lines: [ATLine]) throws -> String {
        try InformationText.parseDigits(lines, command: "+CIMI", labels: ["+CIMI:"])
    }
}
