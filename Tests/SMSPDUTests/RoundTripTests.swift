// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import PropertyBased
import Testing

@testable import SMSPDU

/// Property tests: for random text from every alphabet, encoding then decoding gives the text back.
@Suite struct RoundTripTests {
    static let gsmBasic = Array(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
            .unicodeScalars
    ).map(Character.init)
    static let gsmExtension = Array("^{}\\[~]|€\u{0C}").map { $0 }
    static let unicode = Array("ąćęłńóśźżşğıăâîșțãõç Ελληνικά Привет 你好世界 مرحبا اردو বাংলা ગુજરાતી ਪੰਜਾਬੀ ✓…“”😀👍🏥💊🇬🇧")
    static let turkish = Array("abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ .,!?€")

    private func reassemble(_ parts: [EncodedPart]) throws -> (text: String, alphabets: Set<String>) {
        var text = ""
        var alphabets = Set<String>()
        for (index, part) in parts.enumerated() {
            let pdu = try PDU.decode(hex: part.hex)
            guard let userData = pdu.userData else { continue }
            alphabets.insert(userData.dataCoding.alphabet.rawValue)
            if parts.count > 1 {
                #expect(userData.header?.concatenation?.part == index + 1)
                #expect(userData.header?.concatenation?.total == parts.count)
            }
            #expect(part.length * 2 + 2 == part.hex.count)
            text += userData.text ?? ""
        }
        return (text, alphabets)
    }

    @Test func gsm7TextRoundTrips() async {
        let characters = Self.gsmBasic + Self.gsmExtension
        await propertyCheck(count: 300, input: Gen.element(of: characters).compactMap { $0 }.array(of: 0...700)) {
            chars in
            let text = String(chars)
            let parts = try MessageEncoder.submit(text: text, to: PhoneAddress(number: "+447700900123"))
            let (decoded, alphabets) = try reassemble(parts)
            #expect(decoded == text)
            #expect(alphabets == ["gsm7"])
        }
    }

    @Test func unicodeTextRoundTrips() async {
        let characters = Self.unicode + Self.gsmBasic
        await propertyCheck(count: 300, input: Gen.element(of: characters).compactMap { $0 }.array(of: 1...400)) {
            chars in
            let text = String(chars) + "😀"
            let parts = try MessageEncoder.deliver(
                text: text,
                from: PhoneAddress(number: "+447700900123"),
                timestamp: SMSTimestamp(secondsSince1970: 1_790_000_000, utcOffsetQuarterHours: 4)
            )
            let (decoded, alphabets) = try reassemble(parts)
            #expect(decoded == text)
            #expect(alphabets == ["ucs2"])
        }
    }

    @Test func nationalLanguageTextRoundTrips() async {
        await propertyCheck(count: 200, input: Gen.element(of: Self.turkish).compactMap { $0 }.array(of: 1...500)) {
            chars in
            let text = String(chars)
            var options = MessageEncoder.Options()
            options.nationalLanguages = [.turkish]
            options.concatenationReference = 77
            let parts = try MessageEncoder.submit(
                text: text,
                to: PhoneAddress(number: "+905321234567"),
                options: options
            )
            let (decoded, _) = try reassemble(parts)
            #expect(decoded == text)
        }
    }

    /// Every national table's characters survive a round trip through that table.
    @Test(arguments: NationalLanguage.allCases)
    func everyNationalTableRoundTrips(language: NationalLanguage) throws {
        let locking = (language.lockingShiftTable ?? []).compactMap { $0 }
        let single = Array(language.singleShiftTable.values)
        let scalars = (locking + single).filter { $0 != "\u{0C}" }
        let text = String(String.UnicodeScalarView(scalars))
        var options = MessageEncoder.Options()
        options.nationalLanguages = [language]
        let parts = try MessageEncoder.submit(text: text, to: PhoneAddress(number: "+447700900123"), options: options)
        #expect(try reassemble(parts).text == text)
    }
}
