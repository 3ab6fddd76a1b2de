// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Everything on the kiosk that can be touched.
public enum KioskTargetID: Hashable, Sendable {
    case answer(FFTRating)
    case next
    /// Opens the answers on panels that show the question on its own first.
    case start
    case back
    case skip
    case submit
    case listen
    case language
    case languageOption(KioskLanguage)
    /// The comment field on the free-text screen (opens the keyboard).
    case commentField
    case chooseTopics
    case key(KeyboardKey)
    case keyboardDone
    case chip(FeedbackCategory)
    case moreTopics
    /// The next page of the language list.
    case moreLanguages
    case topicsDone
    /// The idle prompt's single button.
    case moreTime
    case pinDigit(Int)
    case pinClear
    case pinEnter
    case staffCancel
    case calibrate
    case audience(AudienceMode)
    case staffExit
    case calibrationCancel
}

/// A key of the on-screen keyboard.
public enum KeyboardKey: Hashable, Sendable {
    case character(String)
    case shift
    case layer(KeyboardLayer)
    case space
    case backspace
}

/// The keyboard's layers: letters, the language's accented letters, digits and punctuation.
public enum KeyboardLayer: String, Hashable, Sendable, CaseIterable {
    case letters
    case accents
    case numbers
}

/// A touch target as laid out: its identity and its rectangle in logical pixels and in millimetres on the panel.
public struct KioskTarget: Hashable, Sendable {
    public var id: KioskTargetID
    /// Logical pixels (after mirroring for right-to-left languages).
    public var frame: Rect
    /// Millimetres from the panel's top-left corner.
    public var millimetres: Rect

    public init(id: KioskTargetID, frame: Rect, millimetres: Rect) {
        self.id = id
        self.frame = frame
        self.millimetres = millimetres
    }
}
