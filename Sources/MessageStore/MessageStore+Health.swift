// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import GRDB

extension MessageStore {
    /// When the oldest event still waiting in the sync outbox was recorded (ms since 1970), or nil when none
    /// waits; for `careconnect doctor` and the metrics file.
    public func oldestUnsentSyncEventAt() throws -> Int64? {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT MIN(created_at) FROM sync_outbox") }
    }

    /// When the oldest reply still queued for the modem was queued (ms since 1970), or nil when none is.
    public func oldestQueuedOutboundAt() throws -> Int64? {
        try writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(created_at) FROM outbound_message WHERE state = 'queued'")
        }
    }
}
