// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import GRDB

/// A received text, reassembled from its parts.
public struct InboundMessage: Hashable, Sendable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "inbound_message"

    public var id: Int64?
    /// E.164 with `+` for international numbers, otherwise as received (alphanumeric senders as text).
    public var sender: String
    public var senderIsAlphanumeric: Bool
    public var text: String
    /// `gsm7`, `8bit` or `ucs2`.
    public var encoding: String
    /// The service centre time stamp of the first part, ISO 8601 with the sender's offset.
    public var sentAt: String?
    /// When the device stored the message (ms since 1970).
    public var receivedAt: Int64
    public var partCount: Int
    /// Parts that never arrived before the message was released as partial (0 for a complete message).
    public var missingParts: Int
    /// When the conversation step for this message finished (ms since 1970); nil until then.
    public var handledAt: Int64?

    /// True when parts were missing at release time.
    public var isPartial: Bool { missingParts > 0 }

    enum CodingKeys: String, CodingKey {
        case id, sender, text, encoding
        case senderIsAlphanumeric = "sender_is_alphanumeric"
        case sentAt = "sent_at"
        case receivedAt = "received_at"
        case partCount = "part_count"
        case missingParts = "missing_parts"
        case handledAt = "handled_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
