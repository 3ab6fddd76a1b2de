// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import SyncProtocol

/// FFT answers (kiosk and SMS) as R4 `QuestionnaireResponse`s, and batches of them as `batch` Bundles. Pure.
public enum FHIRResponseMapping {
    /// The identifier system of a response: the device's event id as a URN.
    public static let identifierSystem = "urn:ietf:rfc:3986"

    /// Why an event has no QuestionnaireResponse.
    public struct NotApplicable: Error, Sendable, Hashable {
        public var reason: String
    }

    /// The `QuestionnaireResponse` for an FFT answer event (`kiosk.response`, or `feedback.fft` from SMS), or why
    /// there is none. `deviceID` becomes the author; `site` and `ward`, when known, the subject.
    public static func response(
        for event: SyncEvent,
        deviceID: String,
        site: String? = nil,
        ward: String? = nil
    ) -> Result<JSONValue, NotApplicable> {
        let payload = event.payload
        let code: String?
        let comment: String?
        let channel: String
        switch event.type {
        case "kiosk.response":
            code = payload["rating"].flatMap(Self.integerText)
            comment = payload["comment"]?.stringValue
            channel = "kiosk"
        case "feedback.fft":
            code = payload["answers"]?["fft"].flatMap(Self.integerText)
            comment = payload["answers"]?["why"]?.stringValue
            channel = payload["channel"]?.stringValue ?? "sms"
        default:
            return .failure(
                NotApplicable(reason: "\(event.type) events are not FFT answers; only kiosk and SMS answers are sent")
            )
        }
        var items: [JSONValue] = []
        if let code {
            guard let coding = FHIRQuestionnaire.coding(code) else {
                return .failure(NotApplicable(reason: "the FFT answer \(code) is not one of 1 … 6"))
            }
            items.append(.object(["linkId": .string("fft"), "answer": .array([.object(["valueCoding": coding])])]))
        }
        if let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines), !comment.isEmpty {
            items.append(
                .object(["linkId": .string("why"), "answer": .array([.object(["valueString": .string(comment)])])])
            )
        }
        guard !items.isEmpty else {
            return .failure(NotApplicable(reason: "the event has neither a score nor a comment"))
        }
        var resource: [String: JSONValue] = [
            "resourceType": .string("QuestionnaireResponse"),
            "identifier": .object(["system": .string(identifierSystem), "value": .string("urn:uuid:\(event.eventID)")]),
            "questionnaire": .string(FHIRQuestionnaire.canonical),
            // Without the score the required item is missing, so the response is not complete.
            "status": .string(code == nil ? "in-progress" : "completed"),
            "authored": .string(authored(event.occurredAt)),
            "author": .object([
                "identifier": .object(["system": .string(FHIRQuestionnaire.deviceSystem), "value": .string(deviceID)])
            ]),
            "meta": .object([
                "tag": .array([.object(["system": .string(FHIRQuestionnaire.channelSystem), "code": .string(channel)])])
            ]),
            "item": .array(items),
        ]
        if let language = payload["language"]?.stringValue, !language.isEmpty {
            resource["language"] = .string(language)
        }
        let wardName = ward ?? payload["ward"]?.stringValue
        let siteCode = site ?? payload["site_code"]?.stringValue
        if let siteCode, !siteCode.isEmpty {
            var subject: [String: JSONValue] = [
                "identifier": .object([
                    "system": .string("https://fhir.nhs.uk/Id/ods-site-code"), "value": .string(siteCode),
                ])
            ]
            if let wardName, !wardName.isEmpty { subject["display"] = .string(wardName) }
            resource["subject"] = .object(subject)
        }
        return .success(.object(resource))
    }

    /// A `batch` Bundle with one conditional create per response, keyed by the event id.
    public static func bundle(_ responses: [(eventID: String, resource: JSONValue)]) -> JSONValue {
        .object([
            "resourceType": .string("Bundle"),
            "type": .string("batch"),
            "entry": .array(
                responses.map { response in
                    .object([
                        "fullUrl": .string("urn:uuid:\(response.eventID)"),
                        "resource": response.resource,
                        "request": .object([
                            "method": .string("POST"),
                            "url": .string("QuestionnaireResponse"),
                            "ifNoneExist": .string("identifier=\(identifierSystem)|urn:uuid:\(response.eventID)"),
                        ]),
                    ])
                }
            ),
        ])
    }

    /// A FHIR `dateTime` with seconds and a zone.
    static func authored(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: .gmt))
    }

    private static func integerText(_ value: JSONValue) -> String? {
        switch value {
        case .integer(let number): String(number)
        case .string(let text): text
        case .number(let number) where number == number.rounded(): String(Int(number))
        default: nil
        }
    }
}
