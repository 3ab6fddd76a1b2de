// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CPMS`: preferred message storage for reading, writing and receiving.
///
/// Related specification: 3GPP TS 27.005 §3.2.2
public enum CPMS {
    /// How full one storage is.
    public struct Usage: Hashable, Sendable {
        /// The storage (`SM`, `ME`, `MT`, `SR`, …); `nil` in the set response, which omits it.
        public var storage: String?
        /// Messages stored.
        public var used: Int
        /// Messages that fit.
        public var total: Int

        public init(storage: String?, used: Int, total: Int) {
            self.storage = storage
            self.used = used
            self.total = total
        }

        /// Whether no more messages fit.
        public var isFull: Bool { self.total > 0 && self.used >= self.total }
    }

    /// `AT+CPMS?`.
    public static let read = ATCommand("AT+CPMS?")

    /// `AT+CPMS=?`.
    public static let test = ATCommand("AT+CPMS=?")

    /// `AT+CPMS="<mem1>"[,"<mem2>"[,"<mem3>"]]`: storages for reading and deleting, writing and sending,
    /// and receiving.
    public static func set(read: String, write: String? = nil, receive: String? = nil) -> ATCommand {
        let memories = [read, write, receive].compactMap { $0 }.map(ATParameter.quoted)
        return ATCommand("AT+CPMS=" + memories.joined(separator: ","))
    }

    /// Parses `+CPMS: <mem1>,<used1>,<total1>,<mem2>,<used2>,<total2>[,<mem3>,<used3>,<total3>]`.
    ///
    /// Related specification: 3GPP TS 27.005 §3.2.2
    public static func parseReadResponse(_ lines: [ATLine]) throws -> [Usage] {
        let line = try ResponseLine.single(in: lines, name: "+CPMS")
        guard line.count >= 3, line.count % 3 == 0 else {
            throw line.error(.missingParameter, "expected groups of <mem>,<used>,<total>")
        }
        return try stride(from: 0, to: line.count, by: 3).map { index in
            Usage(
                storage: try line.string(index, "mem"),
                used: try line.int(index + 1, "used"),
                total: try line.int(index + 2, "total")
            )
        }
    }

    /// Parses the set response `+CPMS: <used1>,<total1>,<used2>,<total2>[,<used3>,<total3>]`.
    ///
    /// Related specification: 3GPP TS 27.005 §3.2.2
    public static func parseSetResponse(_ lines: [ATLine]) throws -> [Usage] {
        let line = try ResponseLine.single(in: lines, name: "+CPMS")
        guard line.count >= 2, line.count % 2 == 0 else {
            throw line.error(.missingParameter, "expected pairs of <used>,<total>")
        }
        return try stride(from: 0, to: line.count, by: 2).map { index in
            Usage(storage: nil, used: try line.int(index, "used"), total: try line.int(index + 1, "total"))
        }
    }

    /// Parses `+CPMS: (<mem1>s),(<mem2>s)[,(<mem3>s)]`: the storages supported for each role.
    ///
    /// Related specification: 3GPP TS 27.005 §3.2.2
    public static func parseTestResponse(_ lines: [ATLine]) throws -> [[String]] {
        let line = try ResponseLine.single(in: lines, name: "+CPMS")
        guard line.count >= 2 else {
            throw line.error(.missingParameter, "expected at least two lists of storages")
        }
        return try (0..<line.count).map { index in
            try line.list(index, "mem\(index + 1)").compactMap(\.stringValue)
        }
    }
}
