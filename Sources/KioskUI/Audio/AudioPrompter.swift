// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Plays the prerecorded spoken version of a screen (the Listen button), through the speaker and headphone jack.
public protocol AudioPrompter: AnyObject, Sendable {
    /// Starts playing `prompt`, stopping anything already playing.
    func play(_ prompt: AudioPrompt)
    /// Stops playback, if any.
    func stop()
}

/// Which recording to play: a screen in a language.
public struct AudioPrompt: Hashable, Sendable {
    public var screen: KioskScreen
    public var language: KioskLanguage
    public var audience: AudienceMode

    public init(screen: KioskScreen, language: KioskLanguage, audience: AudienceMode = .standard) {
        self.screen = screen
        self.language = language
        self.audience = audience
    }

    /// A file name for the recording, for example `question.en.standard.ogg`.
    public var fileName: String { "\(screen.rawValue).\(language.tag).\(audience.rawValue).ogg" }
}
