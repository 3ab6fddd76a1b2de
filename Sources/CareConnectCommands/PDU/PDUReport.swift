// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SMSPDU

/// The JSON shape `careconnect pdu decode` prints for one PDU.
///
/// Keys are snake_case; absent values are `null` rather than missing, so scripts can rely on every key.
struct PDUReport: Encodable {
    struct Concat: Encodable {
        var ref: Int
        var part: Int
        var total: Int
        var bits: Int
    }

    struct Element: Encodable {
        var iei: Int
        var data: String
    }

    var type: String
    var smsc: String?
    var sender: String?
    var recipient: String?
    var timestamp: String?
    var encoding: String?
    var text: String?
    var data: String?
    var concat: Concat?
    var messageClass: Int?
    var reference: Int?
    var status: Int?
    var statusText: String?
    var statusCategory: String?
    var dischargeTime: String?
    var statusReportRequested: Bool?
    var validityMinutes: Int?
    var protocolIdentifier: Int?
    var lockingShift: String?
    var singleShift: String?
    var udh: [Element]?
    var undecodableCharacters: Int

    init(_ pdu: PDU) {
        smsc = pdu.smsc?.description
        undecodableCharacters = 0
        switch pdu {
        case .deliver(let deliver):
            type = "deliver"
            sender = deliver.originator.description
            timestamp = deliver.serviceCentreTimestamp.description
            protocolIdentifier = Int(deliver.protocolIdentifier)
            statusReportRequested = deliver.statusReportIndication
        case .submit(let submit):
            type = "submit"
            recipient = submit.destination.description
            reference = Int(submit.messageReference)
            protocolIdentifier = Int(submit.protocolIdentifier)
            statusReportRequested = submit.statusReportRequest
            validityMinutes = submit.validityPeriod?.minutes
        case .statusReport(let report):
            type = "status-report"
            recipient = report.recipient.description
            timestamp = report.serviceCentreTimestamp.description
            reference = Int(report.messageReference)
            status = Int(report.status.rawValue)
            statusText = report.status.description
            statusCategory = report.status.category.rawValue
            dischargeTime = report.dischargeTime.description
            protocolIdentifier = report.protocolIdentifier.map(Int.init)
        }
        if let userData = pdu.userData {
            encoding = userData.dataCoding.alphabet.rawValue
            messageClass = userData.dataCoding.messageClass
            text = userData.text
            if userData.dataCoding.alphabet == .eightBit {
                data = Hex.encode(userData.payload)
            }
            if let header = userData.header {
                udh = header.elements.map { Element(iei: Int($0.identifier), data: Hex.encode($0.data)) }
                concat = header.concatenation.map {
                    Concat(ref: $0.reference, part: $0.part, total: $0.total, bits: $0.referenceIs16Bit ? 16 : 8)
                }
                lockingShift = header.lockingShift.map { "\($0)" }
                singleShift = header.singleShift.map { "\($0)" }
            }
            undecodableCharacters = userData.undecodableCharacters
        }
    }

    enum CodingKeys: String, CodingKey {
        case type, smsc, sender, recipient, timestamp, encoding, text, data, concat
        case messageClass = "class"
        case reference, status
        case statusText = "status_text"
        case statusCategory = "status_category"
        case dischargeTime = "discharge_time"
        case statusReportRequested = "status_report_requested"
        case validityMinutes = "validity_minutes"
        case protocolIdentifier = "pid"
        case lockingShift = "locking_shift"
        case singleShift = "single_shift"
        case udh
        case undecodableCharacters = "undecodable_characters"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(smsc, forKey: .smsc)
        if type == "deliver" {
            try container.encode(sender, forKey: .sender)
        } else {
            try container.encode(recipient, forKey: .recipient)
        }
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(encoding, forKey: .encoding)
        try container.encode(text, forKey: .text)
        try container.encode(concat, forKey: .concat)
        try container.encode(messageClass, forKey: .messageClass)
        try container.encode(protocolIdentifier, forKey: .protocolIdentifier)
        try container.encode(udh, forKey: .udh)
        try container.encode(lockingShift, forKey: .lockingShift)
        try container.encode(singleShift, forKey: .singleShift)
        try container.encode(undecodableCharacters, forKey: .undecodableCharacters)
        try container.encode(statusReportRequested, forKey: .statusReportRequested)
        if encoding == "8bit" {
            try container.encode(data, forKey: .data)
        }
        switch type {
        case "submit":
            try container.encode(reference, forKey: .reference)
            try container.encode(validityMinutes, forKey: .validityMinutes)
        case "status-report":
            try container.encode(reference, forKey: .reference)
            try container.encode(status, forKey: .status)
            try container.encode(statusText, forKey: .statusText)
            try container.encode(statusCategory, forKey: .statusCategory)
            try container.encode(dischargeTime, forKey: .dischargeTime)
        default:
            break
        }
    }

    /// One line of JSON with keys in a stable (sorted) order.
    func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and nulls cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
