// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension KioskStrings {
    /// Topic labels in `FeedbackCategory.allCases` order.
    static func categories(_ labels: [String]) -> [FeedbackCategory: String] {
        Dictionary(uniqueKeysWithValues: zip(FeedbackCategory.allCases, labels))
    }

    static let englishCategories = categories([
        "Staff", "Getting here and access", "Waiting and delays", "Treatment and care", "Being kept informed",
        "Cleanliness", "Equipment", "Medicines", "Dignity and respect", "Parking", "Lost property", "Food and drink",
        "Something else",
    ])

    /// The national FFT wording.
    public static let english = KioskStrings(
        question: "Overall, how was your experience of our service?",
        answers: ["Very good", "Good", "Neither good nor poor", "Poor", "Very poor", "Don't know"],
        idleStatement: "This screen starts again after {seconds} seconds without a touch.",
        start: "Answer",
        next: "Next",
        back: "Back",
        skip: "Skip",
        submit: "Send",
        done: "Done",
        listen: "Listen",
        language: "Language",
        chooseLanguage: "Choose your language",
        freeTextPrompt: "What was good, or what could we do better?",
        personalDetailsWarning: "Please don't include names or personal details.",
        typeComment: "Touch here to type",
        chooseTopics: "Choose topics",
        topicsHeading: "What is it about?",
        moreTopics: "More topics",
        thankYou: "Thank you",
        thankYouDetail: "Your feedback helps us make care better.",
        needMoreTime: "Do you need more time?",
        moreTimeButton: "Yes, more time",
        countdown: "Starting again in {seconds} seconds",
        categories: englishCategories
    )

    /// Simpler words for children, in the spirit of Picker's children's FFT form.
    public static let englishChildren = KioskStrings(
        question: "How was your time with us?",
        answers: ["Very good", "Good", "Not good and not bad", "Bad", "Very bad", "I don't know"],
        idleStatement: "If nobody touches this screen for {seconds} seconds, it starts again.",
        start: "Answer",
        next: "Next",
        back: "Back",
        skip: "Skip",
        submit: "Send",
        done: "Done",
        listen: "Listen",
        language: "Language",
        chooseLanguage: "Choose your language",
        freeTextPrompt: "What was good? What could be better?",
        personalDetailsWarning: "Please don't write anyone's name.",
        typeComment: "Touch here to type",
        chooseTopics: "Choose what it was about",
        topicsHeading: "What was it about?",
        moreTopics: "More",
        thankYou: "Thank you!",
        thankYouDetail: "You helped us today.",
        needMoreTime: "Do you need more time?",
        moreTimeButton: "Yes, more time",
        countdown: "Starting again in {seconds} seconds",
        categories: categories([
            "The people who looked after me", "Getting here", "Waiting", "My care", "Being told what was happening",
            "Clean or dirty", "Things we used", "Medicines", "Being treated kindly", "Parking", "Lost things",
            "Food and drink", "Something else",
        ])
    )

    /// Easy read: short sentences and everyday words.
    public static let englishEasyRead = KioskStrings(
        question: "Overall, how was your experience of our service?",
        answers: ["Very good", "Good", "Not good, not poor", "Poor", "Very poor", "Don't know"],
        idleStatement: "This screen starts again after {seconds} seconds if you do not touch it.",
        start: "Answer",
        next: "Next",
        back: "Back",
        skip: "Skip",
        submit: "Send",
        done: "Done",
        listen: "Listen",
        language: "Language",
        chooseLanguage: "Choose your language",
        freeTextPrompt: "Tell us what was good. Tell us what was bad.",
        personalDetailsWarning: "Do not write names. Do not write your address.",
        typeComment: "Touch here to write",
        chooseTopics: "Choose a topic",
        topicsHeading: "What is it about?",
        moreTopics: "More",
        thankYou: "Thank you",
        thankYouDetail: "We will read what you told us.",
        needMoreTime: "Do you need more time?",
        moreTimeButton: "Yes, more time",
        countdown: "Starting again in {seconds} seconds",
        categories: englishCategories
    )
}
