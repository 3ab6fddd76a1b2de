// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension KioskStateMachine {
    /// Every screen in a typical state, named, for snapshots (`careconnect kiosk --snapshot DIR`) and tests.
    ///
    /// The names are `start`, `answer-selected`, `answers` (only where the answers have their own screen),
    /// `free-text`, `free-text-typing`, `keyboard`, `topics`, `thank-you`, `idle-prompt`, `language-picker`,
    /// `staff-pin`, `staff-status` and `calibration`.
    public static func sampleStates(
        settings: KioskSettings,
        language: KioskLanguage,
        panel: PanelGeometry,
        measurer: any TextMeasuring = EstimatingTextMeasurer()
    ) -> [(name: String, state: KioskViewState)] {
        let engine = KioskLayoutEngine(panel: panel, measurer: measurer)
        let base = KioskViewState(
            screen: .question,
            language: language,
            audience: settings.audience,
            idleSeconds: Int(settings.idleTimeout.components.seconds),
            countdownSeconds: Int(settings.idlePromptCountdown.components.seconds),
            enabledLanguages: settings.enabledLanguages
        )
        func with(_ change: (inout KioskViewState) -> Void) -> KioskViewState {
            var state = base
            change(&state)
            return state
        }
        var samples: [(name: String, state: KioskViewState)] = [("start", base)]
        if engine.questionFitsWithAnswers(language: language, audience: settings.audience) {
            samples.append(("answer-selected", with { $0.selectedRating = .good }))
        } else {
            samples.append(("answers", with { $0.screen = .answers }))
            samples.append(
                (
                    "answer-selected",
                    with {
                        $0.screen = .answers
                        $0.selectedRating = .good
                    }
                )
            )
        }
        samples.append(("free-text", with { $0.screen = .freeText }))
        let typed = language.usesLatinKeyboard ? "The nurses were kind" : ""
        samples.append(
            (
                "free-text-typing",
                with {
                    $0.screen = .freeText
                    $0.comment = typed
                    $0.categories = [.staff, .food]
                }
            )
        )
        if language.usesLatinKeyboard {
            samples.append(
                (
                    "keyboard",
                    with {
                        $0.screen = .keyboard
                        $0.comment = typed
                    }
                )
            )
        }
        samples.append(
            (
                "topics",
                with {
                    $0.screen = .topics
                    $0.categories = [.staff]
                }
            )
        )
        samples.append(("thank-you", with { $0.screen = .thankYou }))
        samples.append(("idle-prompt", with { $0.screen = .idlePrompt }))
        samples.append(("language-picker", with { $0.screen = .languagePicker }))
        samples.append(
            (
                "staff-pin",
                with {
                    $0.screen = .staffPIN
                    $0.pinLength = 2
                }
            )
        )
        samples.append(
            (
                "staff-status",
                with {
                    $0.screen = .staffStatus
                    $0.staffLines = ["Queue: 3 responses waiting", "Last sync: 2026-11-25 09:14", "Modem: registered"]
                }
            )
        )
        samples.append(("calibration", with { $0.screen = .calibration }))
        return samples
    }
}
