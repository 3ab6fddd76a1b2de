// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CMGF`: message format, PDU or text. Care Connect always uses PDU mode.
///
/// Related specification: 3GPP TS 27.005 §3.2.3
public enum CMGF {
    /// The `<mode>`.
    public enum Format: Int, Hashable, Sendable {
        /// `0`: PDU mode, messages as hexadecimal TPDUs.
        case pdu = 0
        /// `1`: text mode.
        case text = 1
    }

    /// `AT+CMGF=<mode>`.
    public static func set(_ format: Format) -> ATCommand {
        ATCommand("AT+CMGF=\(format.rawValue)")
    }

    /// `AT+CMGF?`.
    public static let read = ATCommand("AT+CMGF?")

    /// Parses `+CMGF: <mode>`.
    ///
    /// Related specification: 3GPP TS 27.005 §3.2.3
    public static func parseReadResponse(_ lines: [ATLine]) throws -> Format {
        let line = try ResponseLine.single(in: lines, name: "+CMGF")
        guard let format = Format(rawValue: try line.int(0, "mode")) else {
            throw line.error(.invalidParameter, "<mode> must be 0 or 1")
        }
        return format
    }
}
