// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CGSN`: Request product serial number identification.
///
/// Related specification: 3GPP TS 27.007 §7.4
public enum CGSN {
    /// `AT+CGSN`.
    public static let execute = ATCommand("AT+CGSN")

    /// Parses the serial number (the IMEI) from the response lines.
    ///
    /// The specification's response is the bare text; some vendors prefix it with `+CGSN:` or a label,
    /// which is removed. Several lines are joined with a newline.
    ///
    /// Related specification: 3GPP TS 27.007 §7.4
    public static func parseExecResponse(_ lines: [ATLine]) throws -> String {
        try InformationText.parseDigits(lines, command: "+CGSN", labels: ["+CGSN:", "+GSN:", "IMEI:"])
    }
}
