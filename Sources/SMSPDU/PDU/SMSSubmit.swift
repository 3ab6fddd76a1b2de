// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An SMS-SUBMIT: a message from this device to the service centre.
///
/// Related specification: 3GPP TS 23.040 §9.2.2.2.
public struct SMSSubmit: Hashable, Sendable {
    /// The service centre address carried before the TPDU; nil means "use the SIM's" (a single 00 octet).
    public var smsc: PhoneAddress?
    /// TP-RD: ask the service centre to reject a duplicate of a message still held.
    public var rejectDuplicates: Bool
    /// TP-SRR: request a status report.
    public var statusReportRequest: Bool
    /// TP-RP: request a reply path.
    public var replyPath: Bool
    /// TP-MR: the message reference (0 lets the modem choose).
    public var messageReference: UInt8
    /// TP-DA: the recipient.
    public var destination: PhoneAddress
    /// TP-PID.
    public var protocolIdentifier: UInt8
    /// TP-VP, with its format; nil when absent.
    public var validityPeriod: ValidityPeriod?
    /// TP-DCS, TP-UDL and TP-UD.
    public var userData: UserData

    public init(
        smsc: PhoneAddress? = nil,
        rejectDuplicates: Bool = false,
        statusReportRequest: Bool = false,
        replyPath: Bool = false,
        messageReference: UInt8 = 0,
        destination: PhoneAddress,
        protocolIdentifier: UInt8 = 0,
        validityPeriod: ValidityPeriod? = nil,
        userData: UserData
    ) {
        self.smsc = smsc
        self.rejectDuplicates = rejectDuplicates
        self.statusReportRequest = statusReportRequest
        self.replyPath = replyPath
        self.messageReference = messageReference
        self.destination = destination
        self.protocolIdentifier = protocolIdentifier
        self.validityPeriod = validityPeriod
        self.userData = userData
    }

    static func read(_ reader: inout PDUReader, smsc: PhoneAddress?) throws(PDUError) -> SMSSubmit {
        let firstOctet = try reader.readByte("first octet")
        let reference = try reader.readByte("TP-MR")
        let destination = try PhoneAddress.readTPAddress(&reader, field: "TP-DA")
        let pid = try reader.readByte("TP-PID")
        let dcs = DataCodingScheme(rawValue: try reader.readByte("TP-DCS"))
        let validity: ValidityPeriod?
        switch (firstOctet >> 3) & 0x03 {
        case 0b10: validity = .relative(try reader.readByte("TP-VP"))
        case 0b11: validity = .absolute(try SMSTimestamp.read(&reader, field: "TP-VP"))
        case 0b01: validity = .enhanced(Array(try reader.readBytes(7, "TP-VP")))
        default: validity = nil
        }
        let userData = try UserData.read(&reader, dataCoding: dcs, hasHeader: firstOctet & 0x40 != 0)
        return SMSSubmit(
            smsc: smsc,
            rejectDuplicates: firstOctet & 0x04 != 0,
            statusReportRequest: firstOctet & 0x20 != 0,
            replyPath: firstOctet & 0x80 != 0,
            messageReference: reference,
            destination: destination,
            protocolIdentifier: pid,
            validityPeriod: validity,
            userData: userData
        )
    }

    /// The TPDU octets (without the SMSC address); their count is the `AT+CMGS` length.
    public func encodedTPDU() throws(PDUError) -> [UInt8] {
        var firstOctet: UInt8 = 0x01
        if rejectDuplicates { firstOctet |= 0x04 }
        if let validityPeriod { firstOctet |= validityPeriod.formatBits }
        if statusReportRequest { firstOctet |= 0x20 }
        if userData.header != nil { firstOctet |= 0x40 }
        if replyPath { firstOctet |= 0x80 }
        var bytes = [firstOctet, messageReference]
        bytes += try destination.encodeTPAddress()
        bytes.append(protocolIdentifier)
        bytes.append(userData.dataCoding.rawValue)
        if let validityPeriod {
            bytes += try validityPeriod.encoded()
        }
        bytes += userData.encoded()
        return bytes
    }
}
