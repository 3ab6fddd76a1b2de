// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The ward's text conversation: what to record and what (if anything) to reply to one incoming text.
///
/// Pure: the caller supplies the contact's state and recent counts from the store, and applies the decision
/// in one transaction.
public struct WardConversation: Sendable {
    public var settings: ConversationSettings

    public init(settings: ConversationSettings = ConversationSettings()) {
        self.settings = settings
    }

    /// What the store knows about the sender.
    public struct Contact: Hashable, Sendable {
        public var optedOut: Bool
        public var language: String?
        /// The message whose score awaits its free-text follow-up, if any.
        public var awaitingFollowUpFor: Int64?

        public init(optedOut: Bool = false, language: String? = nil, awaitingFollowUpFor: Int64? = nil) {
            self.optedOut = optedOut
            self.language = language
            self.awaitingFollowUpFor = awaitingFollowUpFor
        }
    }

    /// Recent history used by the protections.
    public struct History: Hashable, Sendable {
        public var repliesLastHour: Int
        public var repliesLastDay: Int
        /// True when the same text came from the same number within the duplicate window.
        public var isRecentDuplicate: Bool

        public init(repliesLastHour: Int = 0, repliesLastDay: Int = 0, isRecentDuplicate: Bool = false) {
            self.repliesLastHour = repliesLastHour
            self.repliesLastDay = repliesLastDay
            self.isRecentDuplicate = isRecentDuplicate
        }
    }

    /// Feedback to record.
    public struct Feedback: Hashable, Sendable {
        public var score: FFTScore?
        public var comment: String?
        public var category: FeedbackCategory?
        /// When the comment answers an earlier score, that message's id (one record holds both).
        public var followUpTo: Int64?
    }

    /// The decision for one message.
    public struct Decision: Hashable, Sendable {
        public var intent: InboundIntent
        public var feedback: Feedback?
        public var reply: String?
        /// Why no reply was sent, when one would otherwise have been.
        public var suppressedReason: String?
        /// New opt-out state, if it changes.
        public var optedOut: Bool?
        /// New language, if it changes.
        public var language: String?
        /// The follow-up slot: `.some(id)` to await a comment for message `id`, `.some(nil)` to clear it.
        public var awaitingFollowUpFor: Int64??
    }

    /// Decides what to record and reply for one message.
    ///
    /// - Parameters:
    ///   - text: the message text.
    ///   - messageID: the stored message's id.
    ///   - sender: the sender as stored (`+44…`, a national number, or alphanumeric text).
    ///   - senderIsAlphanumeric: true for alphanumeric senders.
    public func decide(
        text: String,
        messageID: Int64,
        sender: String,
        senderIsAlphanumeric: Bool,
        contact: Contact,
        history: History
    ) -> Decision {
        let intent = InboundIntent.classify(text, languages: settings.languageKeywords)
        var decision = Decision(intent: intent)
        var language = contact.language
        var reply: String?

        switch intent {
        case .stop:
            decision.optedOut = true
            decision.awaitingFollowUpFor = .some(nil)
            reply = settings.confirmStop && !contact.optedOut ? templates(language).stopped : nil
        case .start:
            decision.optedOut = false
            reply = templates(language).started
        case .help:
            reply = templates(language).help
        case .language(let code):
            decision.language = code
            language = code
            reply = templates(code).languageChosen
        case .score(let score, let comment):
            decision.feedback = Feedback(
                score: score,
                comment: comment,
                category: comment.map(FeedbackCategory.guess(for:))
            )
            decision.awaitingFollowUpFor = comment == nil ? .some(messageID) : .some(nil)
            reply = comment == nil ? templates(language).thanksAndFollowUp : thanks(language)
        case .acknowledgement:
            reply = nil
        case .freeText(let comment):
            decision.feedback = Feedback(
                comment: comment,
                category: FeedbackCategory.guess(for: comment),
                followUpTo: contact.awaitingFollowUpFor
            )
            decision.awaitingFollowUpFor = .some(nil)
            reply = thanks(language)
        }

        // Protections, in order: who may be answered at all, opt-out, duplicates, caps.
        guard let text = reply else { return decision }
        if senderIsAlphanumeric || !Self.isAnswerable(sender) {
            decision.suppressedReason = "sender \(sender) is not a mobile number (alphanumeric or short code)"
        } else if contact.optedOut && intent != .start && intent != .help && decision.optedOut != false {
            decision.suppressedReason = "sender has opted out (STOP)"
        } else if history.isRecentDuplicate {
            decision.suppressedReason = "identical text from this number within \(settings.duplicateWindowSeconds) s"
        } else if history.repliesLastHour >= settings.maximumRepliesPerHour {
            decision.suppressedReason = "reply cap of \(settings.maximumRepliesPerHour) per hour reached"
        } else if history.repliesLastDay >= settings.maximumRepliesPerDay {
            decision.suppressedReason = "reply cap of \(settings.maximumRepliesPerDay) per day reached"
        } else {
            decision.reply = text.replacingWard(with: settings.wardName)
        }
        return decision
    }

    private func templates(_ language: String?) -> ReplyTemplates {
        settings.templates(for: language)
    }

    private func thanks(_ language: String?) -> String? {
        settings.thankForComments ? templates(language).thanksForComment : nil
    }

    /// True for numbers that can receive a reply: international or national numbers of 7+ digits.
    /// Short codes (premium and service numbers, up to 6 digits) are never answered.
    public static func isAnswerable(_ sender: String) -> Bool {
        let digits = sender.filter(\.isNumber)
        guard digits.count >= 7, digits.count <= 15 else { return false }
        return sender.allSatisfy { $0.isNumber || $0 == "+" }
    }
}

extension String {
    func replacingWard(with name: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: "{ward}") {
            result += rest[..<range.lowerBound]
            result += name
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
