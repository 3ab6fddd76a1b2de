// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CGMR`: Request revision identification.
///
/// Related specification: 3GPP TS 27.007 §7.3
public enum CGMR {
    /// `AT+CGMR`.
    public static let execute = ATCommand("AT+CGMR")

    /// Parses the revision from the response lines.
    ///
    /// The specification's response is the bare text; some vendors prefix it with `+CGMR:` or a label,
    /// which is removed. Several lines are joined with a newline.
    ///
    /// Related specification: 3GPP TS 27.007 §7.3
    public static func parseExecResponse(_ lines: [ATLine]) throws -> String {
        try InformationText.parse(lines, command: "+CGMR", labels: ["+CGMR:", "+GMR:", "Revision:"])
    }
}
