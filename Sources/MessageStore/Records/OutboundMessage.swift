// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import GRDB

/// A text to send, and where it is in its life.
public struct OutboundMessage: Hashable, Sendable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outbound_message"

    /// The states of an outbound message.
    ///
    /// `queued → sending → sent → delivered | failed`. A message found in `sending` after a restart becomes
    /// `unconfirmed`: the modem may or may not have sent it, and it is not sent again automatically (a reply
    /// is sent at most once); staff see it in `careconnect status`.
    public enum State: String, Hashable, Sendable, Codable, DatabaseValueConvertible {
        case queued, sending, sent, delivered, failed, unconfirmed
    }

    public var id: Int64?
    public var recipient: String
    public var text: String
    public var state: State
    /// Who asked for it: `reply` (the ward's automatic conversation), `staff` (a reply typed upstream), …
    public var origin: String
    public var inReplyTo: Int64?
    /// The upstream command that asked for this message; unique, so a command is executed at most once.
    public var commandID: String?
    public var statusReport: Bool
    public var attempts: Int
    public var nextAttemptAt: Int64
    public var createdAt: Int64
    public var updatedAt: Int64
    public var lastError: String?

    enum CodingKeys: String, CodingKey {
        case id, recipient, text, state, origin, attempts
        case inReplyTo = "in_reply_to"
        case commandID = "command_id"
        case statusReport = "status_report"
        case nextAttemptAt = "next_attempt_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case lastError = "last_error"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
