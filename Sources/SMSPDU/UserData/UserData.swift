// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The user data of a short message: an optional header and the text or binary payload.
///
/// Related specification: 3GPP TS 23.040 §9.2.3.16 (TP-UDL) and §9.2.3.24 (TP-UD).
public struct UserData: Hashable, Sendable {
    /// The header, present when TP-UDHI is set.
    public var header: UserDataHeader?
    /// The data coding scheme that governs the payload.
    public var dataCoding: DataCodingScheme
    /// The payload after the header: unpacked septets for GSM 7-bit, octets for 8-bit data and UCS-2
    /// (big-endian UTF-16). Multipart reassembly concatenates payloads before decoding, so characters
    /// split across parts by careless senders survive.
    public var payload: [UInt8]
    /// The decoded text; nil for 8-bit data.
    public var text: String?
    /// Characters that could not be decoded (undefined table positions, lone UTF-16 surrogates),
    /// each shown in ``text`` as U+FFFD.
    public var undecodableCharacters: Int

    public init(
        header: UserDataHeader?,
        dataCoding: DataCodingScheme,
        payload: [UInt8],
        text: String?,
        undecodableCharacters: Int
    ) {
        self.header = header
        self.dataCoding = dataCoding
        self.payload = payload
        self.text = text
        self.undecodableCharacters = undecodableCharacters
    }

    /// The GSM 7-bit table combination the header selects.
    public var gsm7Alphabet: GSM7Alphabet {
        GSM7Alphabet(lockingShift: header?.lockingShift, singleShift: header?.singleShift)
    }

    /// Decodes TP-UDL and TP-UD from the reader, which must end exactly at the end of the user data.
    static func read(
        _ reader: inout PDUReader,
        dataCoding: DataCodingScheme,
        hasHeader: Bool
    ) throws(PDUError) -> UserData {
        let udlOffset = reader.offset
        let udl = Int(try reader.readByte("TP-UDL"))
        let udOffset = reader.offset
        guard !dataCoding.isCompressed else {
            throw PDUError(
                .unsupported,
                field: "TP-DCS",
                offset: udlOffset - 1,
                "compressed text (TS 23.042) is not supported"
            )
        }
        let alphabet = dataCoding.alphabet
        let octets: Int
        if alphabet == .gsm7 {
            guard udl <= 160 else {
                throw PDUError(.invalidLength, field: "TP-UDL", offset: udlOffset, "\(udl) septets exceed 160")
            }
            octets = SeptetPacking.octetCount(septets: udl)
        } else {
            guard udl <= 140 else {
                throw PDUError(.invalidLength, field: "TP-UDL", offset: udlOffset, "\(udl) octets exceed 140")
            }
            octets = udl
        }
        let ud = try reader.readBytes(octets, "TP-UD")
        try reader.expectEnd(after: "TP-UD")

        var header: UserDataHeader?
        var headerOctets = 0
        if hasHeader {
            let parsed = try UserDataHeader.parse(ud, baseOffset: udOffset)
            header = parsed
            headerOctets = Int(ud[ud.startIndex]) + 1
        }

        switch alphabet {
        case .gsm7:
            let headerSeptets = (headerOctets * 8 + 6) / 7
            guard headerSeptets <= udl else {
                throw PDUError(
                    .invalidUserDataHeader,
                    field: "TP-UDH",
                    offset: udOffset,
                    "the header takes \(headerSeptets) septets but TP-UDL is \(udl)"
                )
            }
            let septets = SeptetPacking.unpack(ud, count: udl - headerSeptets, skipping: headerSeptets)
            let alphabet = GSM7Alphabet(lockingShift: header?.lockingShift, singleShift: header?.singleShift)
            let (text, undefined) = alphabet.decode(septets: septets)
            return UserData(
                header: header,
                dataCoding: dataCoding,
                payload: septets,
                text: text,
                undecodableCharacters: undefined
            )
        case .eightBit:
            return UserData(
                header: header,
                dataCoding: dataCoding,
                payload: Array(ud.dropFirst(headerOctets)),
                text: nil,
                undecodableCharacters: 0
            )
        case .ucs2:
            let payload = Array(ud.dropFirst(headerOctets))
            guard payload.count % 2 == 0 else {
                throw PDUError(
                    .invalidLength,
                    field: "TP-UD",
                    offset: udOffset + headerOctets,
                    "UCS-2 text has an odd number of octets (\(payload.count))"
                )
            }
            let (text, invalid) = UCS2.decode(payload)
            return UserData(
                header: header,
                dataCoding: dataCoding,
                payload: payload,
                text: text,
                undecodableCharacters: invalid
            )
        }
    }

    /// Encodes TP-UDL followed by TP-UD.
    func encoded() -> [UInt8] {
        let headerBytes = header?.encoded ?? []
        switch dataCoding.alphabet {
        case .gsm7:
            let headerSeptets = (headerBytes.count * 8 + 6) / 7
            var bytes = SeptetPacking.pack(payload, skipping: headerSeptets)
            bytes.replaceSubrange(0..<headerBytes.count, with: headerBytes)
            return [UInt8(headerSeptets + payload.count)] + bytes
        case .eightBit, .ucs2:
            return [UInt8(headerBytes.count + payload.count)] + headerBytes + payload
        }
    }
}
