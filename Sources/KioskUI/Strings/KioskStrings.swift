// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Every text a patient sees, in one language and audience mode.
///
/// Texts with a `{seconds}` placeholder are filled in by `formatted(_:seconds:)`. The English wording aims at a
/// reading age of 9 to 11; the FFT question and its six answers are the national wording.
public struct KioskStrings: Hashable, Sendable {
    /// The FFT question, shown first.
    public var question: String
    /// The six answers in FFT order: Very good, Good, Neither good nor poor, Poor, Very poor, Don't know.
    public var answers: [String]
    /// Shown on the question screen: how long the screen waits before it starts again (`{seconds}`).
    public var idleStatement: String
    /// The button that opens the answers on panels too small to show the question and answers together.
    public var start: String
    public var next: String
    public var back: String
    public var skip: String
    public var submit: String
    public var done: String
    public var listen: String
    /// The label of the button that opens the language list, in the current language.
    public var language: String
    public var chooseLanguage: String
    /// The free-text question.
    public var freeTextPrompt: String
    /// The privacy warning on the free-text screen.
    public var personalDetailsWarning: String
    /// The empty text field's hint (the field opens the keyboard).
    public var typeComment: String
    /// The button that opens the topic chips.
    public var chooseTopics: String
    /// The heading above the topic chips.
    public var topicsHeading: String
    /// Shows the next page of topic chips.
    public var moreTopics: String
    public var thankYou: String
    public var thankYouDetail: String
    public var needMoreTime: String
    /// The idle prompt's single button.
    public var moreTimeButton: String
    /// The idle prompt's countdown (`{seconds}`).
    public var countdown: String
    /// Readable labels for the topic chips.
    public var categories: [FeedbackCategory: String]

    public init(
        question: String,
        answers: [String],
        idleStatement: String,
        start: String,
        next: String,
        back: String,
        skip: String,
        submit: String,
        done: String,
        listen: String,
        language: String,
        chooseLanguage: String,
        freeTextPrompt: String,
        personalDetailsWarning: String,
        typeComment: String,
        chooseTopics: String,
        topicsHeading: String,
        moreTopics: String,
        thankYou: String,
        thankYouDetail: String,
        needMoreTime: String,
        moreTimeButton: String,
        countdown: String,
        categories: [FeedbackCategory: String]
    ) {
        self.question = question
        self.answers = answers
        self.idleStatement = idleStatement
        self.start = start
        self.next = next
        self.back = back
        self.skip = skip
        self.submit = submit
        self.done = done
        self.listen = listen
        self.language = language
        self.chooseLanguage = chooseLanguage
        self.freeTextPrompt = freeTextPrompt
        self.personalDetailsWarning = personalDetailsWarning
        self.typeComment = typeComment
        self.chooseTopics = chooseTopics
        self.topicsHeading = topicsHeading
        self.moreTopics = moreTopics
        self.thankYou = thankYou
        self.thankYouDetail = thankYouDetail
        self.needMoreTime = needMoreTime
        self.moreTimeButton = moreTimeButton
        self.countdown = countdown
        self.categories = categories
    }

    /// The catalog for `language` in `audience` mode. Children's and easy-read wording exist in English; other
    /// languages use their standard wording in every mode.
    public static func catalog(for language: KioskLanguage, audience: AudienceMode = .standard) -> KioskStrings {
        switch (language, audience) {
        case (.english, .children): .englishChildren
        case (.english, .easyRead): .englishEasyRead
        case (.english, _): .english
        case (.polish, _): .polish
        case (.romanian, _): .romanian
        case (.panjabi, _): .panjabi
        case (.urdu, _): .urdu
        case (.portuguese, _): .portuguese
        case (.spanish, _): .spanish
        case (.arabic, _): .arabic
        case (.bengali, _): .bengali
        case (.gujarati, _): .gujarati
        case (.somali, _): .somali
        case (.chineseSimplified, _): .chineseSimplified
        case (.italian, _): .italian
        }
    }

    /// `text` with `{seconds}` replaced by the number.
    public static func formatted(_ text: String, seconds: Int) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: "{seconds}") {
            result += rest[rest.startIndex..<range.lowerBound]
            result += String(seconds)
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// The label for `category`, or its code when a catalog lacks it.
    public func label(for category: FeedbackCategory) -> String {
        categories[category] ?? category.rawValue
    }
}
