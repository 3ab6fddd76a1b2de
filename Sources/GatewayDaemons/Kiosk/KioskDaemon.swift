// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import DeviceConfiguration
public import KioskRendering
public import KioskUI
public import Logging
public import MessageStore
public import ServiceLifecycle
public import ServiceSupport
import Synchronization

/// The ward kiosk as a service: touches in, the survey's state machine in the middle, pixels and stored answers out.
///
/// The state machine (`KioskStateMachine`) decides everything; this type only carries out its actions: it redraws
/// what changed (the draw lists' damage, rasterised by Cairo and Pango, then copied out by the display), stores each
/// answer in the shared database the moment it is submitted, and wakes for the machine's timers at their monotonic
/// deadlines. With no touch and no timer it sleeps: nothing polls but a look at the configuration files' metadata
/// every few seconds when it has a ``ConfigurationWatcher``.
///
/// Changed settings (the hub's managed settings, or an edited file) are taken only at rest, on the start screen
/// with no answer in progress: the survey starts again with them and is redrawn. A patient mid-answer finishes
/// with the settings they started with.
public final class KioskDaemon: Service, Sendable {
    private let settings: KioskSettings
    let watcher: ConfigurationWatcher?
    private let settingsCheckInterval: Duration
    private let display: any DisplaySurface
    private let touch: (any TouchInput)?
    private let store: MessageStore
    private let audio: (any AudioPrompter)?
    private let calibration: CalibrationMatrix
    private let onCalibration: @Sendable (CalibrationMatrix) -> Void
    private let statusLines: @Sendable () -> [String]
    private let measurer: PangoTextMeasurer
    let logger: Logger
    private let notifier: SystemdNotifier
    private let progress = Mutex(KioskStatistics())

    /// - Parameters:
    ///   - touch: nil for a display-only kiosk (snapshots, a panel whose touch is missing).
    ///   - calibration: the touchscreen calibration in use, which the staff calibration screen refines.
    ///   - onCalibration: called with a new calibration from the staff screen, to save it.
    ///   - statusLines: what the staff status screen shows (queue depths, last sync, and so on).
    ///   - watcher: where to look for changed settings every `settingsCheckInterval`; nil to keep `settings`.
    public init(
        settings: KioskSettings,
        display: any DisplaySurface,
        touch: (any TouchInput)?,
        store: MessageStore,
        audio: (any AudioPrompter)? = nil,
        calibration: CalibrationMatrix = .identity,
        onCalibration: @escaping @Sendable (CalibrationMatrix) -> Void = { _ in },
        statusLines: @escaping @Sendable () -> [String] = { [] },
        measurer: PangoTextMeasurer = .shared,
        logger: Logger = Logger(label: "careconnect.kiosk"),
        notifier: SystemdNotifier = SystemdNotifier(environment: [:]),
        watcher: ConfigurationWatcher? = nil,
        settingsCheckInterval: Duration = .seconds(5)
    ) {
        self.settings = settings
        self.watcher = watcher
        self.settingsCheckInterval = settingsCheckInterval
        self.display = display
        self.touch = touch
        self.store = store
        self.audio = audio
        self.calibration = calibration
        self.onCalibration = onCalibration
        self.statusLines = statusLines
        self.measurer = measurer
        self.logger = logger
        self.notifier = notifier
    }

    /// Counters for tests, benchmarks and the status line.
    public var statistics: KioskStatistics { progress.withLock { $0 } }

    enum Input: Sendable {
        case touch(TouchFrame)
        case alarm
        /// Time to look for changed settings.
        case settingsCheck
    }

    public func run() async throws {
        let previous = try store.lastKioskResponseTime()
        var machine = KioskStateMachine(
            settings: settings,
            panel: display.panel,
            measurer: measurer,
            environment: .live,
            calibration: calibration,
            previousSubmission: previous,
            now: MonotonicTime.now()
        )
        let image = RasterImage(size: display.panel.size)
        let renderer = try CairoRenderer(image: image, measurer: measurer)
        var shown: DrawList?

        func draw() throws {
            let list = machine.drawList
            let damage = list.damage(comparedTo: shown)
            guard !damage.isEmpty else { return }
            let clock = ContinuousClock()
            let started = clock.now
            renderer.render(list, damage: damage)
            try display.present(image, damage: damage)
            let elapsed = clock.now - started
            shown = list
            progress.withLock { statistics in
                statistics.frames += 1
                statistics.damagedPixels += damage.reduce(0) { $0 + $1.area }
                statistics.lastFrameTime = elapsed
            }
        }

        let (inputs, continuation) = AsyncStream<Input>.makeStream(bufferingPolicy: .unbounded)
        let alarm = KioskAlarm { continuation.yield(.alarm) }

        func perform(_ actions: [KioskAction]) throws {
            var redraw = false
            for action in actions {
                switch action {
                case .redraw:
                    redraw = true
                case .scheduleTimer, .cancelTimer:
                    break
                case .submit(let response):
                    try store.recordKioskResponse(KioskResponseRecord(response))
                    progress.withLock { $0.responses += 1 }
                    logger.info(
                        "answer stored",
                        metadata: [
                            "rating": "\(response.rating.rawValue)", "language": "\(response.language)",
                            "comment": "\(response.comment == nil ? "no" : "yes")",
                            "suspect_repeat": "\(response.suspectRepeat)",
                        ]
                    )
                case .playAudio(let prompt):
                    audio?.play(prompt)
                case .stopAudio:
                    audio?.stop()
                case .saveCalibration(let matrix):
                    logger.notice("touch calibration changed", metadata: ["matrix": "\(matrix.values)"])
                    onCalibration(matrix)
                }
            }
            // The staff screen's status is read from the database when something happened, not on every touch frame.
            if machine.screen.isStaffScreen && !actions.isEmpty {
                _ = machine.updateStaffStatus(statusLines())
                redraw = true
            }
            if redraw { try draw() }
            alarm.set(machine.deadlines.values.min())
        }

        /// Settings waiting for the kiosk to be at rest, with the managed settings' etag.
        var pending: (settings: KioskSettings, etag: String?)?

        func applyPendingAtRest() throws {
            guard let next = pending, machine.isAtRest else { return }
            pending = nil
            guard next.settings != machine.settings else { return }
            machine = KioskStateMachine(
                settings: next.settings,
                panel: display.panel,
                measurer: measurer,
                environment: machine.environment,
                calibration: machine.calibration,
                previousSubmission: try store.lastKioskResponseTime(),
                now: MonotonicTime.now()
            )
            try perform([.redraw])
            progress.withLock { $0.settingsReloads += 1 }
            logger.notice(
                "settings reloaded",
                metadata: [
                    "etag": "\(next.etag ?? "none")", "ward": "\(next.settings.wardName)",
                    "language": "\(next.settings.defaultLanguage.tag)",
                ]
            )
        }

        try draw()
        let firstLayout = machine.layout
        let firstLanguage = machine.language.tag
        progress.withLock {
            $0.language = firstLanguage
            $0.targets = firstLayout.targets
            $0.staffCorner = firstLayout.staffCorner
        }
        try? notifier.ready(
            status: "kiosk showing the survey on \(display.panel.size.width)×\(display.panel.size.height)"
        )
        logger.info(
            "kiosk ready",
            metadata: [
                "panel": "\(display.panel.size.width)x\(display.panel.size.height)",
                "mm": "\(Int(display.panel.millimetres.width))x\(Int(display.panel.millimetres.height))",
                "touch": "\(touch == nil ? "none" : "yes")",
            ]
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let touch {
                group.addTask {
                    for await frame in touch.frames() {
                        // Restamped on arrival so taps and timers share one clock whatever the source.
                        continuation.yield(.touch(TouchFrame(contacts: frame.contacts, timestamp: MonotonicTime.now())))
                    }
                }
            }
            if watcher != nil {
                group.addTask { [settingsCheckInterval] in
                    while !Task.isCancelled {
                        try await Task.sleep(for: settingsCheckInterval)
                        continuation.yield(.settingsCheck)
                    }
                }
            }
            if let interval = notifier.watchdogInterval {
                group.addTask { [notifier] in
                    while !Task.isCancelled {
                        try? notifier.watchdog()
                        try await Task.sleep(for: .seconds(interval))
                    }
                }
            }
            for await input in inputs.cancelOnGracefulShutdown() {
                let actions: [KioskAction]
                switch input {
                case .touch(let frame):
                    progress.withLock { $0.touchFrames += 1 }
                    actions = machine.touch(frame)
                case .alarm:
                    let now = MonotonicTime.now()
                    actions = machine.deadlines.filter { $0.value <= now }.keys.sorted { $0.rawValue < $1.rawValue }
                        .flatMap { machine.timerFired($0, now: now) }
                    progress.withLock { $0.wakeUps += 1 }
                case .settingsCheck:
                    actions = []
                    if let changed = changedSettings(current: pending?.settings ?? machine.settings) {
                        pending = changed
                    }
                }
                try perform(actions)
                try applyPendingAtRest()
                let layout = machine.layout
                progress.withLock {
                    $0.screen = machine.screen.rawValue
                    $0.language = machine.language.tag
                    $0.targets = layout.targets
                    $0.staffCorner = layout.staffCorner
                }
            }
            group.cancelAll()
        }
        try? notifier.stopping()
        alarm.set(nil)
        audio?.stop()
    }
}

/// What the kiosk has done since it started.
public struct KioskStatistics: Hashable, Sendable {
    /// Frames drawn (each copies only its damaged rectangles).
    public var frames = 0
    /// Pixels redrawn, summed over frames.
    public var damagedPixels = 0
    /// How long the last frame took to rasterise and copy out.
    public var lastFrameTime: Duration = .zero
    public var touchFrames = 0
    /// Timer wake-ups (an idle kiosk has none).
    public var wakeUps = 0
    /// Answers stored.
    public var responses = 0
    /// The screen showing now.
    public var screen = "question"
    /// The language showing now.
    public var language = "en"
    /// Changed settings taken while running.
    public var settingsReloads = 0
    /// Where its touch targets are (logical pixels), for scripted walk-throughs and tests.
    public var targets: [KioskTarget] = []
    /// Where three quick taps open the staff PIN pad.
    public var staffCorner: Rect?

    /// The centre of target `id` on the current screen, if it is there.
    public func centre(of id: KioskTargetID) -> Point? {
        guard let frame = targets.first(where: { $0.id == id })?.frame else { return nil }
        return Point(x: frame.x + frame.width / 2, y: frame.y + frame.height / 2)
    }
}
