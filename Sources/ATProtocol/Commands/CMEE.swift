// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CMEE`: how the modem reports equipment and message service errors.
///
/// Related specification: 3GPP TS 27.007 §9.1
public enum CMEE {
    /// The `<n>` setting.
    public enum Mode: Int, Hashable, Sendable {
        /// `0`: plain `ERROR`.
        case disabled = 0
        /// `1`: `+CME ERROR: 10`.
        case numeric = 1
        /// `2`: `+CME ERROR: SIM not inserted`.
        case verbose = 2
    }

    /// `AT+CMEE=<n>`.
    public static func set(_ mode: Mode) -> ATCommand {
        ATCommand("AT+CMEE=\(mode.rawValue)")
    }

    /// `AT+CMEE?`.
    public static let read = ATCommand("AT+CMEE?")

    /// Parses `+CMEE: <n>`.
    ///
    /// Related specification: 3GPP TS 27.007 §9.1
    public static func parseReadResponse(_ lines: [ATLine]) throws -> Mode {
        let line = try ResponseLine.single(in: lines, name: "+CMEE")
        guard let mode = Mode(rawValue: try line.int(0, "n")) else {
            throw line.error(.invalidParameter, "<n> must be 0, 1 or 2")
        }
        return mode
    }
}
