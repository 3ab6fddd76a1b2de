// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The user data header: a list of information elements that precedes the text when TP-UDHI is set.
///
/// Related specification: 3GPP TS 23.040 §9.2.3.24.
public struct UserDataHeader: Hashable, Sendable {
    /// One information element, kept exactly as received.
    public struct InformationElement: Hashable, Sendable {
        /// The information element identifier (IEI).
        public var identifier: UInt8
        /// The element's data octets.
        public var data: [UInt8]

        public init(identifier: UInt8, data: [UInt8]) {
            self.identifier = identifier
            self.data = data
        }

        /// Concatenated short messages, 8-bit reference (§9.2.3.24.1).
        public static let concatenated8Bit: UInt8 = 0x00
        /// Concatenated short messages, 16-bit reference (§9.2.3.24.8).
        public static let concatenated16Bit: UInt8 = 0x08
        /// National language single shift (§9.2.3.24.15).
        public static let nationalSingleShift: UInt8 = 0x24
        /// National language locking shift (§9.2.3.24.16).
        public static let nationalLockingShift: UInt8 = 0x25
    }

    /// The elements in the order received; unknown ones are preserved.
    public var elements: [InformationElement]

    public init(elements: [InformationElement] = []) {
        self.elements = elements
    }

    /// The concatenation element, if present and valid.
    ///
    /// Following §9.2.3.24.1, an element whose sequence number is zero or exceeds the part count is ignored
    /// (it stays in ``elements``).
    public var concatenation: Concatenation? {
        for element in elements {
            switch element.identifier {
            case InformationElement.concatenated8Bit where element.data.count == 3:
                let info = Concatenation(
                    reference: Int(element.data[0]),
                    total: Int(element.data[1]),
                    part: Int(element.data[2]),
                    referenceIs16Bit: false
                )
                if info.isValid { return info }
            case InformationElement.concatenated16Bit where element.data.count == 4:
                let info = Concatenation(
                    reference: Int(element.data[0]) << 8 | Int(element.data[1]),
                    total: Int(element.data[2]),
                    part: Int(element.data[3]),
                    referenceIs16Bit: true
                )
                if info.isValid { return info }
            default:
                continue
            }
        }
        return nil
    }

    /// The national language single shift table named by IEI 0x24, if any and known.
    public var singleShift: NationalLanguage? {
        language(for: InformationElement.nationalSingleShift)
    }

    /// The national language locking shift table named by IEI 0x25, if any and known.
    public var lockingShift: NationalLanguage? {
        language(for: InformationElement.nationalLockingShift)
    }

    private func language(for identifier: UInt8) -> NationalLanguage? {
        guard let element = elements.last(where: { $0.identifier == identifier }), element.data.count == 1 else {
            return nil
        }
        return NationalLanguage(rawValue: element.data[0])
    }

    /// The encoded header including its length octet (UDHL).
    public var encoded: [UInt8] {
        var body: [UInt8] = []
        for element in elements {
            body.append(element.identifier)
            body.append(UInt8(element.data.count))
            body.append(contentsOf: element.data)
        }
        return [UInt8(body.count)] + body
    }

    /// Parses the header (starting with UDHL) from the front of the user data.
    ///
    /// - Parameters:
    ///   - userData: the user data octets available.
    ///   - baseOffset: the offset of `userData` within the PDU, for error messages.
    static func parse(_ userData: ArraySlice<UInt8>, baseOffset: Int) throws(PDUError) -> UserDataHeader {
        guard let udhl = userData.first else {
            throw PDUError(.truncated, field: "TP-UDH", offset: baseOffset, "TP-UDHI is set but the user data is empty")
        }
        let length = Int(udhl)
        guard length + 1 <= userData.count else {
            throw PDUError(
                .invalidUserDataHeader,
                field: "TP-UDH",
                offset: baseOffset,
                "header length \(length) exceeds the \(userData.count - 1) octets of user data"
            )
        }
        var elements: [InformationElement] = []
        var index = userData.startIndex + 1
        let end = index + length
        while index < end {
            let offset = baseOffset + (index - userData.startIndex)
            guard index + 1 < end else {
                throw PDUError(
                    .invalidUserDataHeader,
                    field: "TP-UDH",
                    offset: offset,
                    "information element 0x\(Hex.encode([userData[index]])) has no length octet"
                )
            }
            let identifier = userData[index]
            let dataLength = Int(userData[index + 1])
            guard index + 2 + dataLength <= end else {
                throw PDUError(
                    .invalidUserDataHeader,
                    field: "TP-UDH",
                    offset: offset,
                    "information element 0x\(Hex.encode([identifier])) claims \(dataLength) octets, "
                        + "more than the header holds"
                )
            }
            let data = Array(userData[(index + 2)..<(index + 2 + dataLength)])
            try validate(identifier: identifier, data: data, offset: offset)
            elements.append(InformationElement(identifier: identifier, data: data))
            index += 2 + dataLength
        }
        return UserDataHeader(elements: elements)
    }

    /// Length checks for the elements this codec interprets; a wrong length is an impossible header.
    private static func validate(identifier: UInt8, data: [UInt8], offset: Int) throws(PDUError) {
        let expected: Int? =
            switch identifier {
            case InformationElement.concatenated8Bit: 3
            case InformationElement.concatenated16Bit: 4
            case InformationElement.nationalSingleShift, InformationElement.nationalLockingShift: 1
            default: nil
            }
        if let expected, data.count != expected {
            throw PDUError(
                .invalidUserDataHeader,
                field: "TP-UDH",
                offset: offset,
                "information element 0x\(Hex.encode([identifier])) must have \(expected) octets, not \(data.count)"
            )
        }
    }
}
