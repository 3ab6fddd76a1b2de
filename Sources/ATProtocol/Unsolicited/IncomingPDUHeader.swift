// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The header line of a message routed straight to the host, `+CMT: [<alpha>],<length>` or
/// `+CDS: <length>`, in PDU mode.
///
/// The PDU itself follows on the **next** line, so the header alone is not the whole result code
/// (``UnsolicitedResult/requiresFollowingLine``). `length` counts the TPDU octets, which excludes the
/// service centre address at the start of the hexadecimal line.
///
/// Related specification: 3GPP TS 27.005 §3.4.1 (`+CNMI`) and §4.6 (`+CNMA`, which must acknowledge it)
public struct IncomingPDUHeader: Hashable, Sendable {
    /// The alphanumeric name of the sender from the phonebook, if the modem gave one.
    public var alpha: String?
    /// The TPDU length in octets.
    public var length: Int

    public init(alpha: String? = nil, length: Int) {
        self.alpha = alpha
        self.length = length
    }
}
