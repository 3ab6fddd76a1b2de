// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CREG`: network registration status.
///
/// See NetworkRegistration for how the read response differs from the unsolicited result code.
///
/// Related specification: 3GPP TS 27.007 §7.2
public enum CREG {
    /// `AT+CREG=<n>`: 0 disables the unsolicited result code, 1 reports `<stat>`;
    /// n=2 also reports <lac>, <ci> and <AcT>.
    public static func set(reportingMode: Int) -> ATCommand {
        ATCommand("AT+CREG=\(reportingMode)")
    }

    /// `AT+CREG?`.
    public static let read = ATCommand("AT+CREG?")

    /// Parses the read response `+CREG: <n>,<stat>[,…]`.
    ///
    /// Related specification: 3GPP TS 27.007 §7.2
    public static func parseReadResponse(_ lines: [ATLine]) throws -> NetworkRegistration {
        try NetworkRegistration.parseReadResponse(lines, domain: .circuitSwitched)
    }

    /// Parses the unsolicited result code `+CREG: <stat>[,…]`.
    ///
    /// Related specification: 3GPP TS 27.007 §7.2
    public static func parseUnsolicited(_ line: ATLine) throws -> NetworkRegistration {
        try NetworkRegistration.parseUnsolicited(line, domain: .circuitSwitched)
    }
}
