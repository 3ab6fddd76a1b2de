// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The hub's answer for one event of a batch.
public struct EventResult: Codable, Sendable, Hashable {
    /// What became of an event.
    public enum Status: String, Codable, Sendable, Hashable {
        /// Stored now for the first time.
        case accepted
        /// Already stored by an earlier request: the device may forget it too.
        case duplicate
        /// Refused for good: the device moves it to its dead letters for staff to see.
        case rejected
    }

    /// Why an event was refused.
    public struct Failure: Codable, Sendable, Hashable {
        /// A short machine-readable reason, such as `unknown_type`.
        public var code: String
        /// A sentence for staff.
        public var message: String?
        /// Whether sending it again could succeed.
        public var retryable: Bool

        public init(code: String, message: String? = nil, retryable: Bool = false) {
            self.code = code
            self.message = message
            self.retryable = retryable
        }
    }

    /// The event's identifier, as sent.
    public var eventID: String
    /// The outcome.
    public var status: Status
    /// The hub's reference for the stored event, the same for every copy.
    public var ref: String?
    /// Why it was rejected.
    public var error: Failure?

    public init(eventID: String, status: Status, ref: String? = nil, error: Failure? = nil) {
        self.eventID = eventID
        self.status = status
        self.ref = ref
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case eventID = "event_id"
        case status
        case ref
        case error
    }
}
