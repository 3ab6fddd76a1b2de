// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Everything that decides how the current screen looks. Two equal view states draw identical screens.
public struct KioskViewState: Hashable, Sendable {
    public var screen: KioskScreen
    public var language: KioskLanguage
    public var audience: AudienceMode
    public var idleSeconds: Int
    public var selectedRating: FFTRating?
    public var comment: String
    public var categories: Set<FeedbackCategory>
    public var keyboardLayer: KeyboardLayer
    public var shifted: Bool
    public var topicsPage: Int
    /// Which page of the language list shows, on panels where it needs more than one.
    public var languagePage: Int
    public var countdownSeconds: Int
    public var enabledLanguages: [KioskLanguage]
    public var pinLength: Int
    public var pinRejected: Bool
    public var staffLines: [String]
    public var staffMessage: String?
    public var calibrationStep: Int

    public init(
        screen: KioskScreen = .question,
        language: KioskLanguage = .english,
        audience: AudienceMode = .standard,
        idleSeconds: Int = 60,
        selectedRating: FFTRating? = nil,
        comment: String = "",
        categories: Set<FeedbackCategory> = [],
        keyboardLayer: KeyboardLayer = .letters,
        shifted: Bool = false,
        topicsPage: Int = 0,
        countdownSeconds: Int = 30,
        enabledLanguages: [KioskLanguage] = KioskLanguage.allCases,
        pinLength: Int = 0,
        pinRejected: Bool = false,
        staffLines: [String] = [],
        staffMessage: String? = nil,
        calibrationStep: Int = 0,
        languagePage: Int = 0
    ) {
        self.screen = screen
        self.language = language
        self.audience = audience
        self.idleSeconds = idleSeconds
        self.selectedRating = selectedRating
        self.comment = comment
        self.categories = categories
        self.keyboardLayer = keyboardLayer
        self.shifted = shifted
        self.topicsPage = topicsPage
        self.languagePage = languagePage
        self.countdownSeconds = countdownSeconds
        self.enabledLanguages = enabledLanguages
        self.pinLength = pinLength
        self.pinRejected = pinRejected
        self.staffLines = staffLines
        self.staffMessage = staffMessage
        self.calibrationStep = calibrationStep
    }

    /// The strings for this state's language and audience.
    public var strings: KioskStrings { KioskStrings.catalog(for: language, audience: audience) }
}
