// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

extension Modem {
    /// Lists stored messages in PDU mode with `AT+CMGL=<stat>`; every message by default.
    ///
    /// Unsolicited result codes that arrive during the listing (a `+CMTI` for a message stored meanwhile)
    /// go to events, not into the listing.
    ///
    /// Related specification: 3GPP TS 27.005 §3.4.2
    public func listMessages(_ status: MessageStatus = .all) async throws -> [StoredMessage] {
        try await self.query(CMGL.list(status), parse: CMGL.parseSetResponse)
    }

    /// Reads one stored message with `AT+CMGR=<index>`; `nil` when the slot is empty.
    ///
    /// Related specification: 3GPP TS 27.005 §3.4.3
    public func readMessage(at index: Int) async throws -> StoredMessage? {
        try await self.query(CMGR.read(index: index), parse: CMGR.parseSetResponse)
    }

    /// Deletes one stored message with `AT+CMGD=<index>`.
    ///
    /// Related specification: 3GPP TS 27.005 §3.5.4
    public func deleteMessage(at index: Int) async throws {
        try await self.execute(CMGD.delete(index: index))
    }

    /// Deletes messages by status with `AT+CMGD=1,<delflag>` (the index is ignored with a flag).
    public func deleteMessages(_ flag: CMGD.DeleteFlag) async throws {
        try await self.execute(CMGD.delete(index: 1, flag: flag))
    }

    /// The storage indexes `AT+CMGD=?` lists. Most modems list the slots that hold a message; some list every
    /// slot that could, so treat the answer as "possibly still occupied".
    ///
    /// Related specification: 3GPP TS 27.005 §3.5.4
    public func occupiedIndexes() async throws -> Set<Int> {
        let values = try await self.query(CMGD.test, parse: CMGD.parseTestResponse)
        return Set(values.indexes.flatMap { Array($0) })
    }
}
