// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CNMI`: how new messages and status reports are indicated to the host.
///
/// Care Connect uses `AT+CNMI=2,1,0,2,0`: `+CMTI` for stored messages and `+CDSI` for stored status
/// reports, so nothing is lost if the host is not listening.
///
/// Related specification: 3GPP TS 27.005 §3.4.1
public enum CNMI {
    /// The five settings `<mode>,<mt>,<bm>,<ds>,<bfr>`.
    public struct Settings: Hashable, Sendable {
        /// `<mode>`: 0 buffer in the modem, 1 discard when busy, 2 buffer when busy and flush later,
        /// 3 forward in-band.
        public var mode: Int
        /// `<mt>`: 0 no indication, 1 `+CMTI`, 2 `+CMT` (route to host), 3 class 3 only as `+CMT`.
        public var mt: Int
        /// `<bm>`: cell broadcast indication.
        public var bm: Int
        /// `<ds>`: 0 no status report indication, 1 `+CDS`, 2 `+CDSI`.
        public var ds: Int
        /// `<bfr>`: 0 flush buffered codes when `<mode>` 1…3 is entered, 1 clear them.
        public var bfr: Int

        public init(mode: Int, mt: Int, bm: Int = 0, ds: Int = 0, bfr: Int = 0) {
            self.mode = mode
            self.mt = mt
            self.bm = bm
            self.ds = ds
            self.bfr = bfr
        }
    }

    /// The values a modem supports for each setting, from the test command.
    public struct SupportedValues: Hashable, Sendable {
        public var mode: [ClosedRange<Int>]
        public var mt: [ClosedRange<Int>]
        public var bm: [ClosedRange<Int>]
        public var ds: [ClosedRange<Int>]
        public var bfr: [ClosedRange<Int>]

        public init(
            mode: [ClosedRange<Int>],
            mt: [ClosedRange<Int>],
            bm: [ClosedRange<Int>],
            ds: [ClosedRange<Int>],
            bfr: [ClosedRange<Int>]
        ) {
            self.mode = mode
            self.mt = mt
            self.bm = bm
            self.ds = ds
            self.bfr = bfr
        }

        /// Whether every value of `settings` is supported.
        public func supports(_ settings: Settings) -> Bool {
            func has(_ ranges: [ClosedRange<Int>], _ value: Int) -> Bool {
                ranges.contains { $0.contains(value) }
            }
            return has(self.mode, settings.mode) && has(self.mt, settings.mt) && has(self.bm, settings.bm)
                && has(self.ds, settings.ds) && has(self.bfr, settings.bfr)
        }
    }

    /// `AT+CNMI=<mode>,<mt>,<bm>,<ds>,<bfr>`.
    public static func set(_ settings: Settings) -> ATCommand {
        let values = [settings.mode, settings.mt, settings.bm, settings.ds, settings.bfr]
        return ATCommand("AT+CNMI=" + values.map(String.init).joined(separator: ","))
    }

    /// `AT+CNMI?`.
    public static let read = ATCommand("AT+CNMI?")

    /// `AT+CNMI=?`.
    public static let test = ATCommand("AT+CNMI=?")

    /// Parses `+CNMI: <mode>,<mt>,<bm>,<ds>,<bfr>`.
    ///
    /// Related specification: 3GPP TS 27.005 §3.4.1
    public static func parseReadResponse(_ lines: [ATLine]) throws -> Settings {
        let line = try ResponseLine.single(in: lines, name: "+CNMI")
        return Settings(
            mode: try line.int(0, "mode"),
            mt: try line.int(1, "mt"),
            bm: try line.optionalInt(2, "bm") ?? 0,
            ds: try line.optionalInt(3, "ds") ?? 0,
            bfr: try line.optionalInt(4, "bfr") ?? 0
        )
    }

    /// Parses `+CNMI: (list of <mode>s),(list of <mt>s),(list of <bm>s),(list of <ds>s),(list of <bfr>s)`.
    ///
    /// Missing trailing lists are reported as supporting only 0.
    ///
    /// Related specification: 3GPP TS 27.005 §3.4.1
    public static func parseTestResponse(_ lines: [ATLine]) throws -> SupportedValues {
        let line = try ResponseLine.single(in: lines, name: "+CNMI")
        try line.requireCount(atLeast: 2)
        func ranges(_ index: Int, _ name: String) throws -> [ClosedRange<Int>] {
            index < line.count ? try line.ranges(index, name) : [0...0]
        }
        return SupportedValues(
            mode: try ranges(0, "mode"),
            mt: try ranges(1, "mt"),
            bm: try ranges(2, "bm"),
            ds: try ranges(3, "ds"),
            bfr: try ranges(4, "bfr")
        )
    }
}
