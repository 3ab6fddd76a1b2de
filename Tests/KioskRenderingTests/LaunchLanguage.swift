// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

/// A language the kiosk launches with, a sample sentence in it, and the style it is set in.
struct LaunchLanguage: CustomTestStringConvertible, Sendable {
    var name: String
    var sample: String
    var style: TextStyle

    var testDescription: String { name }

    private static func latin(_ language: String) -> TextStyle {
        TextStyle(fontFamily: "Noto Sans", pixelSize: 32, language: language)
    }

    private static func script(_ family: String, _ language: String, rightToLeft: Bool = false) -> TextStyle {
        TextStyle(
            fontFamily: "\(family), Noto Sans",
            pixelSize: 32,
            lineSpacing: 1.5,
            direction: rightToLeft ? .rightToLeft : .leftToRight,
            language: language
        )
    }

    static let all: [LaunchLanguage] = [
        LaunchLanguage(name: "English", sample: "How was your care on Oak Ward today?", style: latin("en")),
        LaunchLanguage(name: "Polish", sample: "Jak oceniasz opiekę? Zażółć gęślą jaźń: ąęłńóśźż", style: latin("pl")),
        LaunchLanguage(name: "Romanian", sample: "Cum a fost îngrijirea? ășțâî ȘȚĂÂÎ", style: latin("ro")),
        LaunchLanguage(
            name: "Panjabi",
            sample: "ਅੱਜ ਤੁਹਾਡੀ ਦੇਖਭਾਲ ਕਿਵੇਂ ਸੀ?",
            style: script("Noto Sans Gurmukhi", "pa-Guru")
        ),
        LaunchLanguage(
            name: "Urdu",
            sample: "آج آپ کی دیکھ بھال کیسی تھی؟",
            style: script("Noto Nastaliq Urdu", "ur", rightToLeft: true)
        ),
        LaunchLanguage(name: "Portuguese", sample: "Como foi o seu atendimento hoje? ãõçáéê", style: latin("pt")),
        LaunchLanguage(name: "Spanish", sample: "¿Cómo fue su atención hoy? ñáéíóú", style: latin("es")),
        LaunchLanguage(
            name: "Arabic",
            sample: "كيف كانت رعايتك اليوم؟",
            style: script("Noto Naskh Arabic", "ar", rightToLeft: true)
        ),
        LaunchLanguage(
            name: "Bengali",
            sample: "আজ আপনার যত্ন কেমন ছিল?",
            style: script("Noto Sans Bengali", "bn")
        ),
        LaunchLanguage(
            name: "Gujarati",
            sample: "આજે તમારી સંભાળ કેવી હતી?",
            style: script("Noto Sans Gujarati", "gu")
        ),
        LaunchLanguage(name: "Somali", sample: "Sidee ahayd daryeelkaaga maanta?", style: latin("so")),
        LaunchLanguage(name: "Chinese", sample: "您今天的护理怎么样？", style: script("Noto Sans CJK SC", "zh-Hans")),
        LaunchLanguage(name: "Italian", sample: "Com'è stata la sua assistenza oggi? àèéìòù", style: latin("it")),
    ]
}
