// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The kiosk's timers. There is at most one of each; scheduling one again moves its deadline.
public enum KioskTimer: String, Hashable, Sendable, CaseIterable {
    /// Inactivity on a survey screen (leads to the "Do you need more time?" prompt) or a staff screen.
    case idle
    /// Once a second while the prompt counts down.
    case countdown
    /// The end of the thank-you screen.
    case thankYou
}

/// What the kiosk's driver must do after an input.
public enum KioskAction: Hashable, Sendable {
    /// The screen changed: draw `layout.drawList`, redrawing `damage(comparedTo:)` of the previous list.
    case redraw
    /// Call `timerFired(_:now:)` at the monotonic `deadline` (replacing any earlier deadline for the timer).
    case scheduleTimer(KioskTimer, deadline: Duration)
    case cancelTimer(KioskTimer)
    /// Store this response (rating and comment in one record).
    case submit(KioskResponse)
    /// Play the recording for a screen through the `AudioPrompter`.
    case playAudio(AudioPrompt)
    case stopAudio
    /// Use and save this touchscreen calibration (libinput's six numbers).
    case saveCalibration(CalibrationMatrix)
}
