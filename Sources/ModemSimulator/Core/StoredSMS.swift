// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

/// One message as the modem keeps it: its `<stat>` and its PDU, printed by `+CMGL` and `+CMGR`.
public struct StoredSMS: Hashable, Sendable {
    /// `<stat>`: REC UNREAD, REC READ, STO UNSENT or STO SENT.
    public var status: MessageStatus
    /// The PDU in upper-case hex, starting with the service centre address.
    public var pduHex: String
    /// The TPDU length in octets, the `<length>` of `+CMGL`/`+CMGR`/`+CMT`.
    public var tpduLength: Int
    /// Whether this is a status report rather than a message.
    public var isStatusReport: Bool

    public init(status: MessageStatus, pduHex: String, tpduLength: Int, isStatusReport: Bool = false) {
        self.status = status
        self.pduHex = pduHex
        self.tpduLength = tpduLength
        self.isStatusReport = isStatusReport
    }
}
