// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import Foundation
import SMSPDU

extension CareConnect.Bench {
    /// `careconnect bench pdu`: PDUs decoded per second, next to python-gammu's rate on the same PDUs.
    struct PDUBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pdu",
            abstract: "Decode the same PDU corpus with careconnect and with python3-gammu; print both rates.",
            discussion: """
                The corpus mixes GSM 7-bit text with escapes, UCS-2 with emoji, concatenated parts and \
                alphanumeric senders. python3-gammu comes from Debian (apt-get install python3-gammu).
                """
        )

        @Option(help: "PDUs in the corpus.")
        var count = 5_000

        @Option(help: "Times each implementation decodes the whole corpus.")
        var rounds = 10

        @Option(help: "The python3-gammu oracle script.")
        var oracle = "Scripts/pdu_oracle.py"

        @Option(help: "The Python interpreter that has the gammu module.")
        var python = "/usr/bin/python3"

        func validate() throws {
            guard count > 0, rounds > 0 else { throw ValidationError("--count and --rounds must be positive") }
        }

        func run() throws {
            print("building a corpus of \(count) PDUs…")
            let corpus = try BenchCorpus.make(count: count)
            let bytes = try corpus.map { try Hex.decode($0) }

            print("careconnect: decoding \(count) PDUs × \(rounds) rounds…")
            let clock = ContinuousClock()
            var characters = 0
            let elapsed = try clock.measure {
                for _ in 0..<rounds {
                    for pdu in bytes {
                        characters += try PDU.decode(bytes: pdu).userData?.text?.unicodeScalars.count ?? 0
                    }
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let ours = Double(count * rounds) / seconds
            print("careconnect: \(Int(ours)) PDUs/s (\(characters) characters decoded)")

            guard FileManager.default.fileExists(atPath: oracle) else {
                print("python3-gammu: skipped, \(oracle) not found (run from the repository root)")
                return
            }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "careconnect-bench-\(getpid()).txt"
            )
            defer { try? FileManager.default.removeItem(at: file) }
            try corpus.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            print("python3-gammu: decoding the same PDUs × \(rounds) rounds…")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [oracle, "bench", file.path, String(rounds)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                let result = try JSONSerialization.jsonObject(with: output) as? [String: Any],
                let theirs = result["per_second"] as? Double
            else {
                throw ValidationError("python3-gammu benchmark failed (apt-get install python3-gammu)")
            }
            print("python3-gammu: \(Int(theirs)) PDUs/s")
            print(
                String(
                    format: "ratio: careconnect decodes %.2f× as many PDUs per second as python3-gammu",
                    ours / theirs
                )
            )
        }
    }
}

/// A deterministic mix of PDUs for benchmarks and the demo.
enum BenchCorpus {
    static func make(count: Int) throws -> [String] {
        let gsm = Array("The nurses were kind {and} quick [ward 7] ~ €5 ^ | \\ Great care, thank you! ")
        let unicode = Array("Dziękuję za opiekę 😀 شكرا 你好 ধন্যবাদ આભાર ਧੰਨਵਾਦ Mulțumesc ")
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var pdus: [String] = []
        var options = MessageEncoder.Options()
        options.smsc = try PhoneAddress(number: "+447785016005")
        while pdus.count < count {
            let pool = next() % 3 == 0 ? unicode : gsm
            let length = 10 + next() % 300
            let text = String((0..<length).map { _ in pool[next() % pool.count] })
            options.concatenationReference = next() % 256
            let sender =
                next() % 10 == 0
                ? PhoneAddress(typeOfNumber: .alphanumeric, numberingPlan: 0, value: "NHSTrust")
                : PhoneAddress(typeOfNumber: .international, value: "4477009\(String(100_000 + next() % 899_999))")
            let stamp = SMSTimestamp(
                secondsSince1970: Int64(1_764_000_000 + next() % 10_000_000),
                utcOffsetQuarterHours: 0
            )
            for part in try MessageEncoder.deliver(text: text, from: sender, timestamp: stamp, options: options) {
                pdus.append(part.hex)
            }
        }
        return Array(pdus.prefix(count))
    }
}
