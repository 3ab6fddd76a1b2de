// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Testing

/// The `careconnect pdu` contract, exercised through the real binary.
@Suite struct PDUCommandTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [directory, Bundle.main.bundleURL].map { $0.appendingPathComponent("careconnect") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    func json(_ line: some StringProtocol) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
    }

    @Test func decodePrintsTheContractFields() throws {
        let result = try run([
            "pdu", "decode",
            "0791447758100650000C91447700091032000842102030405040220045006D006F006A00690020D83DDE00D83DDC4D00200061006E006400204F60597D",
        ])
        #expect(result.status == 0)
        let object = try json(result.stdout)
        #expect(object["type"] as? String == "deliver")
        #expect(object["smsc"] as? String == "+447785016005")
        #expect(object["sender"] as? String == "+447700900123")
        #expect(object["timestamp"] as? String == "2024-01-02T03:04:05+01:00")
        #expect(object["encoding"] as? String == "ucs2")
        #expect(object["text"] as? String == "Emoji 😀👍 and 你好")
        #expect(object["concat"] is NSNull)
        #expect(object["class"] is NSNull)
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test func decodeStatusReportFields() throws {
        let result = try run(["pdu", "decode", "00062A0C9144770009103242102030405000421020304150404600"])
        let object = try json(result.stdout)
        #expect(object["type"] as? String == "status-report")
        #expect(object["recipient"] as? String == "+447700900123")
        #expect(object["reference"] as? Int == 42)
        #expect(object["status"] as? Int == 0x46)
        #expect(object["discharge_time"] as? String == "2024-01-02T03:14:05+01:00")
    }

    @Test func badInputExitsTwoWithOneLine() throws {
        let result = try run(["pdu", "decode", "0791447758100650000C9144770009103200084210203040500022004500"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("TP-UD at byte 27") == true)
    }

    @Test func encodePrintsLengthAndHexPerPart() throws {
        let text = String(repeating: "Thank you for the care on ward 7. ", count: 6)
        let result = try run(["pdu", "encode", "--to", "+447700900123", "--status-report", "--reference", "12", text])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        var decoded = ""
        for (index, line) in lines.enumerated() {
            let fields = line.split(separator: " ")
            #expect(fields.count == 2)
            #expect(Int(fields[0]) == fields[1].count / 2 - 1)
            let object = try json(try run(["pdu", "decode", String(fields[1])]).stdout)
            #expect(object["status_report_requested"] as? Bool == true)
            let concat = object["concat"] as? [String: Int]
            #expect(concat?["ref"] == 12)
            #expect(concat?["part"] == index + 1)
            #expect(concat?["total"] == 2)
            decoded += object["text"] as? String ?? ""
        }
        #expect(decoded == text)
    }

    @Test func encodeRejectsBadNumber() throws {
        let result = try run(["pdu", "encode", "--to", "07700 9OO123", "hello"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a phone number"))
    }

    @Test func decodeReadsStandardInput() throws {
        let input = "0001000C91447700091032000022C8329BFD066D50F7B79C4DDEA4401B1E7EE3036DCA35D086B2E96D809B17\nZZ\n"
        let result = try run(["pdu", "decode", "-"], stdin: input)
        #expect(result.status == 2)
        #expect(try json(result.stdout.split(separator: "\n")[0])["text"] as? String == "Hello {world} [x] €5 ^~|\\")
        #expect(result.stderr.contains("line 2"))
    }
}
