// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Testing

@testable import SMSPDU

/// Differential tests against python3-gammu, an implementation written elsewhere (`make test` installs it).
///
/// Both directions: gammu encodes 10,000 PDUs that we decode, and we encode 10,000 PDUs that gammu decodes.
/// Any disagreement fails the test and is printed.
@Suite(.serialized) struct GammuDifferentialTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let oracle = root.appendingPathComponent("Scripts/pdu_oracle.py").path
    static let python = "/usr/bin/python3"

    private func runOracle(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.oracle] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            let text = String(decoding: message, as: UTF8.self)
            Issue.record("the gammu oracle failed (is python3-gammu installed? `make test` installs it): \(text)")
            throw CocoaError(.executableLoad)
        }
    }

    private func readJSONLines(_ url: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "careconnect-oracle-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Our view of a decoded PDU in the oracle's vocabulary.
    private func describe(_ pdu: PDU) -> [String: String] {
        var fields: [String: String] = [:]
        let userData = pdu.userData
        switch pdu {
        case .deliver(let deliver):
            fields["type"] = "deliver"
            fields["number"] = deliver.originator.description
            let stamp = deliver.serviceCentreTimestamp
            fields["datetime"] = String(stamp.description.prefix(19))
        case .submit(let submit):
            fields["type"] = "submit"
            fields["number"] = submit.destination.description
        case .statusReport(let report):
            fields["type"] = "status-report"
            fields["number"] = report.recipient.description
            fields["reference"] = String(report.messageReference)
        }
        fields["smsc"] = pdu.smsc?.description ?? ""
        fields["text"] = userData?.text ?? ""
        fields["encoding"] = userData?.dataCoding.alphabet.rawValue ?? ""
        fields["class"] = String(userData?.dataCoding.messageClass ?? -1)
        if let concat = userData?.header?.concatenation {
            fields["concat"] = "\(concat.reference)/\(concat.part)/\(concat.total)/\(concat.referenceIs16Bit ? 16 : 8)"
        } else {
            fields["concat"] = "none"
        }
        return fields
    }

    private func oracleFields(_ record: [String: Any]) -> [String: String] {
        var fields: [String: String] = [:]
        for key in ["type", "number", "text", "encoding", "datetime"] {
            if let value = record[key] as? String { fields[key] = value }
        }
        fields["smsc"] = record["smsc"] as? String ?? ""
        fields["class"] = String(record["class"] as? Int ?? -1)
        if let concat = record["concat"] as? [String: Int] {
            fields["concat"] =
                "\(concat["ref"] ?? -1)/\(concat["part"] ?? -1)/\(concat["total"] ?? -1)/\(concat["bits"] ?? -1)"
        } else {
            fields["concat"] = "none"
        }
        return fields
    }

    /// gammu encodes 10,000 PDUs; we decode each to the same fields and reassemble every message's text.
    @Test func weDecodeWhatGammuEncodes() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("gammu.jsonl")
        try runOracle(["generate", "10000", "20261125", output.path])
        let records = try readJSONLines(output)
        #expect(records.count >= 10_000)

        var disagreements: [String] = []
        var messages: [Int: (expected: String, parts: [Int: String], total: Int)] = [:]
        for record in records {
            guard let hex = record["pdu"] as? String else { continue }
            do {
                let pdu = try PDU.decode(hex: hex)
                let ours = describe(pdu)
                var theirs = oracleFields(record)
                if ours["type"] != "deliver" { theirs["datetime"] = nil }
                for (key, value) in theirs where ours[key] != value {
                    disagreements.append("\(hex) \(key): ours \(ours[key] ?? "nil") gammu \(value)")
                }
                let message = record["message"] as? Int ?? -1
                var entry =
                    messages[message] ?? (record["message_text"] as? String ?? "", [:], record["parts"] as? Int ?? 0)
                entry.parts[record["index"] as? Int ?? 0] = pdu.userData?.text ?? ""
                messages[message] = entry
            } catch {
                disagreements.append("\(hex): we failed: \(error)")
            }
        }
        for (id, message) in messages where message.parts.count == message.total {
            let text = (0..<message.total).map { message.parts[$0] ?? "" }.joined()
            if text != message.expected {
                disagreements.append(
                    "message \(id): reassembled \(text.debugDescription) expected \(message.expected.debugDescription)"
                )
            }
        }
        #expect(
            disagreements.isEmpty,
            "\(disagreements.count) disagreements:\n\(disagreements.prefix(20).joined(separator: "\n"))"
        )
    }

    /// We encode 10,000 PDUs (SUBMIT, DELIVER, STATUS-REPORT); gammu decodes each to the fields we meant.
    @Test func gammuDecodesWhatWeEncode() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SplitMix64(seed: 20_261_125)
        var pdus: [String] = []
        var expectations: [[String: String]] = []
        let gsm = RoundTripTests.gsmBasic + RoundTripTests.gsmExtension.filter { $0 != "\u{0C}" }
        let unicode = RoundTripTests.unicode + RoundTripTests.gsmBasic
        while pdus.count < 10_000 {
            let isUnicode = generator.next() % 3 == 0
            let pool = isUnicode ? unicode : gsm
            let length = Int(generator.next() % (isUnicode ? 250 : 500))
            let text = String((0..<length).map { _ in pool[Int(generator.next() % UInt64(pool.count))] })
            var options = MessageEncoder.Options()
            options.reference16Bit = generator.next() % 2 == 0
            options.concatenationReference = Int(generator.next() % (options.reference16Bit ? 65_536 : 256))
            options.messageClass = [nil, nil, 0, 1, 2][Int(generator.next() % 5)]
            options.statusReportRequest = generator.next() % 2 == 0
            options.smsc = generator.next() % 2 == 0 ? try PhoneAddress(number: "+447785016005") : nil
            let digits = String(
                (0..<(9 + Int(generator.next() % 4))).map { _ in Character(String(generator.next() % 10)) }
            )
            let number = generator.next() % 4 == 0 ? "0" + digits : "+44" + digits
            let kind = generator.next() % 10
            let encoded: [EncodedPart]
            if kind < 5 {
                encoded = try MessageEncoder.submit(text: text, to: PhoneAddress(number: number), options: options)
            } else if kind < 9 {
                let stamp = SMSTimestamp(
                    secondsSince1970: 946_684_800 + Int64(generator.next() % 2_800_000_000),
                    utcOffsetQuarterHours: Int(generator.next() % 97) - 48
                )
                let sender =
                    kind == 8
                    ? PhoneAddress(typeOfNumber: .alphanumeric, numberingPlan: 0, value: "NHS Ward " + String(kind))
                    : try PhoneAddress(number: number)
                encoded = try MessageEncoder.deliver(text: text, from: sender, timestamp: stamp, options: options)
            } else {
                let stamp = SMSTimestamp(
                    secondsSince1970: 1_700_000_000 + Int64(generator.next() % 100_000_000),
                    utcOffsetQuarterHours: 0
                )
                let report = SMSStatusReport(
                    messageReference: UInt8(generator.next() % 256),
                    recipient: try PhoneAddress(number: number),
                    serviceCentreTimestamp: stamp,
                    dischargeTime: stamp,
                    status: TransferStatus(rawValue: [0x00, 0x20, 0x46, 0x60][Int(generator.next() % 4)])
                )
                let hex = Hex.encode([0] + (try report.encodedTPDU()))
                encoded = [EncodedPart(hex: hex, length: hex.count / 2 - 1, part: 1, total: 1)]
            }
            for part in encoded {
                pdus.append(part.hex)
                expectations.append(describe(try PDU.decode(hex: part.hex)))
            }
        }
        let input = directory.appendingPathComponent("ours.txt")
        let output = directory.appendingPathComponent("gammu.jsonl")
        try pdus.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        try runOracle(["decode", input.path, output.path])
        let records = try readJSONLines(output)
        #expect(records.count == pdus.count)

        var disagreements: [String] = []
        for (index, record) in records.enumerated() where index < pdus.count {
            if let error = record["error"] as? String {
                disagreements.append("\(pdus[index]): gammu failed: \(error)")
                continue
            }
            var theirs = oracleFields(record)
            var ours = expectations[index]
            if ours["type"] != "deliver" { theirs["datetime"] = nil }
            if ours["type"] == "status-report" {
                // gammu reads no user data from a status report; compare the report's own fields.
                theirs["reference"] = String(record["reference"] as? Int ?? -1)
                for key in ["text", "encoding", "class", "concat"] { theirs[key] = nil }
                ours["text"] = nil
            } else {
                ours["reference"] = nil
            }
            for (key, value) in theirs where ours[key] != value {
                disagreements.append("\(pdus[index]) \(key): ours \(ours[key] ?? "nil") gammu \(value)")
            }
        }
        #expect(
            disagreements.isEmpty,
            "\(disagreements.count) disagreements:\n\(disagreements.prefix(20).joined(separator: "\n"))"
        )
    }
}

/// A small seeded generator so the generated corpus is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
