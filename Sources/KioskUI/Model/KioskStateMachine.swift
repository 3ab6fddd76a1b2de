// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// The kiosk's behaviour as a pure value: inputs (touch frames, taps, timer fires, staff status) go in, and actions
/// (redraw, timers, submissions, audio, calibration) come out. The driver around it does all I/O.
///
/// Time is monotonic (`Duration` since an arbitrary origin, the same clock as `TouchFrame.timestamp`).
///
/// A rating counts only once Next is tapped. The rating and the comment are submitted together, in one
/// `KioskResponse`, when the free-text screen is sent or skipped. If the free-text screens time out, the rating
/// (already committed with Next) is submitted without the comment, which is discarded with everything else on
/// screen. A rating that was chosen but not committed is discarded on timeout.
public struct KioskStateMachine: Sendable {
    public internal(set) var settings: KioskSettings
    public let engine: KioskLayoutEngine
    public let environment: KioskEnvironment
    /// The touchscreen calibration in use (the driver applies it before touches reach the machine).
    public internal(set) var calibration: CalibrationMatrix

    public internal(set) var screen: KioskScreen = .question
    public internal(set) var language: KioskLanguage
    public internal(set) var audience: AudienceMode
    public internal(set) var selectedRating: FFTRating?
    /// The rating committed with Next, waiting for the free text.
    public internal(set) var committedRating: FFTRating?
    public internal(set) var comment = ""
    public internal(set) var categories: Set<FeedbackCategory> = []
    /// Whether anyone has touched the survey since it last started again.
    public internal(set) var isSessionActive = false
    /// How many times in a row more time was asked for.
    public internal(set) var extensionsUsed = 0
    /// The timers the driver should have running, with their deadlines.
    public internal(set) var deadlines: [KioskTimer: Duration] = [:]
    public internal(set) var staffLines: [String] = []

    var keyboardLayer: KeyboardLayer = .letters
    var shifted = false
    var topicsPage = 0
    var languagePage = 0
    var returnScreen: KioskScreen = .question
    var promptDeadline: Duration = .zero
    var pinEntry = ""
    var pinRejected = false
    var staffMessage: String?
    var calibrationSamples: [CalibrationSolver.Sample] = []
    var cornerTaps: [Duration] = []
    var lastSubmission: Duration?
    var recognizer: TapRecognizer<KioskTargetID>
    private var cache: (state: KioskViewState, layout: KioskScreenLayout)?
    /// Layouts of recently shown states, since patients move back and forth between a few screens.
    private var recentLayouts: [KioskViewState: KioskScreenLayout] = [:]

    /// A kiosk on its start screen.
    ///
    /// - Parameters:
    ///   - previousSubmission: when the last response was submitted before a restart, for the repeat check.
    ///   - now: the current monotonic time.
    public init(
        settings: KioskSettings,
        panel: PanelGeometry,
        measurer: any TextMeasuring = EstimatingTextMeasurer(),
        environment: KioskEnvironment = .live,
        calibration: CalibrationMatrix = .identity,
        previousSubmission: Date? = nil,
        now: Duration
    ) {
        self.settings = settings
        self.engine = KioskLayoutEngine(panel: panel, measurer: measurer)
        self.environment = environment
        self.calibration = calibration
        self.language = settings.defaultLanguage
        self.audience = settings.audience
        self.recognizer = TapRecognizer(debounceInterval: settings.debounceInterval)
        if let previousSubmission {
            let age = environment.wallClock().timeIntervalSince(previousSubmission)
            if age >= 0 && age < 86_400 { lastSubmission = now - .milliseconds(Int64(age * 1000)) }
        }
        refreshLayout()
    }

    // MARK: - What is on screen

    /// Everything that decides the current screen's appearance.
    public var viewState: KioskViewState {
        KioskViewState(
            screen: screen,
            language: language,
            audience: audience,
            idleSeconds: Int(settings.idleTimeout.components.seconds),
            selectedRating: selectedRating,
            comment: comment,
            categories: categories,
            keyboardLayer: keyboardLayer,
            shifted: shifted,
            topicsPage: topicsPage,
            countdownSeconds: countdownSeconds,
            enabledLanguages: settings.enabledLanguages,
            pinLength: pinEntry.count,
            pinRejected: pinRejected,
            staffLines: screen == .staffStatus
                ? staffLines + ["Calibration: " + calibration.values.map { format($0) }.joined(separator: " ")] : [],
            staffMessage: staffMessage,
            calibrationStep: calibrationSamples.count,
            languagePage: languagePage
        )
    }

    /// The current screen laid out: its draw list and targets. Every input that changes what is on screen lays
    /// the screen out again before it returns.
    public var layout: KioskScreenLayout { cache?.layout ?? engine.layout(viewState) }

    /// The current screen's draw list.
    public var drawList: DrawList { layout.drawList }

    /// Seconds left on the idle prompt's countdown.
    public internal(set) var countdownSeconds = 30

    mutating func refreshLayout() {
        let state = viewState
        if let cache, cache.state == state { return }
        if let recent = recentLayouts[state] {
            cache = (state, recent)
            return
        }
        let fresh = engine.layout(state, after: cache)
        if recentLayouts.count >= 256 { recentLayouts.removeAll(keepingCapacity: true) }
        recentLayouts[state] = fresh
        cache = (state, fresh)
    }

    private func format(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded() / 10_000
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }

    // MARK: - Inputs

    /// Feeds one touch frame; completed taps activate targets.
    public mutating func touch(_ frame: TouchFrame) -> [KioskAction] {
        let size = Size(width: Double(engine.panel.size.width), height: Double(engine.panel.size.height))
        let current = layout
        guard let event = recognizer.handle(frame, screenSize: size, targetAt: { current.target(at: $0) }) else {
            return []
        }
        switch event {
        case .activate(let target, _): return activate(target, now: frame.timestamp)
        case .background(let point): return backgroundTap(at: point, now: frame.timestamp)
        }
    }

    /// A finger pressed and lifted at `point` (logical pixels) at `now`: two touch frames.
    public mutating func tap(at point: Point, now: Duration) -> [KioskAction] {
        let size = engine.panel.size
        let contact = TouchContact(id: 0, x: point.x / Double(size.width), y: point.y / Double(size.height))
        let down = touch(TouchFrame(contacts: [contact], timestamp: now))
        return down + touch(TouchFrame(contacts: [], timestamp: now))
    }

    /// Replaces the staff screen's status lines (queue depth, last sync…).
    public mutating func updateStaffStatus(_ lines: [String]) -> [KioskAction] {
        staffLines = lines
        return changed()
    }

    /// Changes the settings (for example after staff edit the configuration); the kiosk starts again.
    public mutating func updateSettings(_ settings: KioskSettings, now: Duration) -> [KioskAction] {
        self.settings = settings
        recognizer.debounceInterval = settings.debounceInterval
        audience = settings.audience
        return startAgain(now: now, submittingCommitted: false)
    }

    /// A timer's deadline came. Stale fires (for a deadline that moved or was cancelled) are ignored.
    public mutating func timerFired(_ timer: KioskTimer, now: Duration) -> [KioskAction] {
        guard let deadline = deadlines[timer], now >= deadline else { return [] }
        deadlines[timer] = nil
        switch timer {
        case .thankYou:
            return startAgain(now: now, submittingCommitted: false)
        case .idle:
            if screen.isStaffScreen { return startAgain(now: now, submittingCommitted: false) }
            guard isSessionActive, screen.isPatientScreen else { return [] }
            returnScreen = screen
            screen = .idlePrompt
            recognizer.cancelGesture()
            promptDeadline = now + settings.idlePromptCountdown
            countdownSeconds = seconds(settings.idlePromptCountdown)
            return [.stopAudio] + schedule(.countdown, at: nextTick(now: now)) + changed()
        case .countdown:
            guard screen == .idlePrompt else { return [] }
            if now >= promptDeadline { return startAgain(now: now, submittingCommitted: true) }
            countdownSeconds = seconds(promptDeadline - now)
            return schedule(.countdown, at: nextTick(now: now)) + changed()
        }
    }

    private func seconds(_ duration: Duration) -> Int {
        let (whole, fraction) = duration.components
        return Int(whole) + (fraction > 0 ? 1 : 0)
    }

    private func nextTick(now: Duration) -> Duration {
        let remaining = promptDeadline - now
        let (whole, fraction) = remaining.components
        let untilWhole = fraction > 0 ? Duration(secondsComponent: 0, attosecondsComponent: fraction) : .seconds(1)
        return whole == 0 && fraction > 0 ? promptDeadline : now + min(untilWhole, remaining)
    }

    // MARK: - Helpers for the activation handlers

    mutating func schedule(_ timer: KioskTimer, at deadline: Duration) -> [KioskAction] {
        deadlines[timer] = deadline
        return [.scheduleTimer(timer, deadline: deadline)]
    }

    mutating func cancel(_ timer: KioskTimer) -> [KioskAction] {
        guard deadlines.removeValue(forKey: timer) != nil else { return [] }
        return [.cancelTimer(timer)]
    }

    /// Refreshes the layout and asks for a redraw when the draw list changed.
    mutating func changed() -> [KioskAction] {
        let before = cache?.layout.drawList
        refreshLayout()
        return before == cache?.layout.drawList ? [] : [.redraw]
    }

    /// Back to the start screen in the default language with nothing kept. When `submittingCommitted`, a rating
    /// already committed with Next is submitted without its comment first.
    mutating func startAgain(now: Duration, submittingCommitted: Bool) -> [KioskAction] {
        var actions: [KioskAction] = [.stopAudio]
        if submittingCommitted, let rating = committedRating {
            actions.append(.submit(makeResponse(rating: rating, comment: nil, categories: [], now: now)))
        }
        for timer in KioskTimer.allCases { actions += cancel(timer) }
        screen = .question
        language = settings.defaultLanguage
        audience = settings.audience
        selectedRating = nil
        committedRating = nil
        comment = ""
        categories = []
        keyboardLayer = .letters
        shifted = false
        topicsPage = 0
        returnScreen = .question
        pinEntry = ""
        pinRejected = false
        staffMessage = nil
        calibrationSamples = []
        cornerTaps = []
        extensionsUsed = 0
        isSessionActive = false
        countdownSeconds = seconds(settings.idlePromptCountdown)
        recognizer.cancelGesture()
        return actions + changed()
    }

    mutating func makeResponse(
        rating: FFTRating,
        comment: String?,
        categories: Set<FeedbackCategory>,
        now: Duration
    ) -> KioskResponse {
        let date = environment.wallClock()
        let offset = environment.timeZone.secondsFromGMT(for: date)
        let suspect = lastSubmission.map { now - $0 < settings.suspectRepeatWindow && now >= $0 } ?? false
        lastSubmission = now
        let trimmed = comment.map { text in
            String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        }
        return KioskResponse(
            id: environment.makeID(),
            submittedAt: date,
            localTimestamp: KioskResponse.localTimestamp(for: date, offsetSeconds: offset),
            utcOffsetSeconds: offset,
            trustODSCode: settings.trustODSCode,
            siteCode: settings.siteCode,
            wardName: settings.wardName,
            specialtyCodes: settings.specialtyCodes,
            surveyVersion: settings.surveyVersion,
            language: language.tag,
            audience: audience,
            mode: settings.mode,
            rating: rating,
            comment: (trimmed?.isEmpty ?? true) ? nil : trimmed,
            categories: FeedbackCategory.allCases.filter { categories.contains($0) },
            suspectRepeat: suspect
        )
    }
}
