// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An SMS-DELIVER: a message from the service centre to this device.
///
/// Related specification: 3GPP TS 23.040 §9.2.2.1.
public struct SMSDeliver: Hashable, Sendable {
    /// The service centre address carried before the TPDU, if any.
    public var smsc: PhoneAddress?
    /// TP-MMS: false when the service centre has more messages waiting for this device.
    public var noMoreMessagesToSend: Bool
    /// TP-LP: the message was forwarded or is a spawned message.
    public var loopPrevention: Bool
    /// TP-SRI: the sender asked for a status report.
    public var statusReportIndication: Bool
    /// TP-RP: a reply path exists.
    public var replyPath: Bool
    /// TP-OA: the sender.
    public var originator: PhoneAddress
    /// TP-PID.
    public var protocolIdentifier: UInt8
    /// TP-SCTS: when the service centre received the message.
    public var serviceCentreTimestamp: SMSTimestamp
    /// TP-DCS, TP-UDL and TP-UD.
    public var userData: UserData

    public init(
        smsc: PhoneAddress? = nil,
        noMoreMessagesToSend: Bool = true,
        loopPrevention: Bool = false,
        statusReportIndication: Bool = false,
        replyPath: Bool = false,
        originator: PhoneAddress,
        protocolIdentifier: UInt8 = 0,
        serviceCentreTimestamp: SMSTimestamp,
        userData: UserData
    ) {
        self.smsc = smsc
        self.noMoreMessagesToSend = noMoreMessagesToSend
        self.loopPrevention = loopPrevention
        self.statusReportIndication = statusReportIndication
        self.replyPath = replyPath
        self.originator = originator
        self.protocolIdentifier = protocolIdentifier
        self.serviceCentreTimestamp = serviceCentreTimestamp
        self.userData = userData
    }

    static func read(_ reader: inout PDUReader, smsc: PhoneAddress?) throws(PDUError) -> SMSDeliver {
        let firstOctet = try reader.readByte("first octet")
        let originator = try PhoneAddress.readTPAddress(&reader, field: "TP-OA")
        let pid = try reader.readByte("TP-PID")
        let dcs = DataCodingScheme(rawValue: try reader.readByte("TP-DCS"))
        let scts = try SMSTimestamp.read(&reader, field: "TP-SCTS")
        let userData = try UserData.read(&reader, dataCoding: dcs, hasHeader: firstOctet & 0x40 != 0)
        return SMSDeliver(
            smsc: smsc,
            noMoreMessagesToSend: firstOctet & 0x04 != 0,
            loopPrevention: firstOctet & 0x08 != 0,
            statusReportIndication: firstOctet & 0x20 != 0,
            replyPath: firstOctet & 0x80 != 0,
            originator: originator,
            protocolIdentifier: pid,
            serviceCentreTimestamp: scts,
            userData: userData
        )
    }

    /// The TPDU octets (without the SMSC address).
    public func encodedTPDU() throws(PDUError) -> [UInt8] {
        var firstOctet: UInt8 = 0x00
        if noMoreMessagesToSend { firstOctet |= 0x04 }
        if loopPrevention { firstOctet |= 0x08 }
        if statusReportIndication { firstOctet |= 0x20 }
        if userData.header != nil { firstOctet |= 0x40 }
        if replyPath { firstOctet |= 0x80 }
        var bytes = [firstOctet]
        bytes += try originator.encodeTPAddress()
        bytes.append(protocolIdentifier)
        bytes.append(userData.dataCoding.rawValue)
        bytes += try serviceCentreTimestamp.encoded()
        bytes += userData.encoded()
        return bytes
    }
}
