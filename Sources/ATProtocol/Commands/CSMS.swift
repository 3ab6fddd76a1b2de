// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CSMS`: select the message service (phase 2 or phase 2+ behaviour).
///
/// Related specification: 3GPP TS 27.005 §3.2.1
public enum CSMS {
    /// Which message types the selected service supports.
    public struct Support: Hashable, Sendable {
        /// `<mt>`: mobile terminated messages.
        public var mobileTerminated: Bool
        /// `<mo>`: mobile originated messages.
        public var mobileOriginated: Bool
        /// `<bm>`: cell broadcast messages.
        public var broadcast: Bool

        public init(mobileTerminated: Bool, mobileOriginated: Bool, broadcast: Bool) {
            self.mobileTerminated = mobileTerminated
            self.mobileOriginated = mobileOriginated
            self.broadcast = broadcast
        }
    }

    /// `AT+CSMS=<service>`: 0 for phase 2 (the modem acknowledges `+CMT` itself), 1 for phase 2+ (the host
    /// must acknowledge with `AT+CNMA`).
    public static func set(service: Int) -> ATCommand {
        ATCommand("AT+CSMS=\(service)")
    }

    /// `AT+CSMS?`.
    public static let read = ATCommand("AT+CSMS?")

    /// Parses the set response `+CSMS: <mt>,<mo>,<bm>`.
    ///
    /// Related specification: 3GPP TS 27.005 §3.2.1
    public static func parseSetResponse(_ lines: [ATLine]) throws -> Support {
        let line = try ResponseLine.single(in: lines, name: "+CSMS")
        try line.requireCount(atLeast: 3)
        return try Self.support(line, offset: 0)
    }

    /// Parses the read response `+CSMS: <service>,<mt>,<mo>,<bm>`.
    ///
    /// Related specification: 3GPP TS 27.005 §3.2.1
    public static func parseReadResponse(_ lines: [ATLine]) throws -> (service: Int, support: Support) {
        let line = try ResponseLine.single(in: lines, name: "+CSMS")
        try line.requireCount(atLeast: 4)
        return (try line.int(0, "service"), try Self.support(line, offset: 1))
    }

    private static func support(_ line: ResponseLine, offset: Int) throws -> Support {
        Support(
            mobileTerminated: try line.int(offset, "mt") == 1,
            mobileOriginated: try line.int(offset + 1, "mo") == 1,
            broadcast: try line.int(offset + 2, "bm") == 1
        )
    }
}
