// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CSQ`: received signal strength, GSM/UMTS style.
///
/// Related specification: 3GPP TS 27.007 §8.5
public enum CSQ {
    /// `+CSQ: <rssi>,<ber>`.
    public struct SignalQuality: Hashable, Sendable {
        /// `<rssi>`: 0…31, or 99 when not known.
        public var rssi: Int
        /// `<ber>`: bit error rate class 0…7, or 99 when not known.
        public var bitErrorRate: Int

        public init(rssi: Int, bitErrorRate: Int) {
            self.rssi = rssi
            self.bitErrorRate = bitErrorRate
        }

        /// The signal strength in dBm: `-113 + 2 × rssi` (0 means -113 dBm or less, 31 means -51 dBm or
        /// more); `nil` when not known.
        public var dBm: Int? {
            (0...31).contains(self.rssi) ? -113 + 2 * self.rssi : nil
        }

        /// Signal bars for the ward display, 0…5.
        ///
        /// The thresholds are this project's choice, in steps of about 10 dB: 5 from -73 dBm (rssi 20),
        /// 4 from -83 dBm (15), 3 from -93 dBm (10), 2 from -103 dBm (5), 1 from -109 dBm (2), else 0.
        /// Unknown strength (99) shows 0 bars.
        public var bars: Int {
            guard self.dBm != nil else { return 0 }
            switch self.rssi {
            case 20...: return 5
            case 15...: return 4
            case 10...: return 3
            case 5...: return 2
            case 2...: return 1
            default: return 0
            }
        }
    }

    /// `AT+CSQ`.
    public static let execute = ATCommand("AT+CSQ")

    /// Parses `+CSQ: <rssi>,<ber>`.
    ///
    /// Related specification: 3GPP TS 27.007 §8.5
    public static func parseExecResponse(_ lines: [ATLine]) throws -> SignalQuality {
        let line = try ResponseLine.single(in: lines, name: "+CSQ")
        let rssi = try line.int(0, "rssi")
        guard (0...31).contains(rssi) || rssi == 99 else {
            throw line.error(.invalidParameter, "<rssi> must be 0…31 or 99")
        }
        return SignalQuality(rssi: rssi, bitErrorRate: try line.int(1, "ber"))
    }
}
