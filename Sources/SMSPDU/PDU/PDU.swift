// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A decoded short message PDU of any supported type.
///
/// The message type is read from TP-MTI as a mobile station sees it: 00 is an SMS-DELIVER received,
/// 01 an SMS-SUBMIT (a message this device sent or stored), 10 an SMS-STATUS-REPORT; 11 is reserved.
///
/// Related specification: 3GPP TS 23.040 §9.2.3.1 and 3GPP TS 27.005 §3.1 (the `<pdu>` of `+CMGL`/`+CMGR`,
/// which starts with the service centre address).
public enum PDU: Hashable, Sendable {
    case deliver(SMSDeliver)
    case submit(SMSSubmit)
    case statusReport(SMSStatusReport)

    /// Whether the PDU starts with a service centre address.
    public enum SMSCPresence: Hashable, Sendable {
        /// As `+CMGL`/`+CMGR`/`+CMT` print it: an RP address (possibly the single octet 00) first.
        case present
        /// A bare TPDU.
        case absent
        /// Try with the address first, then without; the form that decodes exactly is taken.
        case automatic
        /// Decide from the TPDU length the modem reported (`+CMGL: …,<length>`).
        case tpduLength(Int)
    }

    /// Decodes a PDU from hexadecimal text.
    public static func decode(hex: some StringProtocol, smsc: SMSCPresence = .present) throws(PDUError) -> PDU {
        try decode(bytes: Hex.decode(hex), smsc: smsc)
    }

    /// Decodes a PDU from its octets.
    public static func decode(bytes: [UInt8], smsc: SMSCPresence = .present) throws(PDUError) -> PDU {
        switch smsc {
        case .present:
            return try decode(bytes, hasSMSC: true)
        case .absent:
            return try decode(bytes, hasSMSC: false)
        case .tpduLength(let length):
            guard length > 0, length <= bytes.count else {
                throw PDUError(
                    .invalidLength,
                    field: "TPDU length",
                    offset: nil,
                    "the modem reported \(length) octets but the PDU has \(bytes.count)"
                )
            }
            let smscLength = bytes.count - length
            if smscLength > 0 {
                guard Int(bytes[0]) + 1 == smscLength else {
                    throw PDUError(
                        .invalidLength,
                        field: "SMSC",
                        offset: 0,
                        "address length \(bytes[0]) does not match the \(smscLength) octets before the TPDU"
                    )
                }
            }
            return try decode(bytes, hasSMSC: smscLength > 0)
        case .automatic:
            do {
                return try decode(bytes, hasSMSC: true)
            } catch {
                if let bare = try? decode(bytes, hasSMSC: false) {
                    return bare
                }
                throw error
            }
        }
    }

    private static func decode(_ bytes: [UInt8], hasSMSC: Bool) throws(PDUError) -> PDU {
        var reader = PDUReader(bytes)
        let smsc = hasSMSC ? try PhoneAddress.readSMSCAddress(&reader) : nil
        let mtiOffset = reader.offset
        guard reader.remaining > 0 else {
            throw PDUError(.truncated, field: "first octet", offset: mtiOffset, "the PDU ends before the TPDU")
        }
        switch reader.bytes[mtiOffset] & 0x03 {
        case 0b00: return .deliver(try SMSDeliver.read(&reader, smsc: smsc))
        case 0b01: return .submit(try SMSSubmit.read(&reader, smsc: smsc))
        case 0b10: return .statusReport(try SMSStatusReport.read(&reader, smsc: smsc))
        default:
            throw PDUError(.invalidValue, field: "TP-MTI", offset: mtiOffset, "message type 11 is reserved")
        }
    }

    /// The service centre address, if the PDU carried one.
    public var smsc: PhoneAddress? {
        switch self {
        case .deliver(let pdu): pdu.smsc
        case .submit(let pdu): pdu.smsc
        case .statusReport(let pdu): pdu.smsc
        }
    }

    /// The user data, if any.
    public var userData: UserData? {
        switch self {
        case .deliver(let pdu): pdu.userData
        case .submit(let pdu): pdu.userData
        case .statusReport(let pdu): pdu.userData
        }
    }
}
