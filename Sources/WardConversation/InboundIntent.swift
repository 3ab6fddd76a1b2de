// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// What a patient's text asks for.
public enum InboundIntent: Hashable, Sendable {
    /// STOP, STOP ALL, UNSUBSCRIBE, END, CANCEL, QUIT, OPT OUT: no more texts.
    case stop
    /// START, UNSTOP, YES: texts again.
    case start
    /// HELP or INFO.
    case help
    /// A language keyword (ENGLISH, POLSKI, URDU, …): reply in that language from now on.
    case language(String)
    /// A Friends and Family Test answer, with whatever followed it as a comment.
    case score(FFTScore, comment: String?)
    /// A short acknowledgement ("thanks", "ok") that needs no answer.
    case acknowledgement
    /// Anything else: a comment.
    case freeText(String)

    /// Words for each keyword intent (normalised: lower case, no punctuation).
    static let stopPhrases: Set<String> = [
        "stop", "stop all", "stopall", "unsubscribe", "end", "cancel", "quit", "opt out", "optout", "stop please",
        "please stop",
    ]
    static let startPhrases: Set<String> = ["start", "unstop", "subscribe", "opt in", "optin"]
    static let helpPhrases: Set<String> = ["help", "info", "information"]
    static let acknowledgements: Set<String> = [
        "thanks", "thank you", "thankyou", "thx", "ta", "ok", "okay", "cheers", "thank you very much", "many thanks",
        "thanks very much",
    ]

    /// Answer phrases, longest first, for each score.
    static let scorePhrases: [(String, FFTScore)] = [
        ("neither good nor poor", .neitherGoodNorPoor), ("neither good or poor", .neitherGoodNorPoor),
        ("dont know", .dontKnow), ("do not know", .dontKnow), ("not sure", .dontKnow),
        ("very good", .veryGood), ("verygood", .veryGood), ("v good", .veryGood),
        ("very poor", .veryPoor), ("verypoor", .veryPoor), ("v poor", .veryPoor),
        ("neither", .neitherGoodNorPoor), ("good", .good), ("poor", .poor),
    ]

    /// Classifies a text.
    ///
    /// - Parameter languages: language keywords from the configuration, keyword → language code
    ///   (for example `"polski": "pl"`).
    public static func classify(_ text: String, languages: [String: String] = [:]) -> InboundIntent {
        let words = Normaliser.words(text)
        let joined = words.joined(separator: " ")
        if stopPhrases.contains(joined) { return .stop }
        if startPhrases.contains(joined) { return .start }
        if helpPhrases.contains(joined) { return .help }
        if let code = languages[joined] {
            return .language(code)
        }
        if let score = scoreAnswer(text, words: words) { return score }
        if words.isEmpty || acknowledgements.contains(joined) { return .acknowledgement }
        return .freeText(text.trimmingWhitespace())
    }

    /// A digit 1–6 first (then any comment), an exact answer phrase first (then any comment), or the whole
    /// text being an answer phrase with a typo.
    private static func scoreAnswer(_ text: String, words: [String]) -> InboundIntent? {
        guard let first = words.first else { return nil }
        if let digit = Int(first), let score = FFTScore(rawValue: digit) {
            return .score(score, comment: comment(after: first, in: text))
        }
        for length in stride(from: min(4, words.count), through: 1, by: -1) {
            let lead = words.prefix(length).joined(separator: " ")
            guard let score = scorePhrases.first(where: { $0.0 == lead })?.1 else { continue }
            let rest = comment(after: words[length - 1], in: text)
            // "Good, the staff…" is an answer with a comment; "good morning, when is visiting?" is not:
            // a one-word answer followed by more words needs punctuation between them.
            if rest != nil, length == 1, !followedByPunctuation(words[0], in: text) {
                return nil
            }
            return .score(score, comment: rest)
        }
        let whole = words.joined(separator: " ")
        guard words.count <= 5 else { return nil }
        for (phrase, score) in scorePhrases {
            // Typos: one edit for short phrases (same first letter, so "food" is not "good"), two for long ones.
            let limit = phrase.count >= 9 ? 2 : 1
            if phrase.first == whole.first, Normaliser.distance(whole, phrase, limit: limit) <= limit {
                return .score(score, comment: nil)
            }
        }
        return nil
    }

    /// True when the first non-space character after `word` is punctuation.
    private static func followedByPunctuation(_ word: String, in text: String) -> Bool {
        let lower = text.lowercased()
        guard let range = lower.firstRange(of: word) else { return false }
        let after = lower[range.upperBound...].drop { $0 == " " }
        guard let next = after.first else { return true }
        return !(next.isLetter || next.isNumber)
    }

    /// The text after the first occurrence of `word` (case-insensitive), trimmed of separators; nil if empty.
    private static func comment(after word: String, in text: String) -> String? {
        let lower = text.lowercased()
        var index = lower.startIndex
        var matched = 0
        let target = Array(word)
        // Walk the original text, skipping apostrophes and punctuation, until the word's characters are consumed.
        while index < lower.endIndex, matched < target.count {
            let character = lower[index]
            if character == target[matched] {
                matched += 1
            } else if character.isLetter || character.isNumber {
                matched = character == target[0] ? 1 : 0
            }
            index = lower.index(after: index)
        }
        let rest = text[index...].trimmingWhitespace()
        let trimmed = rest.drop { !($0.isLetter || $0.isNumber) }
        return trimmed.isEmpty ? nil : String(rest)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first,
            first.isWhitespace || first == "-" || first == ":" || first == "," || first == "."
        {
            slice.removeFirst()
        }
        while let last = slice.last, last.isWhitespace {
            slice.removeLast()
        }
        return String(slice)
    }
}
