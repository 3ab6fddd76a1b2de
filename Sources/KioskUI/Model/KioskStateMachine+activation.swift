// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension KioskStateMachine {
    /// How long the staff screens wait before returning to the start screen.
    public static let staffTimeout = Duration.seconds(120)
    /// Three taps in the staff corner within this time open the PIN pad.
    public static let staffGestureWindow = Duration.seconds(2)

    /// Activates `target` at `now`, as a completed tap on it does. Targets not on the current screen are ignored.
    public mutating func activate(_ target: KioskTargetID, now: Duration) -> [KioskAction] {
        guard screen != .thankYou, layout.target(target) != nil else { return [] }
        if screen == .idlePrompt {
            guard target == .moreTime, extensionsUsed < settings.maximumExtensions else { return [] }
            extensionsUsed += 1
            screen = returnScreen
            return cancel(.countdown) + schedule(.idle, at: now + idleTimeout) + changed()
        }
        let before = screen
        var actions: [KioskAction] = []
        if screen.isPatientScreen {
            isSessionActive = true
            extensionsUsed = 0
        }
        switch target {
        case .answer(let rating): selectedRating = rating
        case .next:
            guard let rating = selectedRating else { break }
            committedRating = rating
            screen = .freeText
        case .start: screen = .answers
        case .back: screen = screen == .languagePicker ? returnScreen : .question
        case .listen: actions.append(.playAudio(AudioPrompt(screen: screen, language: language, audience: audience)))
        case .language:
            returnScreen = screen
            languagePage = 0
            screen = .languagePicker
        case .moreLanguages:
            languagePage += 1
        case .languageOption(let chosen):
            language = chosen
            screen = returnScreen
            keyboardLayer = .letters
            if screen == .keyboard && !chosen.usesLatinKeyboard { screen = .freeText }
        case .commentField: screen = .keyboard
        case .chooseTopics: screen = .topics
        case .key(let key): type(key)
        case .keyboardDone: screen = .freeText
        case .chip(let category):
            if categories.remove(category) == nil { categories.insert(category) }
        case .moreTopics: topicsPage += 1
        case .topicsDone:
            screen = .freeText
            topicsPage = 0
        case .skip, .submit:
            guard let rating = committedRating else { return startAgain(now: now, submittingCommitted: false) }
            let response =
                target == .submit
                ? makeResponse(rating: rating, comment: comment, categories: categories, now: now)
                : makeResponse(rating: rating, comment: nil, categories: [], now: now)
            return showThanks(after: response, now: now)
        case .moreTime: break
        case .pinDigit(let digit):
            if pinEntry.count < 12 { pinEntry += String(digit) }
            pinRejected = false
        case .pinClear:
            pinEntry = ""
            pinRejected = false
        case .pinEnter:
            if !pinEntry.isEmpty && pinEntry == settings.staffPIN {
                screen = .staffStatus
            } else {
                pinRejected = true
            }
            pinEntry = ""
        case .staffCancel, .staffExit: return startAgain(now: now, submittingCommitted: false)
        case .calibrate:
            calibrationSamples = []
            staffMessage = nil
            screen = .calibration
        case .audience(let mode):
            audience = mode
            settings.audience = mode
        case .calibrationCancel: screen = .staffStatus
        }
        if screen != before {
            actions.insert(.stopAudio, at: 0)
            recognizer.cancelGesture()
        }
        return actions + rescheduleIdle(now: now) + changed()
    }

    /// A tap that hit no target: a calibration sample, or part of the staff gesture.
    mutating func backgroundTap(at point: Point, now: Duration) -> [KioskAction] {
        let size = engine.panel.size
        if screen == .calibration {
            let target = KioskLayoutEngine.calibrationTargets[calibrationSamples.count]
            calibrationSamples.append(
                CalibrationSolver.Sample(
                    targetX: target.x,
                    targetY: target.y,
                    touchedX: point.x / Double(size.width),
                    touchedY: point.y / Double(size.height)
                )
            )
            var actions: [KioskAction] = []
            if calibrationSamples.count == KioskLayoutEngine.calibrationTargets.count {
                if let matrix = CalibrationSolver.recalibrate(calibration, samples: calibrationSamples) {
                    calibration = matrix
                    staffMessage = "Calibration saved."
                    actions.append(.saveCalibration(matrix))
                } else {
                    staffMessage = "Calibration failed: the touches did not match the crosses. Try again."
                }
                calibrationSamples = []
                screen = .staffStatus
            }
            return actions + rescheduleIdle(now: now) + changed()
        }
        guard screen.isPatientScreen else { return rescheduleIdle(now: now) }
        if !settings.staffPIN.isEmpty, let corner = layout.staffCorner, corner.contains(point) {
            cornerTaps = cornerTaps.filter { now - $0 < Self.staffGestureWindow } + [now]
            if cornerTaps.count >= 3 {
                cornerTaps = []
                pinEntry = ""
                pinRejected = false
                screen = .staffPIN
                return [.stopAudio] + rescheduleIdle(now: now) + changed()
            }
        }
        return rescheduleIdle(now: now)
    }

    /// The inactivity timeout for the current screen.
    var idleTimeout: Duration {
        if screen.isStaffScreen { return Self.staffTimeout }
        return screen.isFreeText ? settings.freeTextIdleTimeout : settings.idleTimeout
    }

    mutating func rescheduleIdle(now: Duration) -> [KioskAction] {
        if screen.isStaffScreen || (screen.isPatientScreen && isSessionActive) {
            return schedule(.idle, at: now + idleTimeout)
        }
        return cancel(.idle)
    }

    mutating func type(_ key: KeyboardKey) {
        switch key {
        case .character(let text):
            if comment.count < 1000 { comment += text }
            shifted = false
        case .shift: shifted.toggle()
        case .layer(let layer): keyboardLayer = layer
        case .space:
            if comment.count < 1000 { comment += " " }
        case .backspace:
            if !comment.isEmpty { comment.removeLast() }
        }
    }

    /// Submits `response` and shows the thank-you screen, discarding everything the patient entered.
    mutating func showThanks(after response: KioskResponse, now: Duration) -> [KioskAction] {
        var actions: [KioskAction] = [.stopAudio, .submit(response)]
        actions += cancel(.idle)
        actions += cancel(.countdown)
        screen = .thankYou
        selectedRating = nil
        committedRating = nil
        comment = ""
        categories = []
        keyboardLayer = .letters
        shifted = false
        topicsPage = 0
        recognizer.cancelGesture()
        actions += schedule(.thankYou, at: now + settings.thankYouDuration)
        return actions + changed()
    }
}
