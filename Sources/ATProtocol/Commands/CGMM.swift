// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CGMM`: Request model identification.
///
/// Related specification: 3GPP TS 27.007 §7.2
public enum CGMM {
    /// `AT+CGMM`.
    public static let execute = ATCommand("AT+CGMM")

    /// Parses the model from the response lines.
    ///
    /// The specification's response is the bare text; some vendors prefix it with `+CGMM:` or a label,
    /// which is removed. Several lines are joined with a newline.
    ///
    /// Related specification: 3GPP TS 27.007 §7.2
    public static func parseExecResponse(_ lines: [ATLine]) throws -> String {
        try InformationText.parse(lines, command: "+CGMM", labels: ["+CGMM:", "+GMM:", "Model:"])
    }
}
