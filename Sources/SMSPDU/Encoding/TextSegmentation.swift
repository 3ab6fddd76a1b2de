// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// How a text is carried: its coding, header elements and the payload of each part.
///
/// GSM 7-bit is chosen when every character fits (escapes count as two septets), with a national
/// language table when one of the allowed languages fits and saves parts; otherwise UCS-2. Parts are cut
/// between characters (grapheme clusters) where possible and never inside an escape sequence or a
/// surrogate pair.
///
/// Related specification: 3GPP TS 23.040 §9.2.3.24.1 and 3GPP TS 23.038 §6.2.1.
public struct TextSegmentation: Hashable, Sendable {
    /// The coding of every part.
    public var dataCoding: DataCodingScheme.Alphabet
    /// For GSM 7-bit, the table combination.
    public var alphabet: GSM7Alphabet
    /// The payload of each part: septets (GSM 7-bit) or big-endian UTF-16 octets (UCS-2).
    public var parts: [[UInt8]]

    /// The most parts a concatenated message may have.
    public static let maximumParts = 255

    /// Plans how to carry `text`.
    ///
    /// - Parameters:
    ///   - nationalLanguages: national tables the recipient is expected to support, tried in order when the
    ///     default alphabet does not fit.
    ///   - forceUCS2: carry the text as UCS-2 even when GSM 7-bit would do.
    ///   - reference16Bit: plan for the 16-bit concatenation reference (one octet more per part).
    public init(
        text: String,
        nationalLanguages: [NationalLanguage] = [],
        forceUCS2: Bool = false,
        reference16Bit: Bool = false
    ) throws(PDUError) {
        let concatOctets = reference16Bit ? 6 : 5
        if !forceUCS2, let septets = GSM7Alphabet.default.septetCount(of: text) {
            self = try Self.gsm7(text, alphabet: .default, septets: septets, concatOctets: concatOctets)
            return
        }
        let ucs2 = try Self.ucs2(text, concatOctets: concatOctets)
        if forceUCS2 {
            self = ucs2
            return
        }
        var best: TextSegmentation?
        for language in nationalLanguages {
            for alphabet in Self.candidates(for: language) {
                guard let septets = alphabet.septetCount(of: text),
                    let plan = try? Self.gsm7(text, alphabet: alphabet, septets: septets, concatOctets: concatOctets)
                else { continue }
                if best == nil || plan.parts.count < best!.parts.count {
                    best = plan
                }
            }
        }
        // Prefer UCS-2 on a tie: every handset decodes it, not every one knows the national tables.
        if let best, best.parts.count < ucs2.parts.count {
            self = best
        } else {
            self = ucs2
        }
    }

    private init(dataCoding: DataCodingScheme.Alphabet, alphabet: GSM7Alphabet, parts: [[UInt8]]) {
        self.dataCoding = dataCoding
        self.alphabet = alphabet
        self.parts = parts
    }

    /// The header elements selecting the national tables (none for the default alphabet).
    public var languageElements: [UserDataHeader.InformationElement] {
        var elements: [UserDataHeader.InformationElement] = []
        if let language = alphabet.lockingShift {
            elements.append(
                .init(identifier: UserDataHeader.InformationElement.nationalLockingShift, data: [language.rawValue])
            )
        }
        if let language = alphabet.singleShift {
            elements.append(
                .init(identifier: UserDataHeader.InformationElement.nationalSingleShift, data: [language.rawValue])
            )
        }
        return elements
    }

    private static func candidates(for language: NationalLanguage) -> [GSM7Alphabet] {
        var list: [GSM7Alphabet] = [GSM7Alphabet(lockingShift: nil, singleShift: language)]
        if language.lockingShiftTable != nil {
            list.append(GSM7Alphabet(lockingShift: language, singleShift: language))
            list.append(GSM7Alphabet(lockingShift: language, singleShift: nil))
        }
        return list
    }

    /// Septets available per part once the header (with fill bits) is in place.
    private static func septetCapacity(headerOctets: Int) -> Int {
        headerOctets == 0 ? 160 : 160 - ((headerOctets + 1) * 8 + 6) / 7
    }

    private static func gsm7(
        _ text: String,
        alphabet: GSM7Alphabet,
        septets total: Int,
        concatOctets: Int
    ) throws(PDUError) -> TextSegmentation {
        let languageOctets = (alphabet.lockingShift == nil ? 0 : 3) + (alphabet.singleShift == nil ? 0 : 3)
        let single = septetCapacity(headerOctets: languageOctets)
        if total <= single {
            return TextSegmentation(dataCoding: .gsm7, alphabet: alphabet, parts: [alphabet.encode(text) ?? []])
        }
        let capacity = septetCapacity(headerOctets: languageOctets + concatOctets)
        let parts = try split(text, capacity: capacity) { alphabet.encode($0) ?? [] }
        return TextSegmentation(dataCoding: .gsm7, alphabet: alphabet, parts: parts)
    }

    private static func ucs2(_ text: String, concatOctets: Int) throws(PDUError) -> TextSegmentation {
        let octets = text.utf16.count * 2
        if octets <= 140 {
            return TextSegmentation(dataCoding: .ucs2, alphabet: .default, parts: [UCS2.encode(text)])
        }
        let capacity = (140 - concatOctets - 1) / 2 * 2
        let parts = try split(text, capacity: capacity) { UCS2.encode($0) }
        return TextSegmentation(dataCoding: .ucs2, alphabet: .default, parts: parts)
    }

    /// Cuts the text into parts of at most `capacity` units, between characters where possible and
    /// otherwise between Unicode scalars (which never splits an escape sequence or a surrogate pair).
    private static func split(
        _ text: String,
        capacity: Int,
        encode: (Substring) -> [UInt8]
    ) throws(PDUError) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var current: [UInt8] = []
        func append(_ units: [UInt8]) {
            if current.count + units.count > capacity {
                parts.append(current)
                current = []
            }
            current += units
        }
        for character in text {
            let units = encode(Substring(String(character)))
            if units.count <= capacity {
                append(units)
            } else {
                for scalar in character.unicodeScalars {
                    append(encode(Substring(String(scalar))))
                }
            }
        }
        if !current.isEmpty || parts.isEmpty {
            parts.append(current)
        }
        guard parts.count <= maximumParts else {
            throw PDUError(
                .unencodable,
                field: "text",
                offset: nil,
                "the text needs \(parts.count) parts; a concatenated message holds at most \(maximumParts)"
            )
        }
        return parts
    }
}
