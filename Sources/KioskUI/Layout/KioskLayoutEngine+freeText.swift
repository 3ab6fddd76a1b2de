// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension KioskLayoutEngine {
    func layoutFreeText(_ canvas: inout KioskCanvas, _ state: KioskViewState, _ chrome: Chrome) {
        let g = KioskMetrics.gap
        let content = chrome.content
        let strings = state.strings
        let language = state.language
        let fieldHeight = state.language.usesLatinKeyboard ? 20.0 : 0
        let topicsHeight = 15.0
        let controls = fieldHeight + topicsHeight + (fieldHeight > 0 ? 2 * g : g)
        let textBudget = content.height - controls
        let prompt = canvas.fit(
            strings.freeTextPrompt,
            width: content.width,
            maxHeight: textBudget * 0.55,
            ems: [8, 7, 6, 5.5, 5],
            language: language,
            bold: true
        )
        let warning = canvas.fit(
            strings.personalDetailsWarning,
            width: content.width,
            maxHeight: textBudget - prompt.height - g,
            ems: KioskMetrics.bodyEms,
            language: language
        )
        var y = content.y
        canvas.text(
            "freeText.prompt",
            strings.freeTextPrompt,
            in: Rect(x: content.x, y: y, width: content.width, height: prompt.height),
            em: prompt.em,
            language: language,
            bold: true
        )
        y += prompt.height + g
        canvas.text(
            "freeText.warning",
            strings.personalDetailsWarning,
            in: Rect(x: content.x, y: y, width: content.width, height: warning.height),
            em: warning.em,
            language: language
        )
        y = max(y + warning.height + g, content.maxY - controls + g)
        if fieldHeight > 0 {
            let field = Rect(x: content.x, y: y, width: content.width, height: fieldHeight)
            canvas.rectangle(
                "freeText.field",
                field,
                fill: NHSPalette.white,
                stroke: NHSPalette.text,
                lineWidth: 0.5,
                radius: 1
            )
            let inner = Rect(x: field.x + 2, y: field.y + 1, width: field.width - 4, height: field.height - 2)
            let shown =
                state.comment.isEmpty
                ? strings.typeComment : tail(of: state.comment, canvas, in: inner, language: language)
            canvas.text(
                "freeText.field.text",
                shown,
                in: inner,
                em: 5.5,
                language: language,
                vertical: .top,
                color: NHSPalette.text
            )
            canvas.target(.commentField, field)
            y += fieldHeight + g
        }
        let chosen = state.categories.count
        let topicsLabel = chosen > 0 ? "\(strings.chooseTopics) (\(chosen))" : strings.chooseTopics
        canvas.button(
            .chooseTopics,
            id: "freeText.topics",
            Rect(x: content.x, y: y, width: content.width, height: topicsHeight),
            label: topicsLabel,
            language: language
        )
        layoutActions(
            &canvas,
            [
                Action(target: .skip, id: "skip", label: strings.skip, kind: .normal),
                Action(target: .submit, id: "submit", label: strings.submit, kind: .primary),
            ],
            chrome,
            language: language
        )
    }

    /// The end of `text` that fits `box`, with an ellipsis in front when it was cut.
    func tail(
        of text: String,
        _ canvas: KioskCanvas,
        in box: Rect,
        language: KioskLanguage,
        wraps: Bool = true
    ) -> String {
        let characters = Array(text.suffix(160))
        func candidate(_ count: Int) -> String {
            (count < text.count ? "…" : "") + String(characters[(characters.count - count)...])
        }
        func fits(_ count: Int) -> Bool {
            let size = canvas.measure(
                candidate(count),
                em: wraps ? 5.5 : 5,
                language: language,
                maxWidth: wraps ? box.width : .infinity
            )
            return size.height <= box.height && size.width <= box.width
        }
        if fits(characters.count) { return candidate(characters.count) }
        // The longest ending that fits, by bisection.
        var low = 0
        var high = characters.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if fits(middle) { low = middle } else { high = middle }
        }
        return candidate(low)
    }

    // MARK: - Keyboard

    /// The keys of `layer` in order, each with its width in key units.
    func keys(_ state: KioskViewState) -> [(key: KeyboardKey, label: String, units: Int)] {
        let letters: [String]
        switch state.keyboardLayer {
        case .letters: letters = "abcdefghijklmnopqrstuvwxyz".map { String($0) }
        case .accents: letters = state.language.accentedLetters
        case .numbers: letters = "1234567890".map { String($0) } + [".", ",", "?", "!", "'", "-", ":", "(", ")"]
        }
        var result: [(key: KeyboardKey, label: String, units: Int)] = letters.map { letter in
            let shown = state.shifted && state.keyboardLayer != .numbers ? letter.uppercased() : letter
            return (.character(shown), shown, 1)
        }
        if state.keyboardLayer != .numbers { result.append((.shift, state.shifted ? "aa" : "Aa", 1)) }
        for layer in KeyboardLayer.allCases where layer != state.keyboardLayer {
            let label: String =
                switch layer {
                case .letters: "a-z"
                case .accents: "àé"
                case .numbers: "123"
                }
            result.append((.layer(layer), label, 1))
        }
        result.append((.space, "Space", 2))
        result.append((.backspace, "Del", 1))
        return result
    }

    static let keyboardFieldHeight = 8.5

    /// The typed text in the keyboard's field.
    func layoutKeyboardField(_ canvas: inout KioskCanvas, _ state: KioskViewState, _ field: Rect) {
        let inner = Rect(x: field.x + 2, y: field.y + 0.5, width: field.width - 4, height: field.height - 1)
        let shown =
            state.comment.isEmpty
            ? state.strings.typeComment
            : tail(of: state.comment, canvas, in: inner, language: state.language, wraps: false)
        canvas.text("keyboard.field.text", shown, in: inner, em: 5, language: state.language, wraps: false)
    }

    /// The keyboard screen after typing: `previous` with only the field's text replaced, when nothing else changed.
    public func layout(
        _ state: KioskViewState,
        after previous: (state: KioskViewState, layout: KioskScreenLayout)?
    )
        -> KioskScreenLayout
    {
        guard let previous, state.screen == .keyboard, previous.state.screen == .keyboard else { return layout(state) }
        var same = previous.state
        same.comment = state.comment
        guard same == state,
            let index = previous.layout.drawList.items.firstIndex(where: { $0.id == "keyboard.field.text" })
        else { return layout(state) }
        var scratch = KioskCanvas(panel: panel, measurer: measurer, mirrored: state.language.isRightToLeft)
        let content = layoutChrome(&scratch, state).content
        var canvas = KioskCanvas(panel: panel, measurer: measurer, mirrored: state.language.isRightToLeft)
        layoutKeyboardField(
            &canvas,
            state,
            Rect(x: content.x, y: content.y, width: content.width, height: Self.keyboardFieldHeight)
        )
        var result = previous.layout
        result.drawList.items[index] = canvas.items[0]
        return result
    }

    func layoutKeyboard(_ canvas: inout KioskCanvas, _ state: KioskViewState, _ chrome: Chrome) {
        // The keyboard packs its keys a little tighter than other screens, still above the legal minimums.
        let g = KioskMetrics.keyGap
        let content = chrome.content
        let language = state.language
        let fieldHeight = Self.keyboardFieldHeight
        let field = Rect(x: content.x, y: content.y, width: content.width, height: fieldHeight)
        canvas.rectangle(
            "keyboard.field",
            field,
            fill: NHSPalette.white,
            stroke: NHSPalette.text,
            lineWidth: 0.5,
            radius: 1
        )
        layoutKeyboardField(&canvas, state, field)
        // Keys flow in rows of whole units, the keyboard always left to right.
        let area = Rect(x: content.x, y: field.maxY + g, width: content.width, height: content.maxY - field.maxY - g)
        let perRow = max(3, Int((area.width + g) / (KioskMetrics.key + g)))
        let unit = (area.width - Double(perRow - 1) * g) / Double(perRow)
        var rows: [[(key: KeyboardKey, label: String, units: Int)]] = [[]]
        var used = 0
        for key in keys(state) {
            let units = min(key.units, perRow)
            if used + units > perRow {
                rows.append([])
                used = 0
            }
            rows[rows.count - 1].append((key.key, key.label, units))
            used += units
        }
        let keyHeight = min(16, max(KioskMetrics.key, (area.height - Double(rows.count - 1) * g) / Double(rows.count)))
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for key in row {
                let frame = Rect(
                    x: area.x + Double(column) * (unit + g),
                    y: area.y + Double(rowIndex) * (keyHeight + g),
                    width: Double(key.units) * unit + Double(key.units - 1) * g,
                    height: keyHeight
                )
                let mirroredFrame =
                    canvas.mirrored
                    ? Rect(x: canvas.width - frame.maxX, y: frame.y, width: frame.width, height: frame.height) : frame
                canvas.button(
                    .key(key.key),
                    id: "key.\(rowIndex).\(column)",
                    mirroredFrame,
                    label: key.label,
                    language: language,
                    em: 5,
                    labelInset: 0.5,
                    trailingInset: 0.5
                )
                column += key.units
            }
        }
        layoutActions(
            &canvas,
            [Action(target: .keyboardDone, id: "keyboard.done", label: state.strings.done, kind: .primary)],
            chrome,
            language: language
        )
    }

    // MARK: - Topics

    /// How the topic chips are paged: columns, chip height and chips per page.
    func topicsPlan(
        _ canvas: KioskCanvas,
        _ state: KioskViewState,
        area: Rect
    ) -> (columns: Int, chipHeight: Double, perPage: Int) {
        let g = KioskMetrics.gap
        let labels = FeedbackCategory.allCases.map { state.strings.label(for: $0) }
        var best = (columns: 1, chipHeight: 14.0, perPage: 1)
        for columns in 1...4 {
            let width = (area.width - Double(columns - 1) * g) / Double(columns) - 2 * KioskMetrics.buttonPadding
            guard width > 20 else { break }
            let sizes = labels.map { canvas.measure($0, em: 5, language: state.language, maxWidth: width) }
            guard sizes.allSatisfy({ $0.width <= width + 0.01 }) else { break }
            let chipHeight = max(KioskMetrics.target + 1, (sizes.map(\.height).max() ?? 0) + 2)
            let rows = max(1, Int((area.height + g) / (chipHeight + g)))
            let perPage = rows * columns
            if perPage > best.perPage
                || (perPage >= labels.count && best.perPage >= labels.count && columns < best.columns)
            {
                best = (columns, chipHeight, min(perPage, labels.count))
            }
            if perPage >= labels.count { break }
        }
        return best
    }

    func layoutTopics(_ canvas: inout KioskCanvas, _ state: KioskViewState, _ chrome: Chrome) {
        let g = KioskMetrics.gap
        let content = chrome.content
        let strings = state.strings
        let area = canvas.heading("topics.heading", strings.topicsHeading, in: content, language: state.language)
        let plan = topicsPlan(canvas, state, area: area)
        let all = FeedbackCategory.allCases
        let pages = (all.count + plan.perPage - 1) / plan.perPage
        let page = state.topicsPage % max(pages, 1)
        let columnWidth = (area.width - Double(plan.columns - 1) * g) / Double(plan.columns)
        for (slot, category) in all.dropFirst(page * plan.perPage).prefix(plan.perPage).enumerated() {
            let frame = Rect(
                x: area.x + Double(slot % plan.columns) * (columnWidth + g),
                y: area.y + Double(slot / plan.columns) * (plan.chipHeight + g),
                width: columnWidth,
                height: plan.chipHeight
            )
            canvas.button(
                .chip(category),
                id: "chip.\(category.rawValue)",
                frame,
                label: strings.label(for: category),
                kind: state.categories.contains(category) ? .selected : .normal,
                language: state.language,
                em: 5
            )
        }
        var actions = [Action(target: .topicsDone, id: "topics.done", label: strings.done, kind: .primary)]
        if pages > 1 {
            actions.insert(
                Action(target: .moreTopics, id: "topics.more", label: strings.moreTopics, kind: .normal),
                at: 0
            )
        }
        layoutActions(&canvas, actions, chrome, language: state.language)
    }
}
