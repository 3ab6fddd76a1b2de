// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// How one ward's kiosk is set up: who it reports for, its languages and its timings.
public struct KioskSettings: Hashable, Sendable {
    public var wardName: String
    /// The trust's ODS code (3 or 5 characters).
    public var trustODSCode: String
    public var siteCode: String
    /// Treatment specialty codes (FFT `Spec 1`, `Spec 2`).
    public var specialtyCodes: [String]
    public var surveyVersion: String
    /// The FFT collection mode recorded with each response.
    public var mode: String
    /// The language each new patient sees first (the kiosk always resets to it).
    public var defaultLanguage: KioskLanguage
    /// The languages in the language list, in order.
    public var enabledLanguages: [KioskLanguage]
    public var audience: AudienceMode
    /// Inactivity before the "Do you need more time?" prompt on question screens.
    public var idleTimeout: Duration
    /// Inactivity before the prompt on the free-text screens.
    public var freeTextIdleTimeout: Duration
    /// How long the prompt counts down before the kiosk starts again.
    public var idlePromptCountdown: Duration
    /// How many times a patient may ask for more time in a row.
    public var maximumExtensions: Int
    public var thankYouDuration: Duration
    /// A submission this soon after the previous one is marked `suspectRepeat`.
    public var suspectRepeatWindow: Duration
    /// A second activation this soon after the previous one is ignored.
    public var debounceInterval: Duration
    /// The staff screen's PIN; empty turns the staff gesture off.
    public var staffPIN: String
    /// Height of the panel's visible bottom edge above the floor, when known, for the reach check.
    public var mountHeightMillimetres: Double?

    public init(
        wardName: String = "Ward",
        trustODSCode: String = "",
        siteCode: String = "",
        specialtyCodes: [String] = [],
        surveyVersion: String = "fft-2020",
        mode: String = "Electronic Discharge",
        defaultLanguage: KioskLanguage = .english,
        enabledLanguages: [KioskLanguage] = KioskLanguage.allCases,
        audience: AudienceMode = .standard,
        idleTimeout: Duration = .seconds(60),
        freeTextIdleTimeout: Duration = .seconds(120),
        idlePromptCountdown: Duration = .seconds(30),
        maximumExtensions: Int = 10,
        thankYouDuration: Duration = .seconds(5),
        suspectRepeatWindow: Duration = .seconds(20),
        debounceInterval: Duration = .milliseconds(300),
        staffPIN: String = "2468",
        mountHeightMillimetres: Double? = nil
    ) {
        self.wardName = wardName
        self.trustODSCode = trustODSCode
        self.siteCode = siteCode
        self.specialtyCodes = specialtyCodes
        self.surveyVersion = surveyVersion
        self.mode = mode
        self.defaultLanguage = defaultLanguage
        self.enabledLanguages = enabledLanguages
        self.audience = audience
        self.idleTimeout = idleTimeout
        self.freeTextIdleTimeout = freeTextIdleTimeout
        self.idlePromptCountdown = idlePromptCountdown
        self.maximumExtensions = maximumExtensions
        self.thankYouDuration = thankYouDuration
        self.suspectRepeatWindow = suspectRepeatWindow
        self.debounceInterval = debounceInterval
        self.staffPIN = staffPIN
        self.mountHeightMillimetres = mountHeightMillimetres
    }
}
