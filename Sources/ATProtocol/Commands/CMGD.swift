// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CMGD`: delete stored messages.
///
/// Related specification: 3GPP TS 27.005 §3.5.4
public enum CMGD {
    /// The `<delflag>`.
    public struct DeleteFlag: RawRepresentable, Hashable, Sendable {
        public var rawValue: Int

        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// `0`: delete the message at `<index>` only.
        public static let indexOnly = Self(rawValue: 0)
        /// `1`: delete every read message, leaving unread, sent and unsent ones.
        public static let allRead = Self(rawValue: 1)
        /// `2`: delete every read and every sent message.
        public static let allReadAndSent = Self(rawValue: 2)
        /// `3`: delete every read, sent and unsent message, leaving only unread ones.
        public static let allReadSentAndUnsent = Self(rawValue: 3)
        /// `4`: delete every message, unread ones included.
        public static let all = Self(rawValue: 4)
    }

    /// The supported values from the test command.
    public struct SupportedValues: Hashable, Sendable {
        /// The storage indexes that hold messages.
        public var indexes: [ClosedRange<Int>]
        /// The supported delete flags.
        public var flags: [ClosedRange<Int>]

        public init(indexes: [ClosedRange<Int>], flags: [ClosedRange<Int>]) {
            self.indexes = indexes
            self.flags = flags
        }
    }

    /// `AT+CMGD=<index>` or, with a flag other than ``DeleteFlag/indexOnly``, `AT+CMGD=<index>,<delflag>`.
    public static func delete(index: Int, flag: DeleteFlag = .indexOnly) -> ATCommand {
        ATCommand("AT+CMGD=\(index)" + (flag == .indexOnly ? "" : ",\(flag.rawValue)"))
    }

    /// `AT+CMGD=?`.
    public static let test = ATCommand("AT+CMGD=?")

    /// Parses `+CMGD: (list of <index>s)[,(list of <delflag>s)]`.
    ///
    /// Related specification: 3GPP TS 27.005 §3.5.4
    public static func parseTestResponse(_ lines: [ATLine]) throws -> SupportedValues {
        let line = try ResponseLine.single(in: lines, name: "+CMGD")
        return SupportedValues(
            indexes: try line.ranges(0, "index"),
            flags: line.count > 1 ? try line.ranges(1, "delflag") : [0...0]
        )
    }
}
