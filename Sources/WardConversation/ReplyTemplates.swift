// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The texts the ward sends, in one language. `{ward}` is replaced by the ward's name.
public struct ReplyTemplates: Hashable, Sendable, Codable {
    /// After a score: thanks, and the one free-text follow-up question.
    public var thanksAndFollowUp: String
    /// After the follow-up comment, or free text on its own.
    public var thanksForComment: String
    /// Confirms STOP.
    public var stopped: String
    /// Confirms START.
    public var started: String
    /// Answers HELP.
    public var help: String
    /// Confirms a change of language (sent in the new language).
    public var languageChosen: String

    public init(
        thanksAndFollowUp: String,
        thanksForComment: String,
        stopped: String,
        started: String,
        help: String,
        languageChosen: String
    ) {
        self.thanksAndFollowUp = thanksAndFollowUp
        self.thanksForComment = thanksForComment
        self.stopped = stopped
        self.started = started
        self.help = help
        self.languageChosen = languageChosen
    }

    /// English.
    public static let english = ReplyTemplates(
        thanksAndFollowUp: "Thank you for your feedback about {ward}. What was good, or what could we do better?",
        thanksForComment: "Thank you. Your comments go to the {ward} team, who read every one.",
        stopped: "You will get no more texts from {ward} feedback. Text START to change your mind.",
        started: "Welcome back to {ward} feedback. Overall, how was your experience? Reply 1 Very good, 2 Good, "
            + "3 Neither good nor poor, 4 Poor, 5 Very poor, 6 Don't know.",
        help: "{ward} feedback: how was your experience? Reply 1 Very good, 2 Good, 3 Neither good nor poor, "
            + "4 Poor, 5 Very poor, 6 Don't know, or tell us in your own words. STOP to opt out.",
        languageChosen: "We will reply in English. Overall, how was your experience of {ward}? Reply 1 to 6."
    )

    /// Polish.
    public static let polish = ReplyTemplates(
        thanksAndFollowUp: "Dziękujemy za opinię o {ward}. Co było dobre, a co możemy poprawić?",
        thanksForComment: "Dziękujemy. Zespół {ward} czyta każdą opinię.",
        stopped: "Nie otrzymasz więcej wiadomości od {ward}. Wyślij START, aby to zmienić.",
        started: "Witamy ponownie. Jak ogólnie oceniasz pobyt na {ward}? Odpowiedz 1 Bardzo dobrze, 2 Dobrze, "
            + "3 Ani dobrze, ani źle, 4 Źle, 5 Bardzo źle, 6 Nie wiem.",
        help: "Opinie {ward}: odpowiedz 1 Bardzo dobrze, 2 Dobrze, 3 Ani dobrze, ani źle, 4 Źle, 5 Bardzo źle, "
            + "6 Nie wiem, lub napisz własnymi słowami. STOP, aby zrezygnować.",
        languageChosen: "Będziemy odpowiadać po polsku. Jak ogólnie oceniasz pobyt na {ward}? Odpowiedz 1–6."
    )

    /// Urdu.
    public static let urdu = ReplyTemplates(
        thanksAndFollowUp: "{ward} کے بارے میں آپ کی رائے کا شکریہ۔ کیا اچھا تھا، یا ہم کیا بہتر کر سکتے ہیں؟",
        thanksForComment: "شکریہ۔ {ward} کی ٹیم ہر رائے پڑھتی ہے۔",
        stopped: "آپ کو {ward} سے مزید پیغامات نہیں ملیں گے۔ دوبارہ شروع کرنے کے لیے START لکھیں۔",
        started: "خوش آمدید۔ {ward} میں آپ کا تجربہ کیسا رہا؟ 1 بہت اچھا، 2 اچھا، 3 نہ اچھا نہ برا، 4 برا، "
            + "5 بہت برا، 6 معلوم نہیں۔",
        help:
            "{ward} رائے: 1 بہت اچھا، 2 اچھا، 3 نہ اچھا نہ برا، 4 برا، 5 بہت برا، 6 معلوم نہیں، یا اپنے الفاظ میں لکھیں۔ "
            + "رکنے کے لیے STOP لکھیں۔",
        languageChosen: "ہم اردو میں جواب دیں گے۔ {ward} میں آپ کا تجربہ کیسا رہا؟ 1 سے 6 تک جواب دیں۔"
    )

    /// The built-in languages, by code.
    public static let builtIn: [String: ReplyTemplates] = ["en": .english, "pl": .polish, "ur": .urdu]

    /// The built-in language keywords, normalised, → language code.
    public static let builtInKeywords: [String: String] = [
        "english": "en", "polski": "pl", "polish": "pl", "urdu": "ur", "اردو": "ur",
    ]
}
