// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import MessageStore

/// The device database's queues and sync state at one moment, for the doctor and the metrics file.
public struct StoreSnapshot: Hashable, Sendable {
    public var status: StoreStatus
    /// The oldest event waiting for the hub (ms since 1970).
    public var oldestUnsentAt: Int64?
    /// The oldest reply waiting for the modem (ms since 1970).
    public var oldestQueuedReplyAt: Int64?
    /// The last batch the hub took (ms since 1970).
    public var lastSyncSuccessAt: Int64?
    /// The last sync failure, in words; empty after a success.
    public var lastSyncError: String?

    /// SIMs that refused the configured PIN, as careconnect-smsd recorded them, in words.
    public var simPINRefusals: [String]

    /// Reads everything in a handful of queries.
    public init(store: MessageStore) throws {
        self.status = try store.status()
        self.oldestUnsentAt = try store.oldestUnsentSyncEventAt()
        self.oldestQueuedReplyAt = try store.oldestQueuedOutboundAt()
        self.lastSyncSuccessAt = try store.syncState(.lastSuccessAt).flatMap { Int64($0) }
        self.lastSyncError = try store.syncState(.lastError)
        self.simPINRefusals = try store.simPINRefusals().map { refusal in
            "SIM \(refusal.sim) refused the PIN (\(refusal.answer)"
                + (refusal.attemptsLeft.map { ", \($0) attempt\($0 == 1 ? "" : "s") left" } ?? "") + ")"
        }
    }

    /// Opens the database at `path` if it exists.
    public static func read(path: String) throws -> StoreSnapshot? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try StoreSnapshot(store: try MessageStore(path: path))
    }
}
