// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension KioskLayoutEngine {
    /// How the six answers are arranged.
    struct AnswerPlan {
        var columns: Int
        /// The face above the label (for narrow columns) instead of beside it.
        var stacked = false
        var em: Double
        var buttonHeight: Double
        var totalHeight: Double
    }

    /// How the question screen is arranged when everything fits together.
    struct QuestionPlan {
        var questionEm: Double
        var questionHeight: Double
        var statementEm: Double
        var statementHeight: Double
        var answers: AnswerPlan
    }

    static let faceSize = 13.0
    static let stackedFaceSize = 10.0

    /// The answers in `columns` columns of `width` millimetres, or `nil` if they need more than `maxHeight`.
    func answerPlan(
        _ canvas: KioskCanvas,
        _ state: KioskViewState,
        width: Double,
        maxHeight: Double,
        columns: Int
    )
        -> AnswerPlan?
    {
        let key = LayoutMemo.AnswerKey(
            language: state.language,
            audience: state.audience,
            width: width,
            maxHeight: maxHeight,
            columns: columns
        )
        return memo.answerPlan(key) {
            computeAnswerPlan(canvas, state, width: width, maxHeight: maxHeight, columns: columns)
        }
    }

    func computeAnswerPlan(
        _ canvas: KioskCanvas,
        _ state: KioskViewState,
        width: Double,
        maxHeight: Double,
        columns: Int
    )
        -> AnswerPlan?
    {
        let g = KioskMetrics.gap
        let columnWidth = (width - Double(columns - 1) * g) / Double(columns)
        let rows = (6 + columns - 1) / columns
        for stacked in [false, true] {
            let labelWidth =
                stacked
                ? columnWidth - 2 * KioskMetrics.buttonPadding
                : columnWidth - Self.faceSize - 3 * KioskMetrics.buttonPadding
            guard labelWidth > 15 else { continue }
            for em in [6.5, 6, 5.5, 5] {
                let sizes = state.strings.answers.map {
                    canvas.measure($0, em: em, language: state.language, maxWidth: labelWidth)
                }
                guard sizes.allSatisfy({ $0.width <= labelWidth + 0.01 }) else { continue }
                let labelHeight = sizes.map(\.height).max() ?? 0
                let needed = stacked ? Self.stackedFaceSize + labelHeight + 3 : labelHeight + 2
                let buttonHeight = max(KioskMetrics.answerHeight, needed)
                let total = Double(rows) * buttonHeight + Double(rows - 1) * g
                if total <= maxHeight {
                    return AnswerPlan(
                        columns: columns,
                        stacked: stacked,
                        em: em,
                        buttonHeight: buttonHeight,
                        totalHeight: total
                    )
                }
            }
        }
        return nil
    }

    func combinedQuestionPlan(_ canvas: KioskCanvas, _ state: KioskViewState, _ content: Rect) -> QuestionPlan? {
        let key = LayoutMemo.QuestionKey(
            language: state.language,
            audience: state.audience,
            idleSeconds: state.idleSeconds,
            content: content
        )
        return memo.questionPlan(key) { computeQuestionPlan(canvas, state, content) }
    }

    func computeQuestionPlan(_ canvas: KioskCanvas, _ state: KioskViewState, _ content: Rect) -> QuestionPlan? {
        let g = KioskMetrics.gap
        let strings = state.strings
        let statement = KioskStrings.formatted(strings.idleStatement, seconds: state.idleSeconds)
        let statementHeight = canvas.measure(statement, em: 5, language: state.language, maxWidth: content.width).height
        for columns in 1...3 {
            for questionEm in KioskMetrics.questionEms {
                let questionSize = canvas.measure(
                    strings.question,
                    em: questionEm,
                    language: state.language,
                    bold: true,
                    maxWidth: content.width
                )
                let remaining = content.height - questionSize.height - statementHeight - 2 * g
                if let answers = answerPlan(canvas, state, width: content.width, maxHeight: remaining, columns: columns)
                {
                    return QuestionPlan(
                        questionEm: questionEm,
                        questionHeight: questionSize.height,
                        statementEm: 5,
                        statementHeight: statementHeight,
                        answers: answers
                    )
                }
            }
        }
        return nil
    }

    func layoutQuestion(_ canvas: inout KioskCanvas, _ state: KioskViewState, _ chrome: Chrome) {
        let g = KioskMetrics.gap
        let content = chrome.content
        let strings = state.strings
        let statement = KioskStrings.formatted(strings.idleStatement, seconds: state.idleSeconds)
        if let plan = combinedQuestionPlan(canvas, state, content) {
            var y = content.y
            canvas.text(
                "question",
                strings.question,
                in: Rect(x: content.x, y: y, width: content.width, height: plan.questionHeight),
                em: plan.questionEm,
                language: state.language,
                bold: true
            )
            y += plan.questionHeight + g
            canvas.text(
                "question.idle",
                statement,
                in: Rect(x: content.x, y: y, width: content.width, height: plan.statementHeight),
                em: plan.statementEm,
                language: state.language
            )
            y += plan.statementHeight + g
            let spare = content.maxY - y - plan.answers.totalHeight
            layoutAnswerButtons(
                &canvas,
                state,
                plan.answers,
                origin: Point(x: content.x, y: y + spare / 2),
                width: content.width
            )
            layoutActions(
                &canvas,
                [
                    Action(
                        target: .next,
                        id: "next",
                        label: strings.next,
                        kind: state.selectedRating == nil ? .inactive : .primary
                    )
                ],
                chrome,
                language: state.language
            )
            return
        }
        // The question on its own, large, with the inactivity statement and an Answer button.
        let statementFit = canvas.fit(
            statement,
            width: content.width,
            maxHeight: content.height / 3,
            ems: KioskMetrics.bodyEms,
            language: state.language
        )
        let questionFit = canvas.fit(
            strings.question,
            width: content.width,
            maxHeight: content.height - statementFit.height - g,
            ems: [14, 12, 11, 10, 9, 8],
            language: state.language,
            bold: true
        )
        let total = questionFit.height + g + statementFit.height
        let top = content.y + max(0, (content.height - total) / 2)
        canvas.text(
            "question",
            strings.question,
            in: Rect(x: content.x, y: top, width: content.width, height: questionFit.height),
            em: questionFit.em,
            language: state.language,
            bold: true
        )
        canvas.text(
            "question.idle",
            statement,
            in: Rect(x: content.x, y: top + questionFit.height + g, width: content.width, height: statementFit.height),
            em: statementFit.em,
            language: state.language
        )
        layoutActions(
            &canvas,
            [Action(target: .start, id: "start", label: strings.start, kind: .primary)],
            chrome,
            language: state.language
        )
    }

    func layoutAnswers(_ canvas: inout KioskCanvas, _ state: KioskViewState, _ chrome: Chrome) {
        let content = chrome.content
        var plan = AnswerPlan(columns: 3, em: 5, buttonHeight: KioskMetrics.answerHeight, totalHeight: content.height)
        for columns in 1...3 {
            if let fitting = answerPlan(
                canvas,
                state,
                width: content.width,
                maxHeight: content.height,
                columns: columns
            ) {
                plan = fitting
                break
            }
        }
        let spare = content.height - plan.totalHeight
        layoutAnswerButtons(
            &canvas,
            state,
            plan,
            origin: Point(x: content.x, y: content.y + spare / 2),
            width: content.width
        )
        layoutActions(
            &canvas,
            [
                Action(target: .back, id: "back", label: state.strings.back, kind: .normal),
                Action(
                    target: .next,
                    id: "next",
                    label: state.strings.next,
                    kind: state.selectedRating == nil ? .inactive : .primary
                ),
            ],
            chrome,
            language: state.language
        )
    }

    /// The six answers, in order, filling rows from the leading side; each with a face and a label.
    func layoutAnswerButtons(
        _ canvas: inout KioskCanvas,
        _ state: KioskViewState,
        _ plan: AnswerPlan,
        origin: Point,
        width: Double
    ) {
        let g = KioskMetrics.gap
        let columnWidth = (width - Double(plan.columns - 1) * g) / Double(plan.columns)
        for rating in FFTRating.allCases {
            let row = rating.index / plan.columns
            let column = rating.index % plan.columns
            let frame = Rect(
                x: origin.x + Double(column) * (columnWidth + g),
                y: origin.y + Double(row) * (plan.buttonHeight + g),
                width: columnWidth,
                height: plan.buttonHeight
            )
            let id = "answer.\(rating.rawValue)"
            let selected = state.selectedRating == rating
            let pad = KioskMetrics.buttonPadding
            let face: Rect
            let labelFrame: Rect
            if plan.stacked {
                let size = Self.stackedFaceSize
                face = Rect(x: frame.x + (frame.width - size) / 2, y: frame.y + 1, width: size, height: size)
                labelFrame = Rect(
                    x: frame.x + pad,
                    y: face.maxY + 0.5,
                    width: frame.width - 2 * pad,
                    height: frame.maxY - face.maxY - 1
                )
            } else {
                let size = Self.faceSize
                face = Rect(x: frame.x + pad, y: frame.y + (frame.height - size) / 2, width: size, height: size)
                labelFrame = Rect(
                    x: face.maxX + pad,
                    y: frame.y + 0.5,
                    width: frame.maxX - face.maxX - 2 * pad,
                    height: frame.height - 1
                )
            }
            canvas.button(
                .answer(rating),
                id: id,
                frame,
                label: state.strings.answers[rating.index],
                kind: selected ? .selected : .normal,
                language: state.language,
                em: plan.em,
                alignment: plan.stacked ? .center : .leading,
                labelFrame: labelFrame
            )
            FaceShape(rating: rating).draw(&canvas, id: id + ".face", in: face)
        }
    }
}
