// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

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
/// deadlines. With no touch and no timer it sleeps: nothing polls.
public final class KioskDaemon: Service, Sendable {
    private let settings: KioskSettings
    private let display: any DisplaySurface
    private let touch: (any TouchInput)?
    private let store: MessageStore
    private let audio: (any AudioPrompter)?
    private let calibration: CalibrationMatrix
    private let onCalibration: @Sendable (CalibrationMatrix) -> Void
    private let statusLines: @Sendable () -> [String]
    private let measurer: PangoTextMeasurer
    private let logger: Logger
    private let notifier: SystemdNotifier
    private let progress = Mutex(KioskStatistics())

    /// - Parameters:
    ///   - touch: nil for a display-only kiosk (snapshots, a panel whose touch is missing).
    ///   - calibration: the touchscreen calibration in use, which the staff calibration screen refines.
    ///   - onCalibration: called with a new calibration from the staff screen, to save it.
    ///   - statusLines: what the staff status screen shows (queue depths, last sync, and so on).
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
        notifier: SystemdNotifier = SystemdNotifier(environment: [:])
    ) {
        self.settings = settings
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

        try draw()
        let firstLayout = machine.layout
        progress.withLock {
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
                }
                try perform(actions)
                let layout = machine.layout
                progress.withLock {
                    $0.screen = machine.screen.rawValue
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
