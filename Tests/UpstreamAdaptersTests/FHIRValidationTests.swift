// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SyncProtocol
import Testing
import UpstreamAdapters

/// The adapter's resources checked by `fhir.resources` (R4B models, from PyPI) through `Scripts/fhir_validate.py`,
/// which also checks them against the Questionnaire.
@Suite(.serialized) struct FHIRValidationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Runs the validator on `files`; its exit status and output.
    static func validate(_ files: [String], questionnaire: String) throws -> (status: Int32, output: String) {
        let setup = Process()
        setup.executableURL = URL(fileURLWithPath: root + "/Scripts/fhir-venv.sh")
        try setup.run()
        setup.waitUntilExit()
        #expect(setup.terminationStatus == 0, "Scripts/fhir-venv.sh could not install fhir.resources")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: root + "/.build/fhir-venv/bin/python")
        process.arguments = [root + "/Scripts/fhir_validate.py", "--questionnaire", questionnaire] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static func write(_ value: JSONValue, _ name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try SyncJSON.encoder().encode(value).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "careconnect-fhir-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theShippedQuestionnaireIsTheOneTheAdapterUses() throws {
        let data = try Data(
            contentsOf: URL(fileURLWithPath: Self.root + "/Documentation/fhir/nhs-fft-questionnaire.json")
        )
        #expect(try SyncJSON.decoder().decode(JSONValue.self, from: data) == FHIRQuestionnaire.resource)
    }

    @Test func theAdaptersBundlesAndQuestionnaireAreValidR4() throws {
        let device = try TestDevice.make()
        var ids: [String] = []
        for rating in 1...6 {
            ids.append(try device.recordKiosk(rating: rating, comment: rating == 3 ? "Średnio — ok 👍" : nil))
        }
        ids.append(try device.recordSMS(from: "+447700900123", text: "2 good food", score: 2, comment: "good food"))
        // A comment that follows a score arrives as its own event with both answers.
        ids.append(try device.recordSMS(from: "+447700900124", text: "5", score: 5, comment: nil))
        let (bundle, entries, _) = FHIRTarget.bundle(for: try device.batch(ids), site: "RXX01", ward: "Ward 7")
        #expect(entries.count == 8)
        let directory = try Self.directory()
        let questionnaire = try Self.write(FHIRQuestionnaire.resource, "questionnaire.json", in: directory)
        let bundlePath = try Self.write(bundle, "bundle.json", in: directory)
        let shipped = Self.root + "/Documentation/fhir/nhs-fft-questionnaire.json"
        let result = try Self.validate([bundlePath, questionnaire], questionnaire: shipped)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("11 resources valid"), "\(result.output)")
    }

    @Test func theValidatorFailsOnABrokenResource() throws {
        let device = try TestDevice.make()
        let id = try device.recordKiosk(rating: 2, comment: nil)
        let event = try #require(try device.batch([id]).events.first)
        guard case .success(.object(var response)) = FHIRResponseMapping.response(for: event, deviceID: "d") else {
            Issue.record("no response")
            return
        }
        let directory = try Self.directory()
        let questionnaire = try Self.write(FHIRQuestionnaire.resource, "questionnaire.json", in: directory)
        #expect(
            try Self.validate([Self.write(.object(response), "good.json", in: directory)], questionnaire: questionnaire)
                .status == 0
        )

        // A code the Questionnaire does not offer, a linkId it does not have, and no status at all.
        response["item"] = .array([
            .object([
                "linkId": .string("fft"),
                "answer": .array([
                    .object([
                        "valueCoding": .object([
                            "system": .string(FHIRQuestionnaire.answerSystem), "code": .string("9"),
                        ])
                    ])
                ]),
            ]),
            .object(["linkId": .string("mood"), "answer": .array([.object(["valueString": .string("x")])])]),
        ])
        let badCodes = try Self.validate(
            [Self.write(.object(response), "codes.json", in: directory)],
            questionnaire: questionnaire
        )
        #expect(badCodes.status == 1)
        #expect(badCodes.output.contains("is not one of its answerOption codings"), "\(badCodes.output)")
        #expect(badCodes.output.contains("linkId 'mood' is not in the Questionnaire"), "\(badCodes.output)")
        response["status"] = nil
        let noStatus = try Self.validate(
            [Self.write(.object(response), "no-status.json", in: directory)],
            questionnaire: questionnaire
        )
        #expect(noStatus.status == 1)
        #expect(noStatus.output.contains("status"), "\(noStatus.output)")
        response["status"] = .string("completed")
        response["authored"] = .string("yesterday")
        let badTime = try Self.validate(
            [Self.write(.object(response), "bad-time.json", in: directory)],
            questionnaire: questionnaire
        )
        #expect(badTime.status == 1)
        #expect(badTime.output.contains("authored"), "\(badTime.output)")
    }
}
