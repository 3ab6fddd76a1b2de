// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import MessageStore
import Testing
import UpstreamAdapters

/// `careconnect sync --target careconnect-v0.1` killed with SIGKILL while Care Connect holds a committed problem
/// without answering: the next process marks that post unknown and never sends it again, and staff resolve it
/// with `careconnect sync ledger`.
@Suite(.serialized, .timeLimit(.minutes(3))) struct CareConnectKillTests {
    static var binary: URL {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [directory, Bundle.main.bundleURL].map { $0.appendingPathComponent("careconnect") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    static func careconnect(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func output(_ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static func waitForExit(_ process: Process, seconds: Int = 60) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func killedMidRequestThePostBecomesUnknownIsNotSentAgainAndIsResolvedByHand() async throws {
        let double = CareConnectDouble()
        let device = try TestDevice.make()
        let state = (device.path as NSString).deletingLastPathComponent
        let first = try device.recordSMS(from: "+447700900001", text: "1 great", score: 1, comment: "great team")
        let held = try device.recordSMS(from: "+447700900002", text: "4 late", score: 4, comment: "meds late")
        let last = try device.recordSMS(from: "+447700900003", text: "2 ok", score: 2, comment: "ok overall")
        let passwordFile = state + "/careconnect-password"
        try (CareConnectDouble.password + "\n").write(toFile: passwordFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passwordFile)
        double.hold(from: 2)
        try await double.run { base in
            let arguments = [
                "sync", "--state-dir", state, "--config", state + "/none.toml", "--target", "careconnect-v0.1",
                "--careconnect-url", base, "--careconnect-username", CareConnectDouble.username,
                "--careconnect-password-file", passwordFile, "--organisation", "RXX01", "--device-id", "ward7-gateway",
                "--until-drained", "--log-level", "critical",
            ]
            let process = try Self.careconnect(arguments)
            // Care Connect has stored the second problem and holds its answer: kill -9 now.
            let deadline = ContinuousClock.now + .seconds(60)
            while double.problems.count < 2, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(double.problems.count == 2)
            kill(process.processIdentifier, SIGKILL)
            try await Self.waitForExit(process)
            double.release()
            #expect(try device.store.upstreamLedgerEntry(eventID: held)?.state == .posting)

            let again = try Self.careconnect(arguments)
            try await Self.waitForExit(again)
            #expect(again.terminationStatus == 0)
        }
        #expect(double.problems.map(\.fields["description"]) == ["great team", "meds late", "ok overall"])
        #expect(try device.store.upstreamLedgerEntry(eventID: first)?.reference == "P1")
        #expect(try device.store.upstreamLedgerEntry(eventID: held)?.state == .unknown)
        #expect(try device.store.upstreamLedgerEntry(eventID: last)?.reference == "P3")

        let listing = try Self.output(["sync", "ledger", "--state-dir", state, "--config", state + "/none.toml"])
        #expect(listing.status == 0)
        #expect(
            listing.text.contains("upstream ledger: posting 0, done 2, unknown 1, rejected 0, repost 0"),
            "\(listing.text)"
        )
        #expect(listing.text.contains("\(held)  unknown"), "\(listing.text)")
        let status = try Self.output(["status", "--state-dir", state, "--config", state + "/none.toml"])
        #expect(
            status.text.contains(
                "upstream ledger done 2, unknown 1, rejected 0 (check each one: careconnect sync ledger)"
            ),
            "\(status.text)"
        )
        let resolved = try Self.output([
            "sync", "ledger", "--state-dir", state, "--config", state + "/none.toml", "--resolve", held, "--reference",
            "P2",
        ])
        #expect(resolved.status == 0, "\(resolved.text)")
        #expect(try device.store.upstreamLedgerEntry(eventID: held)?.reference == "P2")
        #expect(try device.store.syncDeadLetters().contains { $0.eventID == held } == false)
        let wrong = try Self.output(["sync", "ledger", "--state-dir", state, "--resolve", held, "--reference", "123"])
        #expect(wrong.status != 0)
        #expect(wrong.text.contains("--reference is a Care Connect reference number such as P123"), "\(wrong.text)")
    }
}
