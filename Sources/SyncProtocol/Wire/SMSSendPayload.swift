// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The payload of an `sms.send` command: a staff reply to a patient.
public struct SMSSendPayload: Codable, Sendable, Hashable {
    /// The recipient, in E.164.
    public var to: String
    /// The text.
    public var text: String
    /// The event the reply answers, when there is one.
    public var inReplyTo: String?

    public init(to: String, text: String, inReplyTo: String? = nil) {
        self.to = to
        self.text = text
        self.inReplyTo = inReplyTo
    }

    /// The payload read from a command's JSON, or nil when a field is missing.
    public init?(_ value: JSONValue) {
        guard let to = value["to"]?.stringValue, let text = value["text"]?.stringValue else { return nil }
        self.init(to: to, text: text, inReplyTo: value["in_reply_to"]?.stringValue)
    }

    /// The payload as JSON.
    public var json: JSONValue {
        var members: [String: JSONValue] = ["to": .string(to), "text": .string(text)]
        if let inReplyTo { members["in_reply_to"] = .string(inReplyTo) }
        return .object(members)
    }

    enum CodingKeys: String, CodingKey {
        case to
        case text
        case inReplyTo = "in_reply_to"
    }
}
