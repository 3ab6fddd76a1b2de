// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import MessageStore
public import WardConversation

extension ConversationOutcome {
    /// What the store records for the ward conversation's decision on one text.
    public init(_ decision: WardConversation.Decision) {
        self.init(
            score: decision.feedback?.score?.rawValue,
            comment: decision.feedback?.comment,
            category: decision.feedback?.category?.rawValue,
            followUpTo: decision.feedback?.followUpTo,
            reply: decision.reply,
            suppressedReason: decision.suppressedReason,
            optedOut: decision.optedOut,
            language: decision.language,
            awaitingFollowUpFor: decision.awaitingFollowUpFor
        )
    }
}
