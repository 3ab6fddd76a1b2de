// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The GSM 7-bit alphabet in one of its table combinations: a basic table (the default alphabet, or a
/// national locking shift table) and an extension table reached through the escape septet 0x1B (the
/// default extension table, or a national single shift table).
///
/// Related specification: 3GPP TS 23.038 §6.2.1 and Annex A.
public struct GSM7Alphabet: Sendable, Hashable {
    /// The national language whose locking shift table replaces the default alphabet, if any.
    public let lockingShift: NationalLanguage?
    /// The national language whose single shift table replaces the default extension table, if any.
    public let singleShift: NationalLanguage?

    /// The escape septet that selects the extension table for the next septet.
    public static let escape: UInt8 = 0x1B

    /// The default alphabet with the default extension table.
    public static let `default` = GSM7Alphabet(uncheckedLockingShift: nil, singleShift: nil)

    /// An alphabet with the given national shift tables.
    ///
    /// A language that has no locking shift table (Spanish) falls back to the default alphabet for the basic table.
    public init(lockingShift: NationalLanguage?, singleShift: NationalLanguage?) {
        self.init(
            uncheckedLockingShift: lockingShift?.lockingShiftTable == nil ? nil : lockingShift,
            singleShift: singleShift
        )
    }

    private init(uncheckedLockingShift: NationalLanguage?, singleShift: NationalLanguage?) {
        self.lockingShift = uncheckedLockingShift
        self.singleShift = singleShift
    }

    var tables: GSM7TableSet {
        let basic = lockingShift.flatMap { GSM7TableSet.lockingTables[$0] } ?? GSM7TableSet.defaultBasic
        let extensionTable = singleShift.flatMap { GSM7TableSet.singleTables[$0] } ?? GSM7TableSet.defaultExtension
        return GSM7TableSet(basic: basic, extensionTable: extensionTable)
    }

    // MARK: - Decoding

    /// Decodes unpacked septets to text.
    ///
    /// An escape followed by a septet the extension table does not define shows the basic table's character,
    /// and an escape followed by another escape (or ending the text) shows a space, as TS 23.038 §6.2.1.1 asks.
    /// Positions a national table leaves undefined decode as U+FFFD and are counted in `undefined`.
    public func decode(septets: some Collection<UInt8>) -> (text: String, undefined: Int) {
        let set = tables
        var scalars = String.UnicodeScalarView()
        var undefined = 0
        var escaped = false
        for raw in septets {
            let septet = raw & 0x7F
            if escaped {
                escaped = false
                if septet == Self.escape {
                    scalars.append(" ")
                } else if let scalar = set.extensionTable.decode[Int(septet)] ?? set.basic.decode[Int(septet)] {
                    scalars.append(scalar)
                } else {
                    scalars.append("\u{FFFD}")
                    undefined += 1
                }
            } else if septet == Self.escape {
                escaped = true
            } else if let scalar = set.basic.decode[Int(septet)] {
                scalars.append(scalar)
            } else {
                scalars.append("\u{FFFD}")
                undefined += 1
            }
        }
        if escaped {
            scalars.append(" ")
        }
        return (String(scalars), undefined)
    }

    // MARK: - Encoding

    /// The septets for one Unicode scalar: one from the basic table, or the escape plus one from the
    /// extension table; nil when the scalar is in neither.
    public func septets(for scalar: Unicode.Scalar) -> [UInt8]? {
        let set = tables
        if let septet = set.basic.encode[scalar.value] {
            return [septet]
        }
        if let septet = set.extensionTable.encode[scalar.value] {
            return [Self.escape, septet]
        }
        return nil
    }

    /// How many septets the scalar needs (1 or 2), or nil when it cannot be encoded.
    public func septetCount(for scalar: Unicode.Scalar) -> Int? {
        let set = tables
        if set.basic.encode[scalar.value] != nil {
            return 1
        }
        if set.extensionTable.encode[scalar.value] != nil {
            return 2
        }
        return nil
    }

    /// Encodes text to unpacked septets, or returns nil if any scalar is outside this alphabet.
    public func encode(_ text: some StringProtocol) -> [UInt8]? {
        let set = tables
        var septets: [UInt8] = []
        septets.reserveCapacity(text.unicodeScalars.underestimatedCount)
        for scalar in text.unicodeScalars {
            if let septet = set.basic.encode[scalar.value] {
                septets.append(septet)
            } else if let septet = set.extensionTable.encode[scalar.value] {
                septets.append(Self.escape)
                septets.append(septet)
            } else {
                return nil
            }
        }
        return septets
    }

    /// The septet count of the text in this alphabet, or nil if any scalar is outside it.
    public func septetCount(of text: some StringProtocol) -> Int? {
        var count = 0
        for scalar in text.unicodeScalars {
            guard let n = septetCount(for: scalar) else { return nil }
            count += n
        }
        return count
    }
}

/// A basic table and an extension table in the forms used for fast decoding and encoding.
struct GSM7TableSet {
    struct Table {
        /// Indexed by septet; nil for undefined positions.
        let decode: [Unicode.Scalar?]
        /// Scalar value → septet.
        let encode: [UInt32: UInt8]

        init(_ decode: [Unicode.Scalar?]) {
            self.decode = decode
            var encode: [UInt32: UInt8] = [:]
            // The first septet that maps to a scalar wins, so encoding is deterministic.
            for (septet, scalar) in decode.enumerated().reversed() {
                if let scalar, septet != Int(GSM7Alphabet.escape) {
                    encode[scalar.value] = UInt8(septet)
                }
            }
            self.encode = encode
        }

        init(sparse: [UInt8: Unicode.Scalar]) {
            var decode = [Unicode.Scalar?](repeating: nil, count: 128)
            for (septet, scalar) in sparse where septet < 128 && septet != GSM7Alphabet.escape {
                decode[Int(septet)] = scalar
            }
            self.init(decode)
        }
    }

    let basic: Table
    let extensionTable: Table

    static let defaultBasic = Table(GSM7DefaultTables.basic)
    static let defaultExtension = Table(sparse: GSM7DefaultTables.extensionTable)
    static let lockingTables: [NationalLanguage: Table] = {
        var tables: [NationalLanguage: Table] = [:]
        for language in NationalLanguage.allCases {
            if let table = language.lockingShiftTable {
                tables[language] = Table(table)
            }
        }
        return tables
    }()
    static let singleTables: [NationalLanguage: Table] = {
        var tables: [NationalLanguage: Table] = [:]
        for language in NationalLanguage.allCases {
            tables[language] = Table(sparse: language.singleShiftTable)
        }
        return tables
    }()
}
