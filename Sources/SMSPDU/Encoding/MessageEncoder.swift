// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// One PDU ready for the modem.
public struct EncodedPart: Hashable, Sendable {
    /// The whole PDU (SMSC address and TPDU) as upper-case hex, as written after the `AT+CMGS` prompt.
    public var hex: String
    /// The TPDU length in octets: the argument of `AT+CMGS=<length>`.
    public var length: Int
    /// This part's number, from 1.
    public var part: Int
    /// How many parts the message has.
    public var total: Int
}

/// Builds SMS-SUBMIT PDUs (to send) and SMS-DELIVER PDUs (for the modem simulator) from text.
public enum MessageEncoder {
    /// Options for a message.
    public struct Options: Hashable, Sendable {
        /// Ask for a status report (TP-SRR) on each part.
        public var statusReportRequest: Bool = false
        /// The validity period; nil leaves it out.
        public var validityPeriod: ValidityPeriod?
        /// A service centre address to put in the PDU; nil uses the SIM's.
        public var smsc: PhoneAddress?
        /// Message class 0–3 (0 is a flash message), or nil for none.
        public var messageClass: Int?
        /// The concatenation reference shared by the parts of a long message.
        public var concatenationReference: Int = 0
        /// Use a 16-bit concatenation reference (IEI 0x08) instead of an 8-bit one (IEI 0x00).
        public var reference16Bit: Bool = false
        /// National language tables the recipient is expected to support.
        public var nationalLanguages: [NationalLanguage] = []
        /// Carry the text as UCS-2 even when GSM 7-bit would do.
        public var forceUCS2: Bool = false

        public init() {}
    }

    /// Encodes `text` to `recipient` as one SMS-SUBMIT per part.
    public static func submit(
        text: String,
        to recipient: PhoneAddress,
        options: Options = Options()
    ) throws(PDUError) -> [EncodedPart] {
        guard !recipient.isAlphanumeric else {
            throw PDUError(
                .unencodable,
                field: "TP-DA",
                offset: nil,
                "a message cannot be sent to an alphanumeric address"
            )
        }
        if let messageClass = options.messageClass, !(0...3).contains(messageClass) {
            throw PDUError(.unencodable, field: "TP-DCS", offset: nil, "message class \(messageClass) is not 0–3")
        }
        return try userData(text: text, options: options).map { (userData, number, total) throws(PDUError) in
            let pdu = SMSSubmit(
                smsc: options.smsc,
                statusReportRequest: options.statusReportRequest,
                destination: recipient,
                validityPeriod: options.validityPeriod,
                userData: userData
            )
            return try makePart(pdu.encodedTPDU(), smsc: options.smsc, part: number, total: total)
        }
    }

    /// Encodes `text` from `originator` as one SMS-DELIVER per part, as a service centre would.
    public static func deliver(
        text: String,
        from originator: PhoneAddress,
        timestamp: SMSTimestamp,
        options: Options = Options()
    ) throws(PDUError) -> [EncodedPart] {
        try userData(text: text, options: options).map { (userData, number, total) throws(PDUError) in
            let pdu = SMSDeliver(
                smsc: options.smsc,
                statusReportIndication: options.statusReportRequest,
                originator: originator,
                serviceCentreTimestamp: timestamp,
                userData: userData
            )
            return try makePart(pdu.encodedTPDU(), smsc: options.smsc, part: number, total: total)
        }
    }

    private static func makePart(
        _ tpdu: [UInt8],
        smsc: PhoneAddress?,
        part: Int,
        total: Int
    ) throws(PDUError) -> EncodedPart {
        let prefix = try smsc?.encodeSMSCAddress() ?? [0x00]
        return EncodedPart(hex: Hex.encode(prefix + tpdu), length: tpdu.count, part: part, total: total)
    }

    private static func userData(text: String, options: Options) throws(PDUError) -> [(UserData, Int, Int)] {
        let plan = try TextSegmentation(
            text: text,
            nationalLanguages: options.nationalLanguages,
            forceUCS2: options.forceUCS2,
            reference16Bit: options.reference16Bit
        )
        let dcs = DataCodingScheme(alphabet: plan.dataCoding, messageClass: options.messageClass)
        let total = plan.parts.count
        return plan.parts.enumerated().map { index, payload in
            var elements: [UserDataHeader.InformationElement] = []
            if total > 1 {
                let concat = Concatenation(
                    reference: options.concatenationReference,
                    total: total,
                    part: index + 1,
                    referenceIs16Bit: options.reference16Bit
                )
                elements.append(concat.informationElement)
            }
            elements += plan.languageElements
            let text: String
            if plan.dataCoding == .gsm7 {
                text = plan.alphabet.decode(septets: payload).text
            } else {
                text = UCS2.decode(payload).text
            }
            let userData = UserData(
                header: elements.isEmpty ? nil : UserDataHeader(elements: elements),
                dataCoding: dcs,
                payload: payload,
                text: text,
                undecodableCharacters: 0
            )
            return (userData, index + 1, total)
        }
    }
}
