// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import SyncProtocol

/// The NHS Friends and Family Test (2020 question) as an R4 `Questionnaire`, and the names its answers use.
///
/// The canonical URL and code system are the project's own, under the reserved `.example` domain until a trust
/// publishes its copy; they are constants here and in `Documentation/fhir/nhs-fft-questionnaire.json`.
public enum FHIRQuestionnaire {
    public static let url = "https://fhir.careconnect.example/Questionnaire/nhs-fft-2020"
    public static let version = "1"
    /// What a response's `questionnaire` holds: the canonical with its version.
    public static let canonical = "\(url)|\(version)"
    public static let answerSystem = "https://fhir.careconnect.example/CodeSystem/nhs-fft-answer"
    public static let deviceSystem = "https://fhir.careconnect.example/device"
    public static let channelSystem = "https://fhir.careconnect.example/CodeSystem/feedback-channel"
    public static let question = "Overall, how was your experience of our service?"
    public static let commentQuestion = "Please can you tell us why you gave your answer?"

    /// The six answers, coded 1 … 6 as NHS England's data columns number them.
    public static let answers: [(code: String, display: String)] = [
        ("1", "Very good"), ("2", "Good"), ("3", "Neither good nor poor"), ("4", "Poor"), ("5", "Very poor"),
        ("6", "Don't know"),
    ]

    /// The coding of answer `code` (1 … 6), or nil.
    public static func coding(_ code: String) -> JSONValue? {
        guard let answer = answers.first(where: { $0.code == code }) else { return nil }
        return .object([
            "system": .string(answerSystem), "code": .string(answer.code), "display": .string(answer.display),
        ])
    }

    /// The Questionnaire resource.
    public static var resource: JSONValue {
        .object([
            "resourceType": .string("Questionnaire"),
            "id": .string("nhs-fft-2020"),
            "url": .string(url),
            "version": .string(version),
            "name": .string("NHSFriendsAndFamilyTest2020"),
            "title": .string("NHS Friends and Family Test"),
            "status": .string("active"),
            "subjectType": .array([.string("Location")]),
            "item": .array([
                .object([
                    "linkId": .string("fft"),
                    "text": .string(question),
                    "type": .string("choice"),
                    "required": .bool(true),
                    "answerOption": .array(answers.compactMap { coding($0.code) }.map { .object(["valueCoding": $0]) }),
                ]),
                .object([
                    "linkId": .string("why"),
                    "text": .string(commentQuestion),
                    "type": .string("text"),
                    "required": .bool(false),
                ]),
            ]),
        ])
    }
}
