// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Testing

@testable import SMSPDU

/// One expected table position: septet value and the scalar the spec puts there.
private typealias Spot = (septet: UInt8, scalar: Unicode.Scalar)

private let euroSign: Unicode.Scalar = "\u{20AC}"

/// Defined positions per table, 0x1B excluded, counted from the spec's tables and cross-checked
/// against a second, independent transcription of them.
private let expectedCounts: [NationalLanguage: (locking: Int?, singleShift: Int)] = [
    .turkish: (127, 17),
    .spanish: (nil, 19),
    .portuguese: (127, 37),
    .bengali: (114, 82),
    .gujarati: (120, 70),
    .hindi: (127, 88),
    .kannada: (120, 73),
    .malayalam: (120, 82),
    .oriya: (116, 75),
    .punjabi: (110, 76),
    .tamil: (102, 77),
    .telugu: (120, 77),
    .urdu: (127, 90),
]

/// Locking shift spot values (TS 23.038 §A.3.x).
private let lockingSpots: [NationalLanguage: [Spot]] = [
    .turkish: [(0x04, "\u{20AC}"), (0x07, "\u{0131}"), (0x0B, "\u{011E}"), (0x0C, "\u{011F}"), (0x40, "\u{0130}")],
    .portuguese: [(0x04, "\u{00EA}"), (0x12, "\u{00AA}"), (0x15, "\u{221E}"), (0x18, "\u{20AC}"), (0x60, "~")],
    .bengali: [(0x00, "\u{0981}"), (0x24, "\u{09A1}"), (0x28, ")"), (0x29, "("), (0x7F, "\u{09F1}")],
    .gujarati: [(0x00, "\u{0A81}"), (0x0C, "\u{0A8D}"), (0x47, "\u{0AB3}"), (0x60, "\u{0AD0}"), (0x7F, "\u{0AF1}")],
    .hindi: [(0x00, "\u{0901}"), (0x3C, "\u{0929}"), (0x60, "\u{0950}"), (0x7B, "\u{0972}"), (0x7F, "\u{097F}")],
    .kannada: [(0x01, "\u{0C82}"), (0x24, "\u{0CA1}"), (0x3D, "\u{0CAA}"), (0x60, "\u{0CD5}"), (0x7F, "\u{0CE3}")],
    .malayalam: [(0x01, "\u{0D02}"), (0x48, "\u{0D34}"), (0x60, "\u{0D57}"), (0x7E, "\u{0D63}"), (0x7F, "\u{0D79}")],
    .oriya: [(0x00, "\u{0B01}"), (0x47, "\u{0B33}"), (0x60, "\u{0B56}"), (0x7B, "\u{0B57}"), (0x7F, "\u{0B63}")],
    .punjabi: [(0x00, "\u{0A01}"), (0x4E, "\u{0A3C}"), (0x60, "\u{0A51}"), (0x7B, "\u{0A70}"), (0x7F, "\u{0A74}")],
    .tamil: [(0x01, "\u{0B82}"), (0x3C, "\u{0BA9}"), (0x60, "\u{0BD0}"), (0x7B, "\u{0BD7}"), (0x7F, "\u{0BF9}")],
    .telugu: [(0x00, "\u{0C01}"), (0x47, "\u{0C33}"), (0x60, "\u{0C55}"), (0x7B, "\u{0C56}"), (0x7F, "\u{0C63}")],
    .urdu: [(0x00, "\u{0627}"), (0x01, "\u{0622}"), (0x40, "\u{0635}"), (0x60, "\u{0654}"), (0x7F, "\u{0670}")],
]

/// Positions the spec leaves reserved in a locking shift table.
private let lockingReserved: [NationalLanguage: [UInt8]] = [
    .bengali: [0x0C, 0x0E, 0x11, 0x12, 0x3C, 0x45, 0x47, 0x48, 0x49, 0x57, 0x58, 0x5B, 0x5C],
    .kannada: [0x00, 0x0C, 0x11, 0x3C, 0x48, 0x57, 0x5B],
    .tamil: [
        0x00, 0x09, 0x0B, 0x0C, 0x11, 0x16, 0x17, 0x18, 0x1C, 0x1E, 0x23, 0x24, 0x25,
        0x2A, 0x2B, 0x2D, 0x3E, 0x40, 0x41, 0x4E, 0x4F, 0x55, 0x56, 0x57, 0x5B,
    ],
]

/// Single shift spot values (TS 23.038 §A.2.x).
private let singleShiftSpots: [NationalLanguage: [Spot]] = [
    .turkish: [(0x47, "\u{011E}"), (0x49, "\u{0130}"), (0x53, "\u{015E}"), (0x63, "\u{00E7}"), (0x73, "\u{015F}")],
    .spanish: [(0x09, "\u{00E7}"), (0x41, "\u{00C1}"), (0x4F, "\u{00D3}"), (0x69, "\u{00ED}"), (0x75, "\u{00FA}")],
    .portuguese: [(0x05, "\u{00EA}"), (0x12, "\u{03A6}"), (0x1F, "\u{00CA}"), (0x41, "\u{00C0}"), (0x7F, "\u{00E2}")],
    .bengali: [(0x00, "@"), (0x13, "\u{00A1}"), (0x19, "\u{09E6}"), (0x24, "\u{09DF}"), (0x34, "\u{09FA}")],
    .gujarati: [(0x19, "\u{0964}"), (0x1A, "\u{0965}"), (0x1C, "\u{0AE6}"), (0x25, "\u{0AEF}"), (0x41, "A")],
    .hindi: [(0x26, "\u{0951}"), (0x2C, "\u{0958}"), (0x35, "\u{0960}"), (0x3A, "\u{0971}"), (0x5A, "Z")],
    .kannada: [(0x1C, "\u{0CE6}"), (0x26, "\u{0CDE}"), (0x27, "\u{0CF1}"), (0x2A, "\u{0CF2}"), (0x04, "\u{00BF}")],
    .malayalam: [(0x1C, "\u{0D66}"), (0x26, "\u{0D70}"), (0x2E, "\u{0D7A}"), (0x34, "\u{0D7F}"), (0x16, "_")],
    .oriya: [(0x1C, "\u{0B66}"), (0x26, "\u{0B5C}"), (0x2A, "\u{0B5F}"), (0x2C, "\u{0B71}"), (0x17, "#")],
    .punjabi: [(0x1C, "\u{0A66}"), (0x26, "\u{0A59}"), (0x2C, "\u{0A5E}"), (0x2D, "\u{0A75}"), (0x18, "*")],
    .tamil: [(0x1C, "\u{0BE6}"), (0x24, "\u{0BEE}"), (0x26, "\u{0BF3}"), (0x2E, "\u{0BFA}"), (0x06, "\u{00A4}")],
    .telugu: [(0x1C, "\u{0C66}"), (0x22, "\u{0C6C}"), (0x23, "\u{0C6D}"), (0x26, "\u{0C58}"), (0x32, "\u{0C7F}")],
    .urdu: [(0x19, "\u{0600}"), (0x1C, "\u{06F0}"), (0x26, "\u{060C}"), (0x3B, "\u{06CD}"), (0x3F, "\u{06D4}")],
]

@Suite("National language tables")
struct NationalLanguageTablesTests {
    // MARK: Default alphabet

    @Test func defaultAlphabetHas128EntriesAndNilEscape() {
        #expect(GSM7DefaultTables.basic.count == 128)
        #expect(GSM7DefaultTables.basic[0x1B] == nil)
        #expect(GSM7DefaultTables.basic.compactMap { $0 }.count == 127)
    }

    @Test func defaultAlphabetSpotValues() {
        let spots: [Spot] = [
            (0x00, "@"), (0x02, "$"), (0x11, "_"), (0x24, "\u{00A4}"),
            (0x40, "\u{00A1}"), (0x60, "\u{00BF}"), (0x7F, "\u{00E0}"),
        ]
        for spot in spots {
            #expect(GSM7DefaultTables.basic[Int(spot.septet)] == spot.scalar, "septet \(spot.septet)")
        }
    }

    @Test func defaultExtensionTableIsExactlyTheSpecTable() {
        let expected: [UInt8: Unicode.Scalar] = [
            0x0A: "\u{000C}", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\",
            0x3C: "[", 0x3D: "~", 0x3E: "]", 0x40: "|", 0x65: "\u{20AC}",
        ]
        #expect(GSM7DefaultTables.extensionTable == expected)
    }

    // MARK: Shape of every table

    @Test(arguments: NationalLanguage.allCases)
    func lockingTableShape(language: NationalLanguage) throws {
        guard language != .spanish else { return }
        let table = try #require(language.lockingShiftTable)
        #expect(table.count == 128)
        #expect(table[0x1B] == nil)
        // Every locking table keeps the control codes, space, digits and small Latin letters.
        #expect(table[0x0A] == "\n")
        #expect(table[0x0D] == "\r")
        #expect(table[0x20] == " ")
        for septet in 0x30...0x39 {
            #expect(table[septet] == Unicode.Scalar(UInt8(septet)))
        }
        for septet in 0x61...0x7A {
            #expect(table[septet] == Unicode.Scalar(UInt8(septet)))
        }
    }

    @Test func spanishHasNoLockingShiftTable() {
        #expect(NationalLanguage.spanish.lockingShiftTable == nil)
    }

    @Test(arguments: NationalLanguage.allCases)
    func noTableMapsEscape(language: NationalLanguage) {
        #expect(language.singleShiftTable[0x1B] == nil)
        #expect(language.singleShiftTable.keys.allSatisfy { $0 < 0x80 })
        if let locking = language.lockingShiftTable {
            #expect(locking[0x1B] == nil)
        }
    }

    @Test func defaultExtensionDoesNotMapEscape() {
        #expect(GSM7DefaultTables.extensionTable[0x1B] == nil)
    }

    @Test(arguments: NationalLanguage.allCases)
    func lockingTableHasNoDuplicateScalars(language: NationalLanguage) {
        guard let table = language.lockingShiftTable else { return }
        let defined = table.compactMap { $0 }
        #expect(Set(defined).count == defined.count)
    }

    @Test func defaultAlphabetHasNoDuplicateScalars() {
        let defined = GSM7DefaultTables.basic.compactMap { $0 }
        #expect(Set(defined).count == defined.count)
    }

    @Test(arguments: NationalLanguage.allCases)
    func singleShiftTableKeepsDefaultExtensionSymbols(language: NationalLanguage) {
        // Every single shift table in Annex A keeps the default extension table's symbols in place.
        let table = language.singleShiftTable
        let kept: [Spot] = [
            (0x0A, "\u{000C}"), (0x14, "^"), (0x28, "{"), (0x29, "}"), (0x2F, "\\"),
            (0x3C, "["), (0x3D, "~"), (0x3E, "]"), (0x40, "|"),
        ]
        for spot in kept {
            #expect(table[spot.septet] == spot.scalar, "septet \(spot.septet)")
        }
        #expect(table[0x0D] == nil, "0x0D is CR2, a reserved control code")
    }

    // MARK: Euro sign

    @Test(arguments: NationalLanguage.allCases)
    func singleShiftEuroSign(language: NationalLanguage) {
        let table = language.singleShiftTable
        if language == .telugu {
            // §A.2.12 is the one single shift table without a euro sign.
            #expect(!table.values.contains(euroSign))
        } else {
            #expect(table[0x65] == euroSign)
            #expect(table.filter { $0.value == euroSign }.count == 1)
        }
    }

    @Test func euroSignInLockingTables() {
        // Turkish and Portuguese carry the euro in the locking table as well.
        #expect(NationalLanguage.turkish.lockingShiftTable?[0x04] == euroSign)
        #expect(NationalLanguage.portuguese.lockingShiftTable?[0x18] == euroSign)
        #expect(GSM7DefaultTables.extensionTable[0x65] == euroSign)
    }

    // MARK: Counts and spot values

    @Test(arguments: NationalLanguage.allCases)
    func definedPositionCounts(language: NationalLanguage) throws {
        let expected = try #require(expectedCounts[language])
        #expect(language.lockingShiftTable?.compactMap { $0 }.count == expected.locking)
        #expect(language.singleShiftTable.count == expected.singleShift)
    }

    @Test(arguments: NationalLanguage.allCases)
    func lockingSpotValues(language: NationalLanguage) throws {
        guard language != .spanish else { return }
        let table = try #require(language.lockingShiftTable)
        let spots = try #require(lockingSpots[language])
        #expect(spots.count >= 4)
        for spot in spots {
            #expect(table[Int(spot.septet)] == spot.scalar, "septet \(spot.septet)")
        }
        for septet in lockingReserved[language] ?? [] {
            #expect(table[Int(septet)] == nil, "septet \(septet) is reserved")
        }
    }

    @Test(arguments: NationalLanguage.allCases)
    func singleShiftSpotValues(language: NationalLanguage) throws {
        let spots = try #require(singleShiftSpots[language])
        #expect(spots.count >= 4)
        for spot in spots {
            #expect(language.singleShiftTable[spot.septet] == spot.scalar, "septet \(spot.septet)")
        }
    }
}
