// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A language the kiosk offers, with what the renderer needs to set it well.
public enum KioskLanguage: String, CaseIterable, Hashable, Sendable {
    case english = "en"
    case polish = "pl"
    case romanian = "ro"
    case panjabi = "pa-Guru"
    case urdu = "ur"
    case portuguese = "pt"
    case spanish = "es"
    case arabic = "ar"
    case bengali = "bn"
    case gujarati = "gu"
    case somali = "so"
    case chineseSimplified = "zh-Hans"
    case italian = "it"

    /// The BCP 47 tag, stored with each response and passed to the text shaper.
    public var tag: String { rawValue }

    /// The language's name in itself, as the language list shows it.
    public var ownName: String {
        switch self {
        case .english: "English"
        case .polish: "Polski"
        case .romanian: "Română"
        case .panjabi: "ਪੰਜਾਬੀ"
        case .urdu: "اردو"
        case .portuguese: "Português"
        case .spanish: "Español"
        case .arabic: "العربية"
        case .bengali: "বাংলা"
        case .gujarati: "ગુજરાતી"
        case .somali: "Soomaali"
        case .chineseSimplified: "中文（简体）"
        case .italian: "Italiano"
        }
    }

    /// Whether the language is written right to left (the layout mirrors).
    public var isRightToLeft: Bool { self == .urdu || self == .arabic }

    /// The paragraph direction for text in this language.
    public var direction: TextStyle.Direction { isRightToLeft ? .rightToLeft : .leftToRight }

    /// A fontconfig family list with a script-specific face first and Noto Sans for Latin runs and digits.
    public var fontFamily: String {
        switch self {
        case .urdu: "Noto Nastaliq Urdu, Noto Sans"
        case .arabic: "Noto Naskh Arabic, Noto Sans"
        case .bengali: "Noto Sans Bengali, Noto Sans"
        case .panjabi: "Noto Sans Gurmukhi, Noto Sans"
        case .gujarati: "Noto Sans Gujarati, Noto Sans"
        case .chineseSimplified: "Noto Sans CJK SC, Noto Sans"
        default: "Noto Sans"
        }
    }

    /// The line height multiple: at least 1.5 for Nastaliq and the Indic scripts, whose marks stack high and low.
    public var lineSpacing: Double {
        switch self {
        case .urdu, .bengali, .panjabi, .gujarati: 1.6
        case .arabic: 1.4
        default: 1.2
        }
    }

    /// Whether the language is written in the Latin alphabet, so the on-screen keyboard can serve it.
    public var usesLatinKeyboard: Bool {
        switch self {
        case .english, .polish, .romanian, .portuguese, .spanish, .somali, .italian: true
        default: false
        }
    }

    /// Accented letters (lower case) offered on the keyboard's accents layer for this language.
    public var accentedLetters: [String] {
        switch self {
        case .polish: ["ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż"]
        case .romanian: ["ă", "â", "î", "ș", "ț"]
        case .portuguese: ["á", "â", "ã", "à", "ç", "é", "ê", "í", "ó", "ô", "õ", "ú"]
        case .spanish: ["á", "é", "í", "ñ", "ó", "ú", "ü", "¿", "¡"]
        case .italian: ["à", "è", "é", "ì", "ò", "ù"]
        default: ["à", "á", "è", "é", "ï", "ö", "ü"]
        }
    }
}
