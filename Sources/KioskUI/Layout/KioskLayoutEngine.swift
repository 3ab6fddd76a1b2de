// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Lays out every kiosk screen for a panel, in millimetres, and produces its draw list and touch targets.
///
/// Landscape panels put Language, Listen and the screen's actions (Next, Send, Done…) in a blue rail on the trailing
/// side; portrait panels put Language and Listen in a blue bar at the top and the actions in a row at the bottom. The
/// whole layout mirrors for right-to-left languages. When the question and its six answers cannot all be shown at
/// their minimum sizes, the start screen shows the question with an Answer button, and the answers follow on
/// their own screen.
public struct KioskLayoutEngine: Sendable {
    public let panel: PanelGeometry
    public let measurer: any TextMeasuring
    let memo = LayoutMemo()

    public init(panel: PanelGeometry, measurer: any TextMeasuring = EstimatingTextMeasurer()) {
        self.panel = panel
        self.measurer = measurer
    }

    /// The screen for `state`.
    public func layout(_ state: KioskViewState) -> KioskScreenLayout {
        let mirrored = state.screen.isStaffScreen ? false : state.language.isRightToLeft
        var canvas = KioskCanvas(panel: panel, measurer: measurer, mirrored: mirrored)
        var staffCorner: Rect?
        switch state.screen {
        case .thankYou:
            layoutThankYou(&canvas, state)
        case .idlePrompt:
            layoutIdlePrompt(&canvas, state)
        case .calibration:
            layoutCalibration(&canvas, state)
        default:
            let chrome = layoutChrome(&canvas, state)
            staffCorner = state.screen.isPatientScreen ? canvas.pixels(chrome.staffCorner) : nil
            switch state.screen {
            case .question: layoutQuestion(&canvas, state, chrome)
            case .answers: layoutAnswers(&canvas, state, chrome)
            case .freeText: layoutFreeText(&canvas, state, chrome)
            case .keyboard: layoutKeyboard(&canvas, state, chrome)
            case .topics: layoutTopics(&canvas, state, chrome)
            case .languagePicker: layoutLanguagePicker(&canvas, state, chrome)
            case .staffPIN: layoutStaffPIN(&canvas, state, chrome)
            default: layoutStaffStatus(&canvas, state, chrome)
            }
        }
        return KioskScreenLayout(
            drawList: canvas.drawList(),
            targets: canvas.targets,
            staffCorner: staffCorner,
            overflowingText: canvas.overflows
        )
    }

    /// Whether the question, the inactivity statement and the six answers fit on one screen in `language`.
    public func questionFitsWithAnswers(language: KioskLanguage, audience: AudienceMode = .standard) -> Bool {
        var canvas = KioskCanvas(panel: panel, measurer: measurer, mirrored: false)
        let state = KioskViewState(screen: .question, language: language, audience: audience)
        let chrome = layoutChrome(&canvas, state)
        return combinedQuestionPlan(canvas, state, chrome.content) != nil
    }

    // MARK: - Chrome

    /// Where a screen's own content and its actions go.
    struct Chrome {
        var content: Rect
        /// The rail's free area (landscape) or the bottom action row (portrait).
        var actions: Rect
        var actionsInRail: Bool
        var staffCorner: Rect
    }

    var isLandscape: Bool { panel.millimetres.width > panel.millimetres.height }

    func layoutChrome(_ canvas: inout KioskCanvas, _ state: KioskViewState) -> Chrome {
        let m = KioskMetrics.margin
        let g = KioskMetrics.gap
        let w = canvas.width
        let h = canvas.height
        let strings = state.strings
        let patient = state.screen.isPatientScreen
        let language = state.screen.isStaffScreen ? KioskLanguage.english : state.language
        if isLandscape {
            let railWidth = min(max(w * 0.26, 32), 46)
            let rail = Rect(x: w - railWidth, y: 0, width: railWidth, height: h)
            canvas.rectangle("chrome.rail", rail, fill: NHSPalette.blue)
            var y = m
            let inner = railWidth - 2 * m
            if patient {
                for (id, target, label) in [
                    ("chrome.language", KioskTargetID.language, strings.language),
                    ("chrome.listen", .listen, strings.listen),
                ] {
                    let labelHeight = canvas.fit(
                        label,
                        width: inner - 2 * KioskMetrics.buttonPadding,
                        maxHeight: KioskMetrics.target,
                        ems: KioskMetrics.buttonEms,
                        language: language
                    ).height
                    let height = max(KioskMetrics.target, labelHeight + 1.5)
                    canvas.button(
                        target,
                        id: id,
                        Rect(x: rail.x + m, y: y, width: inner, height: height),
                        label: label,
                        language: language
                    )
                    y += height + g
                }
            }
            return Chrome(
                content: Rect(x: m, y: m, width: w - railWidth - 2 * m, height: h - 2 * m),
                actions: Rect(x: rail.x + m, y: y, width: inner, height: h - m - y),
                actionsInRail: true,
                staffCorner: Rect(x: 0, y: 0, width: 14, height: 14)
            )
        }
        let bar = KioskMetrics.portraitBar
        canvas.rectangle("chrome.bar", Rect(x: 0, y: 0, width: w, height: bar), fill: NHSPalette.blue)
        if patient {
            var x = w - m
            for (id, target, label) in [
                ("chrome.language", KioskTargetID.language, strings.language),
                ("chrome.listen", .listen, strings.listen),
            ] {
                let labelWidth = canvas.measure(
                    label,
                    em: KioskMetrics.buttonEms.last!,
                    language: language,
                    maxWidth: .infinity
                ).width
                let width = min(max(24, labelWidth + 2 * KioskMetrics.buttonPadding + 1), (w - 20 - 3 * g) / 2)
                x -= width
                canvas.button(
                    target,
                    id: id,
                    Rect(x: x, y: (bar - KioskMetrics.target - 1) / 2, width: width, height: KioskMetrics.target + 1),
                    label: label,
                    language: language
                )
                x -= g
            }
        }
        let rowHeight = 16.0
        let content = Rect(x: m, y: bar + m, width: w - 2 * m, height: h - bar - 2 * m - rowHeight - g)
        return Chrome(
            content: content,
            actions: Rect(x: m, y: h - m - rowHeight, width: w - 2 * m, height: rowHeight),
            actionsInRail: false,
            staffCorner: Rect(x: 0, y: 0, width: 15, height: bar)
        )
    }

    /// One action button.
    struct Action {
        var target: KioskTargetID
        var id: String
        var label: String
        var kind: KioskCanvas.ButtonKind
    }

    /// Places actions in the rail (stacked from the bottom, the last one lowest) or in the bottom row (from the
    /// trailing edge, the last one outermost).
    func layoutActions(
        _ canvas: inout KioskCanvas,
        _ actions: [Action],
        _ chrome: Chrome,
        language: KioskLanguage
    ) {
        let g = KioskMetrics.gap
        let area = chrome.actions
        if chrome.actionsInRail {
            var bottom = area.maxY
            for action in actions.reversed() {
                let labelHeight = canvas.fit(
                    action.label,
                    width: area.width - 2 * KioskMetrics.buttonPadding,
                    maxHeight: 14,
                    ems: KioskMetrics.buttonEms,
                    language: language,
                    bold: true
                ).height
                let height = max(14, labelHeight + 2)
                canvas.button(
                    action.target,
                    id: action.id,
                    Rect(x: area.x, y: bottom - height, width: area.width, height: height),
                    label: action.label,
                    kind: action.kind,
                    language: language
                )
                bottom -= height + g
            }
            return
        }
        let count = Double(actions.count)
        let maxWidth = (area.width - (count - 1) * g) / max(count, 1)
        var right = area.maxX
        for action in actions.reversed() {
            let labelWidth = canvas.measure(
                action.label,
                em: KioskMetrics.buttonEms[0],
                language: language,
                bold: true,
                maxWidth: .infinity
            ).width
            let width = min(max(30, labelWidth + 2 * KioskMetrics.buttonPadding + 2), maxWidth)
            canvas.button(
                action.target,
                id: action.id,
                Rect(x: right - width, y: area.y, width: width, height: area.height),
                label: action.label,
                kind: action.kind,
                language: language
            )
            right -= width + g
        }
    }
}
