// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Synchronization

/// Remembers the arrangements that take many text measurements (which answers fit how, in which language), since
/// they depend only on the panel, the language and the wording and are asked for again on every redraw.
final class LayoutMemo: Sendable {
    struct AnswerKey: Hashable {
        var language: KioskLanguage
        var audience: AudienceMode
        var width: Double
        var maxHeight: Double
        var columns: Int
    }

    struct QuestionKey: Hashable {
        var language: KioskLanguage
        var audience: AudienceMode
        var idleSeconds: Int
        var content: Rect
    }

    private let answers = Mutex<[AnswerKey: KioskLayoutEngine.AnswerPlan?]>([:])
    private let questions = Mutex<[QuestionKey: KioskLayoutEngine.QuestionPlan?]>([:])

    func answerPlan(_ key: AnswerKey, compute: () -> KioskLayoutEngine.AnswerPlan?) -> KioskLayoutEngine.AnswerPlan? {
        if let known = answers.withLock({ $0[key] }) { return known }
        let plan = compute()
        answers.withLock { $0[key] = plan }
        return plan
    }

    func questionPlan(
        _ key: QuestionKey,
        compute: () -> KioskLayoutEngine.QuestionPlan?
    )
        -> KioskLayoutEngine.QuestionPlan?
    {
        if let known = questions.withLock({ $0[key] }) { return known }
        let plan = compute()
        questions.withLock { $0[key] = plan }
        return plan
    }
}
