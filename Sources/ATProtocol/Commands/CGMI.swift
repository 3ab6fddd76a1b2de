// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CGMI`: Request manufacturer identification.
///
/// Related specification: 3GPP TS 27.007 §7.1
public enum CGMI {
    /// `AT+CGMI`.
    public static let execute = ATCommand("AT+CGMI")

    /// Parses the manufacturer from the response lines.
    ///
    /// The specification's response is the bare text; some vendors prefix it with `+CGMI:` or a label,
    /// which is removed. Several lines are joined with a newline.
    ///
    /// Related specification: 3GPP TS 27.007 §7.1
    public static func parseExecResponse(_ lines: [ATLine]) throws -> String {
        try InformationText.parse(lines, command: "+CGMI", labels: ["+CGMI:", "+GMI:", "Manufacturer:"])
    }
}
