// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import Foundation
import GatewayDaemons
import Logging
import MessageStore
import ModemDiscovery
import ModemSimulator
import WardConversation

extension CareConnect.Bench {
    /// `careconnect bench smsd`: the gateway and gammu-smsd side by side on the same simulated modem.
    struct SMSDBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "smsd",
            abstract: "Drain time and +CMTI-to-durable latency: careconnect smsd next to gammu-smsd.",
            discussion: """
                Both run against the modem simulator on a pseudo-terminal. Drain: the SIM holds the \
                messages before the daemon starts (50 × {3 single + 1 two-part} = 250 PDUs by default); \
                the time from the daemon's first command to an empty SIM is measured. Latency: messages \
                arrive one at a time with +CMTI; the time from arrival to the message being on disk (a \
                committed SQLite row for careconnect, the inbox file for gammu-smsd) is measured. \
                gammu-smsd uses its fastest settings (CommTimeout, ReceiveFrequency and LoopSleep 1, \
                StatusFrequency 0) and the files backend. Debian: apt-get install gammu-smsd.
                """
        )

        @Option(help: "Groups of {3 single + 1 two-part} messages in the drain test.")
        var groups = 50

        @Option(help: "Messages in the latency test.")
        var latencyMessages = 40

        @Option(help: "Where to put the run's files.")
        var output = "out/bench-smsd"

        @Option(help: "The gammu-smsd binary; empty to skip it.")
        var gammuSMSD = "/usr/bin/gammu-smsd"

        func run() async throws {
            let root = URL(fileURLWithPath: output, isDirectory: true)
            try? FileManager.default.removeItem(at: root)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let texts = Self.drainTexts(groups: groups)
            print("drain: \(texts.count) messages (\(groups * 5) PDUs) in the SIM before start")
            let ours = try await drainCareConnect(texts, directory: root.appendingPathComponent("careconnect-drain"))
            print(
                String(
                    format:
                        "  careconnect smsd: %.3f s to an empty SIM (first read → empty, every PDU committed with fsync before AT+CMGD)",
                    ours
                )
            )
            var theirs: Double?
            if !gammuSMSD.isEmpty, FileManager.default.isExecutableFile(atPath: gammuSMSD) {
                theirs = try await drainGammu(texts, directory: root.appendingPathComponent("gammu-drain"))
                print(String(format: "  gammu-smsd (fastest settings): %.3f s (first read → empty)", theirs ?? 0))
                if let theirs {
                    print(String(format: "  ratio: gammu-smsd time / careconnect time = %.2f", theirs / ours))
                }
            } else {
                print("  gammu-smsd: skipped (not installed)")
            }

            print("latency: \(latencyMessages) messages, one at a time, +CMTI → on disk")
            let ourLatency = try await latencyCareConnect(directory: root.appendingPathComponent("careconnect-latency"))
            print("  careconnect smsd: \(Self.describe(ourLatency))")
            if !gammuSMSD.isEmpty, FileManager.default.isExecutableFile(atPath: gammuSMSD) {
                let gammuLatency = try await latencyGammu(directory: root.appendingPathComponent("gammu-latency"))
                print("  gammu-smsd (fastest settings): \(Self.describe(gammuLatency))")
                print(
                    String(
                        format: "  ratio (p50): gammu-smsd latency / careconnect latency = %.2f",
                        Self.percentile(gammuLatency, 50) / max(Self.percentile(ourLatency, 50), 0.0001)
                    )
                )
            }
        }

        static func drainTexts(groups: Int) -> [(from: String, text: String)] {
            var texts: [(String, String)] = []
            for group in 0..<groups {
                for single in 0..<3 {
                    texts.append(
                        ("+447700\(String(format: "%06d", group * 10 + single))", "Score \(single + 1) {ok} €")
                    )
                }
                texts.append(
                    (
                        "+447700\(String(format: "%06d", group * 10 + 5))",
                        String(repeating: "Long feedback 😀 ", count: 5)
                    )
                )
            }
            return texts
        }

        func simulator(directory: URL, capacity: Int) throws -> ModemSimulatorHost {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var configuration = SimulatorConfiguration(profile: .simcomSIM7600)
            configuration.simCapacity = capacity
            configuration.statusReportDelay = .milliseconds(100)
            return try ModemSimulatorHost(
                configuration: configuration,
                options: .init(
                    linkPath: directory.appendingPathComponent("modem").path,
                    logFilePath: directory.appendingPathComponent("simulator.log").path
                )
            )
        }

        func gateway(directory: URL, link: String) throws -> (SMSGateway, MessageStore) {
            var configuration = DeviceConfiguration()
            configuration.modem.device = link
            configuration.storage.stateDirectory = directory.appendingPathComponent("state").path
            // Replies are part of the daemon's work but not of what is measured; keep them off the line.
            configuration.conversation.maximumRepliesPerHour = 0
            let store = try MessageStore(path: configuration.storage.databasePath)
            var settings = GatewaySettings(configuration: configuration)
            settings.locateInterval = 0.05
            var logger = Logger(label: "careconnect.smsd")
            logger.logLevel = .error
            return (SMSGateway(settings: settings, store: store, finder: StaticModemFinder([]), logger: logger), store)
        }

        func drainCareConnect(_ texts: [(from: String, text: String)], directory: URL) async throws -> Double {
            let poweredOn = Date().timeIntervalSince1970
            let host = try simulator(directory: directory, capacity: texts.count * 3)
            defer { host.shutdown() }
            for (from, text) in texts { _ = try host.inject(InjectedMessage(from: from, text: text)) }
            try await Task.sleep(for: .milliseconds(500))
            let (gateway, store) = try gateway(directory: directory, link: host.portPath)
            let running = Task { try await gateway.run() }
            defer { running.cancel() }
            let firstCommand = try await waitForFirstCommand(host, poweredOn: poweredOn)
            try await waitUntil(seconds: 300) { try store.status().messages == texts.count && Self.empty(host) }
            let firstRead = poweredOn + (Self.firstReceived(host) { $0.contains("CMGL") || $0.contains("CMGR") } ?? 0)
            print(
                String(
                    format: "  careconnect smsd: set-up %.2f s (first command → first read)",
                    firstRead - firstCommand
                )
            )
            return Date().timeIntervalSince1970 - firstRead
        }

        func drainGammu(_ texts: [(from: String, text: String)], directory: URL) async throws -> Double {
            let poweredOn = Date().timeIntervalSince1970
            let host = try simulator(directory: directory, capacity: texts.count * 3)
            defer { host.shutdown() }
            for (from, text) in texts { _ = try host.inject(InjectedMessage(from: from, text: text)) }
            try await Task.sleep(for: .milliseconds(500))
            let process = try startGammu(directory: directory, link: host.portPath)
            defer { Self.stop(process) }
            let firstCommand = try await waitForFirstCommand(host, poweredOn: poweredOn)
            // gammu-smsd spends its first seconds on set-up (about 5.5 s); the drain is measured from its
            // first CMGL/CMGR, which favours it.
            try await waitUntil(seconds: 600) { Self.empty(host) }
            let firstRead = poweredOn + (Self.firstReceived(host) { $0.contains("CMGL") || $0.contains("CMGR") } ?? 0)
            print(String(format: "  gammu-smsd: set-up %.2f s (first command → first read)", firstRead - firstCommand))
            return Date().timeIntervalSince1970 - firstRead
        }

        func latencyCareConnect(directory: URL) async throws -> [Double] {
            let host = try simulator(directory: directory, capacity: 30)
            defer { host.shutdown() }
            let (gateway, store) = try gateway(directory: directory, link: host.portPath)
            let running = Task { try await gateway.run() }
            defer { running.cancel() }
            try await waitUntil(seconds: 30) { gateway.statistics.sweeps > 0 }
            var latencies: [Double] = []
            for index in 0..<latencyMessages {
                let sent = Date().timeIntervalSince1970
                _ = try host.inject(
                    InjectedMessage(from: "+447700911\(String(format: "%03d", index))", text: "Latency \(index)")
                )
                try await waitUntil(seconds: 30) { try store.status().messages == index + 1 }
                let stored = try store.allMessages().last?.receivedAt ?? 0
                latencies.append(Double(stored) / 1_000 - sent)
                try await Task.sleep(for: .milliseconds(100))
            }
            return latencies
        }

        func latencyGammu(directory: URL) async throws -> [Double] {
            let host = try simulator(directory: directory, capacity: 30)
            defer { host.shutdown() }
            let process = try startGammu(directory: directory, link: host.portPath)
            defer { Self.stop(process) }
            let inbox = directory.appendingPathComponent("inbox").path
            try await waitUntil(seconds: 60) {
                (try? String(contentsOfFile: directory.appendingPathComponent("smsd.log").path, encoding: .utf8))?
                    .contains("Starting phone communication") == true
            }
            try await Task.sleep(for: .seconds(8))
            var latencies: [Double] = []
            for index in 0..<latencyMessages {
                let sent = Date().timeIntervalSince1970
                _ = try host.inject(
                    InjectedMessage(from: "+447700922\(String(format: "%03d", index))", text: "Latency \(index)")
                )
                try await waitUntil(seconds: 60) {
                    (try FileManager.default.contentsOfDirectory(atPath: inbox)).count == index + 1
                }
                let files = try FileManager.default.contentsOfDirectory(atPath: inbox)
                let newest =
                    try files.map {
                        try FileManager.default.attributesOfItem(atPath: inbox + "/" + $0)[.modificationDate] as? Date
                            ?? .distantPast
                    }.max() ?? .distantPast
                latencies.append(newest.timeIntervalSince1970 - sent)
                try await Task.sleep(for: .milliseconds(100))
            }
            return latencies
        }

        func startGammu(directory: URL, link: String) throws -> Process {
            for folder in ["inbox", "outbox", "sent", "error"] {
                try FileManager.default.createDirectory(
                    at: directory.appendingPathComponent(folder),
                    withIntermediateDirectories: true
                )
            }
            let path = directory.path
            let config = """
                [gammu]
                device = \(link)
                connection = at

                [smsd]
                service = files
                logfile = \(path)/smsd.log
                debuglevel = 1
                inboxpath = \(path)/inbox/
                outboxpath = \(path)/outbox/
                sentsmspath = \(path)/sent/
                errorsmspath = \(path)/error/
                inboxformat = standard
                CommTimeout = 1
                ReceiveFrequency = 1
                StatusFrequency = 0
                LoopSleep = 1

                """
            let configPath = directory.appendingPathComponent("smsdrc").path
            try config.write(toFile: configPath, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: gammuSMSD)
            process.arguments = ["-c", configPath]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }

        /// gammu-smsd started from a thread that blocks signals keeps SIGTERM blocked: stop it with SIGKILL.
        static func stop(_ process: Process) {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        static func empty(_ host: ModemSimulatorHost) -> Bool {
            let status = host.status
            return status.waitingInNetwork == 0 && status.storage.values.allSatisfy { $0.used == 0 }
        }

        /// Seconds since power-on of the first host write that satisfies `matches`.
        static func firstReceived(_ host: ModemSimulatorHost, _ matches: (String) -> Bool = { _ in true }) -> Double? {
            for entry in host.log.entries {
                if case .received(let bytes) = entry.kind, matches(String(decoding: bytes, as: UTF8.self)) {
                    let parts = entry.time.components
                    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
                }
            }
            return nil
        }

        /// Wall-clock time of the simulator's first received command.
        func waitForFirstCommand(_ host: ModemSimulatorHost, poweredOn: Double) async throws -> Double {
            try await waitUntil(seconds: 60) { Self.firstReceived(host) != nil }
            return poweredOn + (Self.firstReceived(host) ?? 0)
        }

        func waitUntil(seconds: Int, _ condition: () throws -> Bool) async throws {
            try await poll(
                seconds: seconds,
                every: .milliseconds(2),
                failure: "timed out after \(seconds) s; see the files in \(output)",
                condition
            )
        }

        static func percentile(_ values: [Double], _ p: Double) -> Double {
            guard !values.isEmpty else { return 0 }
            let sorted = values.sorted()
            let index = min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)
            return sorted[max(index, 0)]
        }

        static func describe(_ values: [Double]) -> String {
            String(
                format: "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                percentile(values, 50) * 1_000,
                percentile(values, 99) * 1_000,
                (values.max() ?? 0) * 1_000
            )
        }
    }
}
