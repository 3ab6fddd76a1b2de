// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A TP originating, destination or recipient address, or a service centre (RP) address.
///
/// Related specification: 3GPP TS 23.040 §9.1.2.5 and 3GPP TS 24.011 §8.2.5.2.
public struct PhoneAddress: Hashable, Sendable, CustomStringConvertible {
    /// Type of number (TON), bits 6–4 of the type-of-address octet.
    public struct TypeOfNumber: RawRepresentable, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue & 0x07 }

        public static let unknown = TypeOfNumber(rawValue: 0)
        public static let international = TypeOfNumber(rawValue: 1)
        public static let national = TypeOfNumber(rawValue: 2)
        public static let networkSpecific = TypeOfNumber(rawValue: 3)
        public static let subscriber = TypeOfNumber(rawValue: 4)
        public static let alphanumeric = TypeOfNumber(rawValue: 5)
        public static let abbreviated = TypeOfNumber(rawValue: 6)
    }

    /// The type of number.
    public var typeOfNumber: TypeOfNumber
    /// Numbering plan identification (NPI), bits 3–0 of the type-of-address octet (1 is ISDN/E.164).
    public var numberingPlan: UInt8
    /// The digits (`0`–`9`, `*`, `#`, `a`, `b`, `c`) for a numeric address, or the text of an alphanumeric one.
    public var value: String

    public init(typeOfNumber: TypeOfNumber, numberingPlan: UInt8 = 1, value: String) {
        self.typeOfNumber = typeOfNumber
        self.numberingPlan = numberingPlan & 0x0F
        self.value = value
    }

    /// Parses a user-supplied phone number: `+` and digits make an international number, digits alone
    /// (with `*`/`#`) an unknown-type number. Spaces, dashes and brackets are ignored.
    public init(number: String) throws(PDUError) {
        var digits = ""
        var international = false
        for (index, char) in number.enumerated() {
            switch char {
            case "0"..."9", "*", "#":
                digits.append(char)
            case "+" where digits.isEmpty && !international:
                international = true
            case " ", "-", "(", ")", ".":
                continue
            default:
                throw PDUError(
                    .unencodable,
                    field: "address",
                    offset: nil,
                    "'\(number)' is not a phone number (unexpected '\(char)' at character \(index + 1))"
                )
            }
        }
        guard !digits.isEmpty else {
            throw PDUError(.unencodable, field: "address", offset: nil, "'\(number)' has no digits")
        }
        guard digits.count <= 20 else {
            throw PDUError(
                .unencodable,
                field: "address",
                offset: nil,
                "'\(number)' has \(digits.count) digits; an SMS address holds at most 20"
            )
        }
        self.init(typeOfNumber: international ? .international : .unknown, value: digits)
    }

    /// True for an alphanumeric sender such as a company name.
    public var isAlphanumeric: Bool { typeOfNumber == .alphanumeric }

    /// E.164 with `+` for international numbers, otherwise the value as given.
    public var description: String {
        typeOfNumber == .international ? "+" + value : value
    }

    var typeOfAddressOctet: UInt8 {
        0x80 | typeOfNumber.rawValue << 4 | numberingPlan
    }
}

// MARK: - Decoding and encoding

extension PhoneAddress {
    static let semiOctetDigits: [Character] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#", "a", "b", "c",
    ]

    /// Reads a TP address: a length in useful semi-octets, the type of address, then the value.
    static func readTPAddress(_ reader: inout PDUReader, field: String) throws(PDUError) -> PhoneAddress {
        let start = reader.offset
        let length = Int(try reader.readByte(field))
        guard length <= 20 else {
            throw PDUError(.invalidLength, field: field, offset: start, "address length \(length) exceeds 20 digits")
        }
        let toa = try reader.readByte(field)
        let octets = try reader.readBytes((length + 1) / 2, field)
        return try decodeValue(octets, typeOfAddress: toa, semiOctets: length, field: field, offset: start)
    }

    /// Reads an RP (service centre) address: a length in octets (including the type of address), or 0 for none.
    static func readSMSCAddress(_ reader: inout PDUReader) throws(PDUError) -> PhoneAddress? {
        let field = "SMSC"
        let start = reader.offset
        let length = Int(try reader.readByte(field))
        guard length > 0 else { return nil }
        guard length <= 11 else {
            throw PDUError(
                .invalidLength,
                field: field,
                offset: start,
                "SMSC address length \(length) exceeds 11 octets"
            )
        }
        let toa = try reader.readByte(field)
        let octets = try reader.readBytes(length - 1, field)
        var semiOctets = octets.count * 2
        if let last = octets.last, last >> 4 == 0x0F {
            semiOctets -= 1
        }
        return try decodeValue(octets, typeOfAddress: toa, semiOctets: semiOctets, field: field, offset: start)
    }

    private static func decodeValue(
        _ octets: ArraySlice<UInt8>,
        typeOfAddress toa: UInt8,
        semiOctets: Int,
        field: String,
        offset: Int
    ) throws(PDUError) -> PhoneAddress {
        let ton = TypeOfNumber(rawValue: toa >> 4)
        if ton == .alphanumeric {
            let septets = SeptetPacking.unpack(octets, count: semiOctets * 4 / 7)
            let text = GSM7Alphabet.default.decode(septets: septets).text
            return PhoneAddress(typeOfNumber: ton, numberingPlan: toa & 0x0F, value: text)
        }
        var digits = ""
        digits.reserveCapacity(semiOctets)
        for index in 0..<semiOctets {
            let octet = octets[octets.startIndex + index / 2]
            let nibble = index % 2 == 0 ? octet & 0x0F : octet >> 4
            guard nibble < 0x0F else {
                throw PDUError(
                    .invalidValue,
                    field: field,
                    offset: offset + 2 + index / 2,
                    "filler semi-octet inside the address digits"
                )
            }
            digits.append(semiOctetDigits[Int(nibble)])
        }
        return PhoneAddress(typeOfNumber: ton, numberingPlan: toa & 0x0F, value: digits)
    }

    /// Encodes the value as swapped semi-octets (numeric) or packed septets (alphanumeric).
    func encodedValue() throws(PDUError) -> (octets: [UInt8], semiOctets: Int) {
        if isAlphanumeric {
            guard let septets = GSM7Alphabet.default.encode(value), septets.count <= 11 else {
                throw PDUError(
                    .unencodable,
                    field: "address",
                    offset: nil,
                    "alphanumeric address '\(value)' must be at most 11 GSM 7-bit characters"
                )
            }
            let octets = SeptetPacking.pack(septets)
            // Useful semi-octets: ceil(septets × 7 / 4).
            return (octets, (septets.count * 7 + 3) / 4)
        }
        var octets: [UInt8] = []
        var pending: UInt8?
        for char in value {
            guard let digit = Self.semiOctetDigits.firstIndex(of: char) else {
                throw PDUError(.unencodable, field: "address", offset: nil, "'\(char)' is not an address digit")
            }
            if let low = pending {
                octets.append(low | UInt8(digit) << 4)
                pending = nil
            } else {
                pending = UInt8(digit)
            }
        }
        if let low = pending {
            octets.append(low | 0xF0)
        }
        return (octets, value.count)
    }

    /// The TP address field: length in useful semi-octets, type of address, value.
    func encodeTPAddress() throws(PDUError) -> [UInt8] {
        let (octets, semiOctets) = try encodedValue()
        return [UInt8(semiOctets), typeOfAddressOctet] + octets
    }

    /// The RP (SMSC) address field: length in octets including the type of address, type, value.
    func encodeSMSCAddress() throws(PDUError) -> [UInt8] {
        let (octets, _) = try encodedValue()
        return [UInt8(octets.count + 1), typeOfAddressOctet] + octets
    }
}
