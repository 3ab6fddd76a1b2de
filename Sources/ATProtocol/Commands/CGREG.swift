// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CGREG`: GPRS network registration status.
///
/// See NetworkRegistration for how the read response differs from the unsolicited result code.
///
/// Related specification: 3GPP TS 27.007 §10.1.20
public enum CGREG {
    /// `AT+CGREG=<n>`: 0 disables the unsolicited result code, 1 reports `<stat>`;
    /// n=2 also reports <lac>, <ci>, <AcT> and <rac>.
    public static func set(reportingMode: Int) -> ATCommand {
        ATCommand("AT+CGREG=\(reportingMode)")
    }

    /// `AT+CGREG?`.
    public static let read = ATCommand("AT+CGREG?")

    /// Parses the read response `+CGREG: <n>,<stat>[,…]`.
    ///
    /// Related specification: 3GPP TS 27.007 §10.1.20
    public static func parseReadResponse(_ lines: [ATLine]) throws -> NetworkRegistration {
        try NetworkRegistration.parseReadResponse(lines, domain: .packetSwitched)
    }

    /// Parses the unsolicited result code `+CGREG: <stat>[,…]`.
    ///
    /// Related specification: 3GPP TS 27.007 §10.1.20
    public static func parseUnsolicited(_ line: ATLine) throws -> NetworkRegistration {
        try NetworkRegistration.parseUnsolicited(line, domain: .packetSwitched)
    }
}
