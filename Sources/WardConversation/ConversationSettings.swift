// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// How the ward's text conversation behaves; loaded from the configuration file, with these defaults.
public struct ConversationSettings: Hashable, Sendable {
    /// The ward's name as patients know it, used in replies.
    public var wardName: String = "the ward"
    /// The language used until a patient chooses another.
    public var defaultLanguage: String = "en"
    /// Reply texts by language code.
    public var templates: [String: ReplyTemplates] = ReplyTemplates.builtIn
    /// Keyword (normalised, lower case) → language code.
    public var languageKeywords: [String: String] = ReplyTemplates.builtInKeywords
    /// Most replies to one number in any hour.
    public var maximumRepliesPerHour: Int = 4
    /// Most replies to one number in any day.
    public var maximumRepliesPerDay: Int = 12
    /// An identical text from the same number within this many seconds is recorded but not answered again.
    public var duplicateWindowSeconds: Int = 120
    /// Send a thank-you after the follow-up comment (and after free text on its own).
    public var thankForComments: Bool = true
    /// Confirm STOP with one last text.
    public var confirmStop: Bool = true

    public init() {}

    /// The templates for a language, falling back to the default language, then English.
    public func templates(for language: String?) -> ReplyTemplates {
        templates[language ?? defaultLanguage] ?? templates[defaultLanguage] ?? .english
    }
}
