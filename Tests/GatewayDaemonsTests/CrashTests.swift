// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import MessageStore
import ModemSimulator
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// kill -9 at random moments loses nothing and doubles nothing.
///
/// `careconnect smsd` runs as a real process against the simulated modem on a pseudo-terminal while messages
/// arrive; it is killed with SIGKILL at random points and started again. Afterwards every message is stored
/// exactly once, the SIM is empty, and no reply went out twice. `make test` runs a reduced size; the full size
/// (2,000 messages, 50 kills) is `make crash-test`.
@Suite(.serialized, .timeLimit(.minutes(20))) struct CrashTests {
    static var messages: Int { Int(ProcessInfo.processInfo.environment["CRASH_MESSAGES"] ?? "") ?? 200 }
    static var kills: Int { Int(ProcessInfo.processInfo.environment["CRASH_KILLS"] ?? "") ?? 10 }

    static var binary: URL {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [directory, Bundle.main.bundleURL].map { $0.appendingPathComponent("careconnect") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    @Test func killNineLosesNothingAndDoublesNothing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "crash-\(UUID().uuidString.prefix(8))"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer {
            if ProcessInfo.processInfo.environment["KEEP_GATEWAY_TEST_FILES"] == nil {
                try? FileManager.default.removeItem(at: directory)
            }
        }
        let link = directory.appendingPathComponent("modem").path
        var configuration = SimulatorConfiguration(profile: .simcomSIM7600)
        configuration.simCapacity = 20
        configuration.statusReportDelay = .milliseconds(200)
        let simulator = try ModemSimulatorHost(configuration: configuration, options: .init(linkPath: link))
        defer { simulator.shutdown() }

        // Every patient has their own number (so reply caps never apply); texts mix scores, free text,
        // unicode and long messages.
        var expected: [String: String] = [:]
        for index in 0..<Self.messages {
            let number = "+4477009\(String(format: "%05d", index))"
            let text: String
            switch index % 5 {
            case 0: text = String(index % 6 + 1)
            case 1: text = "Comment \(index): the staff were kind"
            case 2: text = "Dziękuję \(index) 😀"
            case 3: text = "Long \(index): " + String(repeating: "the food was cold and late again. ", count: 6)
            default: text = "Thanks for everything, message \(index)"
            }
            expected[number] = text
        }

        let state = directory.appendingPathComponent("state").path
        var generator = SystemRandomNumberGenerator()
        var process = try startDaemon(state: state, link: link, log: directory.appendingPathComponent("smsd.log"))
        var pending = expected.sorted { $0.key < $1.key }
        let perRound = max(1, pending.count / (Self.kills + 1))
        for round in 0...Self.kills {
            // Deliver a batch while the daemon works, then kill it at a random moment.
            for (number, text) in pending.prefix(perRound) {
                _ = try simulator.inject(InjectedMessage(from: number, text: text))
            }
            pending.removeFirst(min(perRound, pending.count))
            if round < Self.kills {
                try await Task.sleep(for: .milliseconds(Int.random(in: 50...700, using: &generator)))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                process = try startDaemon(state: state, link: link, log: directory.appendingPathComponent("smsd.log"))
            }
        }
        for (number, text) in pending {
            _ = try simulator.inject(InjectedMessage(from: number, text: text))
        }

        // Let the last daemon drain everything.
        let store = try MessageStore(path: state + "/careconnect.sqlite")
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(Self.messages / 2 + 120)
        while clock.now < deadline {
            let status = try store.status()
            let storage = simulator.status.storage.values.map(\.used).reduce(0, +)
            if status.messages == Self.messages && status.unhandledMessages == 0 && storage == 0
                && simulator.status.waitingInNetwork == 0 && status.outboundByState["queued", default: 0] == 0
                && status.outboundByState["sending", default: 0] == 0
            {
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()

        // Every message exactly once, with the text that was sent.
        let stored = try store.allMessages()
        #expect(stored.count == Self.messages)
        var byNumber: [String: [String]] = [:]
        for message in stored { byNumber[message.sender, default: []].append(message.text) }
        #expect(byNumber.values.allSatisfy { $0.count == 1 }, "no message stored twice")
        #expect(byNumber.mapValues { $0[0] } == expected, "every message stored with its text")
        #expect(simulator.status.storage.values.allSatisfy { $0.used == 0 }, "the SIM ends empty")
        #expect(try store.status().undecodableParts == 0)

        // No reply sent twice: the modem sent at most as many parts to each number as the outbox holds.
        let outbox = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT recipient, text, state FROM outbound_message")
        }
        var allowed: [String: Int] = [:]
        for row in outbox { allowed[row["recipient"], default: 0] += 1 }
        var sent: [String: Set<String>] = [:]
        var duplicates: [String] = []
        for part in simulator.sentMessages {
            let key = "\(part.concatenation.map { "\($0.reference)/\($0.part)" } ?? "single")"
            if !(sent[part.destination, default: []].insert(key).inserted) {
                duplicates.append("\(part.destination) \(key)")
            }
        }
        #expect(duplicates.isEmpty, "replies sent twice: \(duplicates.prefix(5))")
        #expect(sent.keys.allSatisfy { allowed[$0] != nil }, "nothing sent that the outbox did not hold")
        let unconfirmed = outbox.filter { ($0["state"] as String) == "unconfirmed" }.count
        print(
            "crash test: \(Self.messages) messages, \(Self.kills) kills; stored \(stored.count), replies "
                + "\(outbox.count) (\(unconfirmed) unconfirmed after a kill during sending), "
                + "parts sent \(simulator.sentMessages.count)"
        )
    }

    private func startDaemon(state: String, link: String, log: URL) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = [
            "smsd", "--config", "/nonexistent/careconnect.toml", "--state-dir", state, "--modem", link,
            "--log-level", "warning",
        ]
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }
}
