// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension KioskLayoutEngine {
    func layoutLanguagePicker(_ canvas: inout KioskCanvas, _ state: KioskViewState, _ chrome: Chrome) {
        let g = KioskMetrics.gap
        let content = chrome.content
        let strings = state.strings
        let area = canvas.heading("languages.heading", strings.chooseLanguage, in: content, language: state.language)
        let languages = state.enabledLanguages
        // Each name on one line (a name broken mid-word is hard to recognise): as many columns as the widest name
        // allows, as many rows as fit, and further pages behind a "next page" button when the list is longer.
        var columns = 1
        var em = 5.0
        search: for candidate in (1...4).reversed() {
            let width = (area.width - Double(candidate - 1) * g) / Double(candidate) - 2 * KioskMetrics.buttonPadding
            for size in [5.5, 5.0] {
                let widest = languages.map {
                    canvas.measure($0.ownName, em: size, language: $0, maxWidth: 10_000).width
                }
                if (widest.max() ?? 0) <= width {
                    columns = candidate
                    em = size
                    break search
                }
            }
        }
        let buttonHeight =
            languages.map { canvas.measure($0.ownName, em: em, language: $0, maxWidth: 10_000).height + 2 }.max()
            .map { max($0, KioskMetrics.target + 1) } ?? KioskMetrics.target + 1
        let rows = max(1, Int((area.height + g) / (buttonHeight + g)))
        let perPage = rows * columns
        let pages = (languages.count + perPage - 1) / max(perPage, 1)
        let page = state.languagePage % max(pages, 1)
        let columnWidth = (area.width - Double(columns - 1) * g) / Double(columns)
        for (slot, language) in languages.dropFirst(page * perPage).prefix(perPage).enumerated() {
            let frame = Rect(
                x: area.x + Double(slot % columns) * (columnWidth + g),
                y: area.y + Double(slot / columns) * (buttonHeight + g),
                width: columnWidth,
                height: buttonHeight
            )
            canvas.button(
                .languageOption(language),
                id: "language.\(language.tag)",
                frame,
                label: language.ownName,
                kind: language == state.language ? .selected : .normal,
                language: language,
                em: em
            )
        }
        var actions = [Action(target: .back, id: "back", label: strings.back, kind: .normal)]
        if pages > 1 {
            // Page numbers and an arrow read the same in every language.
            let arrow = state.language.isRightToLeft ? "◀" : "▶"
            actions.insert(
                Action(
                    target: .moreLanguages,
                    id: "languages.more",
                    label: "\(page + 1)/\(pages) \(arrow)",
                    kind: .normal
                ),
                at: 0
            )
        }
        layoutActions(&canvas, actions, chrome, language: state.language)
    }

    func layoutIdlePrompt(_ canvas: inout KioskCanvas, _ state: KioskViewState) {
        let g = KioskMetrics.gap
        let m = KioskMetrics.margin * 2
        let strings = state.strings
        let width = canvas.width - 2 * m
        let countdownText = KioskStrings.formatted(strings.countdown, seconds: state.countdownSeconds)
        let buttonHeight = 24.0
        let countdown = canvas.fit(
            countdownText,
            width: width,
            maxHeight: 20,
            ems: [7, 6, 5],
            language: state.language
        )
        let question = canvas.fit(
            strings.needMoreTime,
            width: width,
            maxHeight: canvas.height - 2 * m - countdown.height - buttonHeight - 2 * g,
            ems: [12, 10, 9, 8],
            language: state.language,
            bold: true
        )
        let total = question.height + g + countdown.height + g + buttonHeight
        var y = max(m, (canvas.height - total) / 2)
        canvas.text(
            "idle.question",
            strings.needMoreTime,
            in: Rect(x: m, y: y, width: width, height: question.height),
            em: question.em,
            language: state.language,
            bold: true,
            alignment: .center
        )
        y += question.height + g
        canvas.text(
            "idle.countdown",
            countdownText,
            in: Rect(x: m, y: y, width: width, height: countdown.height),
            em: countdown.em,
            language: state.language,
            alignment: .center
        )
        y += countdown.height + g
        let buttonWidth = min(width, max(80, width * 0.6))
        canvas.button(
            .moreTime,
            id: "idle.moreTime",
            Rect(x: (canvas.width - buttonWidth) / 2, y: y, width: buttonWidth, height: buttonHeight),
            label: strings.moreTimeButton,
            kind: .primary,
            language: state.language
        )
    }

    /// The same for every rating: nothing here depends on the answer given.
    func layoutThankYou(_ canvas: inout KioskCanvas, _ state: KioskViewState) {
        let g = KioskMetrics.gap
        let m = KioskMetrics.margin * 2
        let strings = state.strings
        let width = canvas.width - 2 * m
        let detail = canvas.fit(
            strings.thankYouDetail,
            width: width,
            maxHeight: canvas.height / 3,
            ems: [8, 7, 6, 5],
            language: state.language
        )
        let title = canvas.fit(
            strings.thankYou,
            width: width,
            maxHeight: canvas.height - 2 * m - detail.height - g,
            ems: [20, 16, 14, 12, 10, 8],
            language: state.language,
            bold: true
        )
        let top = max(m, (canvas.height - title.height - g - detail.height) / 2)
        canvas.text(
            "thanks.title",
            strings.thankYou,
            in: Rect(x: m, y: top, width: width, height: title.height),
            em: title.em,
            language: state.language,
            bold: true,
            alignment: .center
        )
        canvas.text(
            "thanks.detail",
            strings.thankYouDetail,
            in: Rect(x: m, y: top + title.height + g, width: width, height: detail.height),
            em: detail.em,
            language: state.language,
            alignment: .center
        )
    }

    // MARK: - Staff (English, left to right)

    func layoutStaffPIN(_ canvas: inout KioskCanvas, _ state: KioskViewState, _ chrome: Chrome) {
        let g = KioskMetrics.gap
        let content = chrome.content
        let dots = String(repeating: "● ", count: state.pinLength)
        let line = state.pinRejected ? "Wrong PIN. Try again." : "Staff PIN: \(dots)"
        canvas.text(
            "pin.entry",
            line,
            in: Rect(x: content.x, y: content.y, width: content.width, height: 8),
            em: 5,
            language: .english
        )
        let area = Rect(x: content.x, y: content.y + 8 + g, width: content.width, height: content.height - 8 - g)
        let keyHeight = min(18, (area.height - 3 * g) / 4)
        let keyWidth = min(30, (area.width - 2 * g) / 3)
        let left = area.x + (area.width - 3 * keyWidth - 2 * g) / 2
        let labels: [(KioskTargetID, String, String)] =
            (1...9).map { (.pinDigit($0), "pin.\($0)", String($0)) } + [
                (.pinClear, "pin.clear", "Clear"), (.pinDigit(0), "pin.0", "0"), (.pinEnter, "pin.enter", "OK"),
            ]
        for (index, key) in labels.enumerated() {
            let frame = Rect(
                x: left + Double(index % 3) * (keyWidth + g),
                y: area.y + Double(index / 3) * (keyHeight + g),
                width: keyWidth,
                height: keyHeight
            )
            canvas.button(
                key.0,
                id: key.1,
                frame,
                label: key.2,
                kind: key.0 == .pinEnter ? .primary : .normal,
                language: .english,
                em: 5.5
            )
        }
        layoutActions(
            &canvas,
            [Action(target: .staffCancel, id: "staff.cancel", label: "Cancel", kind: .normal)],
            chrome,
            language: .english
        )
    }

    func layoutStaffStatus(_ canvas: inout KioskCanvas, _ state: KioskViewState, _ chrome: Chrome) {
        let g = KioskMetrics.gap
        let content = chrome.content
        let buttonHeight = KioskMetrics.target + 1
        let buttonsHeight = 2 * buttonHeight + g
        let linesArea = Rect(
            x: content.x,
            y: content.y,
            width: content.width,
            height: content.height - buttonsHeight - g
        )
        var lines = state.staffLines
        if let message = state.staffMessage { lines.insert(message, at: 0) }
        var y = linesArea.y
        for (index, line) in lines.enumerated() {
            let height = canvas.measure(line, em: 5, language: .english, maxWidth: linesArea.width).height
            guard y + height <= linesArea.maxY else { break }
            canvas.text(
                "status.\(index)",
                line,
                in: Rect(x: linesArea.x, y: y, width: linesArea.width, height: height),
                em: 5,
                language: .english
            )
            y += height + 1
        }
        let buttons: [(KioskTargetID, String, String, Bool)] = [
            (.calibrate, "status.calibrate", "Calibrate", false),
            (.audience(.standard), "status.standard", "Standard", state.audience == .standard),
            (.audience(.children), "status.children", "Children", state.audience == .children),
            (.audience(.easyRead), "status.easyRead", "Easy read", state.audience == .easyRead),
        ]
        let width = (content.width - g) / 2
        for (index, button) in buttons.enumerated() {
            let frame = Rect(
                x: content.x + Double(index % 2) * (width + g),
                y: content.maxY - buttonsHeight + Double(index / 2) * (buttonHeight + g),
                width: width,
                height: buttonHeight
            )
            canvas.button(
                button.0,
                id: button.1,
                frame,
                label: button.2,
                kind: button.3 ? .selected : .normal,
                language: .english
            )
        }
        layoutActions(
            &canvas,
            [Action(target: .staffExit, id: "staff.exit", label: "Exit", kind: .primary)],
            chrome,
            language: .english
        )
    }

    /// Where the calibration crosshairs sit, normalised to the screen.
    public static let calibrationTargets: [(x: Double, y: Double)] = [
        (0.12, 0.15), (0.88, 0.15), (0.88, 0.85), (0.12, 0.85),
    ]

    func layoutCalibration(_ canvas: inout KioskCanvas, _ state: KioskViewState) {
        let step = min(state.calibrationStep, Self.calibrationTargets.count - 1)
        let target = Self.calibrationTargets[step]
        let centre = Point(x: target.x * canvas.width, y: target.y * canvas.height)
        let arm = 8.0
        let cross: [PathElement] = [
            .move(to: Point(x: centre.x - arm, y: centre.y)), .line(to: Point(x: centre.x + arm, y: centre.y)),
            .move(to: Point(x: centre.x, y: centre.y - arm)), .line(to: Point(x: centre.x, y: centre.y + arm)),
        ]
        canvas.path(
            "calibration.cross",
            cross,
            bounds: Rect(x: centre.x - arm, y: centre.y - arm, width: 2 * arm, height: 2 * arm),
            fill: nil,
            stroke: NHSPalette.text,
            lineWidth: 0.6
        )
        let width = min(canvas.width * 0.5, 110)
        let text = "Touch the centre of the cross (\(step + 1) of \(Self.calibrationTargets.count))"
        let height = canvas.measure(text, em: 5, language: .english, maxWidth: width).height
        let top = canvas.height / 2 - height - 2
        canvas.text(
            "calibration.text",
            text,
            in: Rect(x: (canvas.width - width) / 2, y: top, width: width, height: height),
            em: 5,
            language: .english,
            alignment: .center
        )
        canvas.button(
            .calibrationCancel,
            id: "calibration.cancel",
            Rect(x: canvas.width / 2 - 20, y: canvas.height / 2 + 2, width: 40, height: 14),
            label: "Cancel",
            language: .english
        )
    }
}
