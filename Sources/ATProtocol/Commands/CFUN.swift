// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CFUN`: the modem's level of functionality (radio on or off).
///
/// Related specification: 3GPP TS 27.007 §8.2
public enum CFUN {
    /// The `<fun>` level.
    public struct Functionality: RawRepresentable, Hashable, Sendable {
        public var rawValue: Int

        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// `0`: minimum functionality, radio off.
        public static let minimum = Self(rawValue: 0)
        /// `1`: full functionality.
        public static let full = Self(rawValue: 1)
        /// `4`: transmit and receive circuits disabled ("flight mode").
        public static let radioDisabled = Self(rawValue: 4)
    }

    /// `AT+CFUN=<fun>[,1]`; `reset` restarts the modem before changing level.
    public static func set(_ functionality: Functionality, reset: Bool = false) -> ATCommand {
        ATCommand("AT+CFUN=\(functionality.rawValue)" + (reset ? ",1" : ""))
    }

    /// `AT+CFUN?`.
    public static let read = ATCommand("AT+CFUN?")

    /// Parses `+CFUN: <fun>`.
    ///
    /// Related specification: 3GPP TS 27.007 §8.2
    public static func parseReadResponse(_ lines: [ATLine]) throws -> Functionality {
        let line = try ResponseLine.single(in: lines, name: "+CFUN")
        return Functionality(rawValue: try line.int(0, "fun"))
    }
}
