// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CESQ`: extended signal quality for GSM, UMTS and LTE.
///
/// Related specification: 3GPP TS 27.007 §8.69
public enum CESQ {
    /// `+CESQ: <rxlev>,<ber>,<rscp>,<ecno>,<rsrq>,<rsrp>`, with "not known or not detectable" values
    /// (99 for `rxlev` and `ber`, 255 for the others) as `nil`.
    public struct SignalQuality: Hashable, Sendable {
        /// GSM received signal level, 0…63.
        public var rxlev: Int?
        /// GSM bit error rate class, 0…7.
        public var bitErrorRate: Int?
        /// UMTS received signal code power, 0…96.
        public var rscp: Int?
        /// UMTS Ec/No, 0…49.
        public var ecno: Int?
        /// LTE reference signal received quality, 0…34.
        public var rsrq: Int?
        /// LTE reference signal received power, 0…97.
        public var rsrp: Int?

        public init(rxlev: Int?, bitErrorRate: Int?, rscp: Int?, ecno: Int?, rsrq: Int?, rsrp: Int?) {
            self.rxlev = rxlev
            self.bitErrorRate = bitErrorRate
            self.rscp = rscp
            self.ecno = ecno
            self.rsrq = rsrq
            self.rsrp = rsrp
        }

        /// The lower edge of the GSM level's 1 dB range: `rxlev - 111` dBm.
        public var rxlevDBm: Int? { self.rxlev.map { $0 - 111 } }
        /// The lower edge of the UMTS RSCP's 1 dB range: `rscp - 121` dBm.
        public var rscpDBm: Int? { self.rscp.map { $0 - 121 } }
        /// The lower edge of the UMTS Ec/No's 0.5 dB range: `-24.5 + ecno / 2` dB.
        public var ecnoDB: Double? { self.ecno.map { -24.5 + Double($0) / 2 } }
        /// The lower edge of the LTE RSRQ's 0.5 dB range: `-20 + rsrq / 2` dB.
        public var rsrqDB: Double? { self.rsrq.map { -20 + Double($0) / 2 } }
        /// The lower edge of the LTE RSRP's 1 dB range: `rsrp - 141` dBm.
        public var rsrpDBm: Int? { self.rsrp.map { $0 - 141 } }
    }

    /// `AT+CESQ`.
    public static let execute = ATCommand("AT+CESQ")

    /// Parses `+CESQ: <rxlev>,<ber>,<rscp>,<ecno>,<rsrq>,<rsrp>`.
    ///
    /// Related specification: 3GPP TS 27.007 §8.69
    public static func parseExecResponse(_ lines: [ATLine]) throws -> SignalQuality {
        let line = try ResponseLine.single(in: lines, name: "+CESQ")
        try line.requireCount(atLeast: 6)
        func value(_ index: Int, _ name: String, unknown: Int) throws -> Int? {
            let value = try line.int(index, name)
            return value == unknown ? nil : value
        }
        return SignalQuality(
            rxlev: try value(0, "rxlev", unknown: 99),
            bitErrorRate: try value(1, "ber", unknown: 99),
            rscp: try value(2, "rscp", unknown: 255),
            ecno: try value(3, "ecno", unknown: 255),
            rsrq: try value(4, "rsrq", unknown: 255),
            rsrp: try value(5, "rsrp", unknown: 255)
        )
    }
}
