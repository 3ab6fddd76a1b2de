// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CEREG`: EPS network registration status.
///
/// See NetworkRegistration for how the read response differs from the unsolicited result code.
///
/// Related specification: 3GPP TS 27.007 §10.1.22
public enum CEREG {
    /// `AT+CEREG=<n>`: 0 disables the unsolicited result code, 1 reports `<stat>`;
    /// n=2 also reports <tac>, <ci> and <AcT>.
    public static func set(reportingMode: Int) -> ATCommand {
        ATCommand("AT+CEREG=\(reportingMode)")
    }

    /// `AT+CEREG?`.
    public static let read = ATCommand("AT+CEREG?")

    /// Parses the read response `+CEREG: <n>,<stat>[,…]`.
    ///
    /// Related specification: 3GPP TS 27.007 §10.1.22
    public static func parseReadResponse(_ lines: [ATLine]) throws -> NetworkRegistration {
        try NetworkRegistration.parseReadResponse(lines, domain: .evolvedPacketSystem)
    }

    /// Parses the unsolicited result code `+CEREG: <stat>[,…]`.
    ///
    /// Related specification: 3GPP TS 27.007 §10.1.22
    public static func parseUnsolicited(_ line: ATLine) throws -> NetworkRegistration {
        try NetworkRegistration.parseUnsolicited(line, domain: .evolvedPacketSystem)
    }
}
