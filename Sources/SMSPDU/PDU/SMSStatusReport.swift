// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An SMS-STATUS-REPORT: the service centre's word on a message this device submitted.
///
/// Related specification: 3GPP TS 23.040 §9.2.2.3.
public struct SMSStatusReport: Hashable, Sendable {
    /// The service centre address carried before the TPDU, if any.
    public var smsc: PhoneAddress?
    /// TP-MMS: false when the service centre has more messages waiting.
    public var noMoreMessagesToSend: Bool
    /// TP-LP.
    public var loopPrevention: Bool
    /// TP-SRQ: true when this reports on an SMS-COMMAND, false for an SMS-SUBMIT.
    public var isCommandReport: Bool
    /// TP-MR of the submitted message this report is about.
    public var messageReference: UInt8
    /// TP-RA: the recipient of the submitted message.
    public var recipient: PhoneAddress
    /// TP-SCTS: when the service centre received the submitted message.
    public var serviceCentreTimestamp: SMSTimestamp
    /// TP-DT: when the status below was reached (for example, delivery).
    public var dischargeTime: SMSTimestamp
    /// TP-ST.
    public var status: TransferStatus
    /// TP-PI, when present.
    public var parameterIndicator: UInt8?
    /// TP-PID, when TP-PI announces it.
    public var protocolIdentifier: UInt8?
    /// TP-DCS, TP-UDL and TP-UD, when TP-PI announces them.
    public var userData: UserData?

    public init(
        smsc: PhoneAddress? = nil,
        noMoreMessagesToSend: Bool = true,
        loopPrevention: Bool = false,
        isCommandReport: Bool = false,
        messageReference: UInt8,
        recipient: PhoneAddress,
        serviceCentreTimestamp: SMSTimestamp,
        dischargeTime: SMSTimestamp,
        status: TransferStatus,
        parameterIndicator: UInt8? = nil,
        protocolIdentifier: UInt8? = nil,
        userData: UserData? = nil
    ) {
        self.smsc = smsc
        self.noMoreMessagesToSend = noMoreMessagesToSend
        self.loopPrevention = loopPrevention
        self.isCommandReport = isCommandReport
        self.messageReference = messageReference
        self.recipient = recipient
        self.serviceCentreTimestamp = serviceCentreTimestamp
        self.dischargeTime = dischargeTime
        self.status = status
        self.parameterIndicator = parameterIndicator
        self.protocolIdentifier = protocolIdentifier
        self.userData = userData
    }

    static func read(_ reader: inout PDUReader, smsc: PhoneAddress?) throws(PDUError) -> SMSStatusReport {
        let firstOctet = try reader.readByte("first octet")
        let reference = try reader.readByte("TP-MR")
        let recipient = try PhoneAddress.readTPAddress(&reader, field: "TP-RA")
        let scts = try SMSTimestamp.read(&reader, field: "TP-SCTS")
        let dischargeTime = try SMSTimestamp.read(&reader, field: "TP-DT")
        let status = TransferStatus(rawValue: try reader.readByte("TP-ST"))
        var report = SMSStatusReport(
            smsc: smsc,
            noMoreMessagesToSend: firstOctet & 0x04 != 0,
            loopPrevention: firstOctet & 0x08 != 0,
            isCommandReport: firstOctet & 0x20 != 0,
            messageReference: reference,
            recipient: recipient,
            serviceCentreTimestamp: scts,
            dischargeTime: dischargeTime,
            status: status
        )
        guard reader.remaining > 0 else { return report }
        // TP-PI and what it announces are optional (§9.2.3.27); reserved bits are ignored.
        let indicator = try reader.readByte("TP-PI")
        report.parameterIndicator = indicator
        if indicator & 0x01 != 0 {
            report.protocolIdentifier = try reader.readByte("TP-PID")
        }
        var dcs = DataCodingScheme(rawValue: 0)
        if indicator & 0x02 != 0 {
            dcs = DataCodingScheme(rawValue: try reader.readByte("TP-DCS"))
        }
        if indicator & 0x04 != 0 {
            report.userData = try UserData.read(&reader, dataCoding: dcs, hasHeader: firstOctet & 0x40 != 0)
        } else {
            try reader.expectEnd(after: "TP-PI")
        }
        return report
    }

    /// The TPDU octets (without the SMSC address).
    public func encodedTPDU() throws(PDUError) -> [UInt8] {
        var firstOctet: UInt8 = 0x02
        if noMoreMessagesToSend { firstOctet |= 0x04 }
        if loopPrevention { firstOctet |= 0x08 }
        if isCommandReport { firstOctet |= 0x20 }
        if userData?.header != nil { firstOctet |= 0x40 }
        var bytes = [firstOctet, messageReference]
        bytes += try recipient.encodeTPAddress()
        bytes += try serviceCentreTimestamp.encoded()
        bytes += try dischargeTime.encoded()
        bytes.append(status.rawValue)
        if let userData {
            bytes.append((parameterIndicator ?? 0) | 0x06 | (protocolIdentifier != nil ? 0x01 : 0))
            if let protocolIdentifier { bytes.append(protocolIdentifier) }
            bytes.append(userData.dataCoding.rawValue)
            bytes += userData.encoded()
        } else if let parameterIndicator {
            bytes.append(parameterIndicator & ~0x06 | (protocolIdentifier != nil ? 0x01 : 0))
            if let protocolIdentifier { bytes.append(protocolIdentifier) }
        }
        return bytes
    }
}
