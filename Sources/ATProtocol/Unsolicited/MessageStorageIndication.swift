// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Where a newly stored message or status report is: `+CMTI: "SM",3` or `+CDSI: "SR",1`.
///
/// Read it with `AT+CMGR=<index>` (after selecting `storage` with `AT+CPMS` if it is not the current read
/// storage).
///
/// Related specification: 3GPP TS 27.005 §3.4.1 (`+CNMI`)
public struct MessageStorageIndication: Hashable, Sendable {
    /// The storage, for example `SM` (SIM), `ME` (modem), `MT` (both) or `SR` (status reports).
    public var storage: String
    /// The index of the message in that storage.
    public var index: Int

    public init(storage: String, index: Int) {
        self.storage = storage
        self.index = index
    }
}
