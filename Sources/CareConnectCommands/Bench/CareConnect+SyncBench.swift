// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import Foundation
import GatewayDaemons
import Hub
import MessageStore
import SMSPDU
import SyncClient
import SyncProtocol
import WardConversation

#if canImport(Glibc)
import Glibc
#endif

extension CareConnect.Bench {
    /// `careconnect bench sync`: drains a large backlog from a device database to a local hub.
    struct SyncBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Drain a backlog of events from a device database to a local hub; events/s, bytes, memory.",
            discussion: """
                Builds a device database with EVENTS queued events through the store's own transactions: kiosk \
                answers and patient texts (real SMS-DELIVER PDUs stored and run through the ward conversation, \
                which queues sms.received and feedback.fft events), with varied texts, numbers and languages so \
                that gzip is not flattered. Then starts `careconnect hub serve` on 127.0.0.1 and runs \
                `careconnect sync --until-drained` against it through a byte-counting relay, and reports events \
                per second, batches, bytes per event on the wire (HTTP requests with their gzip bodies, and the \
                answers) and the peak resident set of the sync process and the hub. There is no peer daemon that \
                speaks this protocol, so nothing runs side by side.
                """
        )

        @Option(help: "Events in the backlog.")
        var events = 100_000

        @Option(help: "The most events in one batch (the sync command's --max-events).")
        var maxEvents = 100

        @Option(help: "Where to put the device and hub databases.")
        var output = "out/bench-sync"

        func run() async throws {
            guard events > 0, maxEvents > 0 else { throw ValidationError("--events and --max-events must be positive") }
            let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
            let root = URL(fileURLWithPath: output, isDirectory: true)
            try? FileManager.default.removeItem(at: root)
            let deviceDirectory = root.appendingPathComponent("device").path
            let hubDatabase = root.appendingPathComponent("hub/hub.sqlite").path
            try FileManager.default.createDirectory(atPath: deviceDirectory, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(
                atPath: (hubDatabase as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true
            )

            Self.say("backlog: writing \(events) events into \(deviceDirectory)/careconnect.sqlite")
            let store = try MessageStore(path: deviceDirectory + "/careconnect.sqlite")
            let built = ContinuousClock.now
            let queued = try Self.buildBacklog(events, store: store)
            let sample = try Self.sample(store)
            let kinds = sample.kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            Self.say(
                String(format: "backlog: %d events queued in %.1f s; ", queued, Self.seconds(since: built))
                    + "the first \(sample.kinds.values.reduce(0, +)): \(kinds.joined(separator: ", ")); "
                    + String(format: "%.0f bytes of JSON payload each", sample.meanPayload)
            )

            let hubPort = try Self.freePort()
            let hub = try Self.launch(
                binary,
                ["hub", "serve", "--listen", "127.0.0.1:\(hubPort)", "--database", hubDatabase, "--log-level", "error"]
            )
            defer { Self.stop(hub) }
            try await Self.waitForHealth(port: hubPort)
            let code = try Self.output(
                of: binary,
                ["hub", "enrolment-code", "--database", hubDatabase, "--ward", "Ward 7"]
            )
            let enrolment = try await HubConnection(baseURL: "http://127.0.0.1:\(hubPort)").enroll(
                EnrollRequest(
                    enrollmentCode: code,
                    deviceUUID: UUID().uuidString.lowercased(),
                    kind: "sms-gateway",
                    appVersion: CareConnect.configuration.version
                )
            )
            try DeviceCredentials(deviceID: enrolment.deviceID, ward: enrolment.ward, token: enrolment.token).save(
                path: DeviceCredentials.path(stateDirectory: deviceDirectory)
            )
            let relay = try Relay(upstreamPort: hubPort)
            defer { relay.stop() }
            Self.say(
                "hub: careconnect hub serve on 127.0.0.1:\(hubPort) (pid \(hub.processIdentifier)); relay on \(relay.port)"
            )

            let started = ContinuousClock.now
            let sync = try Self.launch(
                binary,
                [
                    "sync", "--config", "/nonexistent/careconnect.toml", "--state-dir", deviceDirectory, "--hub",
                    "http://127.0.0.1:\(relay.port)",
                    "--until-drained", "--max-events", "\(maxEvents)", "--log-level", "error",
                ]
            )
            var sampledPeak = 0
            var lastReport = ContinuousClock.now
            while sync.isRunning {
                try await Task.sleep(for: .milliseconds(100))
                sampledPeak = max(sampledPeak, Self.statusKilobytes("VmHWM", pid: sync.processIdentifier) ?? 0)
                if ContinuousClock.now - lastReport >= .seconds(2) {
                    lastReport = ContinuousClock.now
                    let left = (try? store.syncBacklog()) ?? -1
                    let done = queued - left
                    Self.say(
                        String(
                            format: "  %6.1f s: %d of %d sent, %.0f events/s, %d batches",
                            Self.seconds(since: started),
                            done,
                            queued,
                            Double(done) / max(Self.seconds(since: started), 0.001),
                            relay.counts.batches
                        )
                    )
                }
            }
            let elapsed = Self.seconds(since: started)
            guard sync.terminationStatus == 0 else {
                throw CommandError("careconnect sync exited with status \(sync.terminationStatus)")
            }
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            let syncPeak = max(Int(usage.ru_maxrss), sampledPeak)
            let hubPeak = Self.statusKilobytes("VmHWM", pid: hub.processIdentifier) ?? 0
            let counts = relay.counts
            let left = try store.syncBacklog()
            let onHub = try HubStore(path: hubDatabase).eventCounts()
            guard left == 0, onHub.events == queued, onHub.distinct == queued else {
                throw CommandError(
                    "the drain is incomplete: \(left) left on the device, \(onHub.events) events on the hub "
                        + "(\(onHub.distinct) distinct) of \(queued)"
                )
            }
            let total = Double(queued)
            Self.say("result: \(queued) events, every one on the hub once, device outbox empty")
            Self.say(
                String(
                    format: "  %.2f s, %.0f events/s, %d batches (%.1f events each)",
                    elapsed,
                    total / max(elapsed, 0.001),
                    counts.batches,
                    total / Double(max(counts.batches, 1))
                )
            )
            Self.say(
                String(
                    format:
                        "  on the wire: %.1f bytes/event up (HTTP requests with gzip bodies; the JSON payload alone is %.0f), %.1f bytes/event down (answers)",
                    Double(counts.up) / total,
                    sample.meanPayload,
                    Double(counts.down) / total
                )
            )
            Self.say(
                "  peak resident set: careconnect sync \(syncPeak / 1024) MiB, careconnect hub \(hubPeak / 1024) MiB"
            )
            Self.say("  peer: none (no other daemon speaks this protocol, so there is nothing to run side by side)")
        }

        // MARK: - Backlog

        /// Writes exactly `count` events through the store's own calls, each transaction durable as on a ward
        /// (about a millisecond each here): kiosk answers and patient texts in about equal numbers, then kiosk
        /// answers to make up the count.
        static func buildBacklog(_ count: Int, store: MessageStore) throws -> Int {
            var random = SystemRandomNumberGenerator()
            let conversation = WardConversation()
            let smsc = try PhoneAddress(number: "+447785016005")
            var item = 0
            var queued = 0
            var lastProgress = 0
            // A text queues one to three events: check the real count every 100 items, and leave a margin.
            while queued < count - 500 {
                for _ in 0..<100 {
                    item += 1
                    if Bool.random(using: &random) {
                        try store.recordKioskResponse(kioskAnswer(item, using: &random))
                    } else {
                        try storeText(item, smsc: smsc, conversation: conversation, store: store, using: &random)
                    }
                }
                queued = try store.syncBacklog()
                if queued - lastProgress >= 10_000 {
                    lastProgress = queued
                    say("  \(queued) events queued")
                }
            }
            while queued < count {
                item += 1
                try store.recordKioskResponse(kioskAnswer(item, using: &random))
                queued += 1
            }
            return try store.syncBacklog()
        }

        /// Stores one patient text as the modem would deliver it and runs the ward conversation on it, as the
        /// gateway does (which queues sms.received, and feedback.fft for a score or comment).
        static func storeText(
            _ item: Int,
            smsc: PhoneAddress,
            conversation: WardConversation,
            store: MessageStore,
            using random: inout SystemRandomNumberGenerator
        ) throws {
            let sender = "+447700" + String(format: "%06d", Int.random(in: 0..<999_999, using: &random))
            var options = MessageEncoder.Options()
            options.smsc = smsc
            options.concatenationReference = item % 256
            let parts = try MessageEncoder.deliver(
                text: patientText(item, using: &random),
                from: PhoneAddress(number: sender),
                timestamp: SMSTimestamp(secondsSince1970: 1_795_000_000 + Int64(item), utcOffsetQuarterHours: 0),
                options: options
            )
            let outcomes = try store.storeInboundParts(
                parts.enumerated().map { InboundPartInput(pdu: $0.element.hex, storage: "SM", slot: $0.offset) },
                receivedAt: Date()
            )
            for case .stored(_, let message?) in outcomes {
                guard let id = message.id else { continue }
                let decision = conversation.decide(
                    text: message.text,
                    messageID: id,
                    sender: message.sender,
                    senderIsAlphanumeric: message.senderIsAlphanumeric,
                    contact: WardConversation.Contact(),
                    history: WardConversation.History()
                )
                let outcome = ConversationOutcome(decision)
                try store.applyConversation(outcome, to: message, now: Date())
            }
        }

        /// The kinds and the mean JSON payload size of the first (up to) 5,000 queued events.
        static func sample(_ store: MessageStore) throws -> (kinds: [String: Int], meanPayload: Double) {
            let events = try store.nextSyncBatch(maxEvents: 5_000, maxBytes: .max)
            let kinds = Dictionary(grouping: events, by: \.kind).mapValues(\.count)
            let bytes = events.reduce(0) { $0 + $1.payload.utf8.count }
            return (kinds, Double(bytes) / Double(max(events.count, 1)))
        }

        static let comments = [
            "The nurses were kind and explained everything to my mother.",
            "Waited a long time for pain relief at night.",
            "Food was cold twice this week.", "Clean ward, friendly staff, thank you.",
            "Nobody told me when I would be discharged.", "Excellent care from the physiotherapy team.",
            "The call bell took too long to be answered.", "Parking was impossible and expensive.",
            "Doctors were rushed but polite.", "Noisy at night, could not sleep.",
            "Pielęgniarki były wspaniałe.", "Staff were very caring 😀", "The toilets needed cleaning more often.",
        ]

        static func kioskAnswer(_ item: Int, using random: inout SystemRandomNumberGenerator) -> KioskResponseRecord {
            let created = Date(timeIntervalSince1970: 1_795_000_000 + Double(item) * 41)
            let comment = Bool.random(using: &random) ? comments.randomElement(using: &random) : nil
            return KioskResponseRecord(
                id: UUID().uuidString.lowercased(),
                createdAt: created,
                localTime: ISO8601DateFormatter().string(from: created),
                trustCode: "RXH",
                siteCode: "RXH01",
                ward: "Ward 7",
                specialtyCodes: ["300"],
                surveyVersion: "fft-2020-1",
                language: ["en", "cy", "pl", "ur", "pa", "ro", "bn"].randomElement(using: &random) ?? "en",
                mode: "Inpatient",
                rating: Int.random(in: 1...6, using: &random),
                comment: comment.map { "\($0) Bed \(Int.random(in: 1...28, using: &random))." },
                categories: comment == nil
                    ? []
                    : [["staff", "delays", "food", "cleanliness", "communication"].randomElement(using: &random) ?? ""]
            )
        }

        static func patientText(_ item: Int, using random: inout SystemRandomNumberGenerator) -> String {
            switch Int.random(in: 0..<4, using: &random) {
            case 0: return "\(Int.random(in: 1...6, using: &random))"
            case 1:
                return "\(Int.random(in: 1...5, using: &random)) \(comments.randomElement(using: &random) ?? "")"
            default:
                return "\(comments.randomElement(using: &random) ?? "") Room \(item % 40 + 1), day \(item % 9 + 1)."
            }
        }

        // MARK: - Processes

        /// Writes one line to standard output at once (not buffered), so progress shows in a file or a pipe too.
        static func say(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        static func launch(_ binary: String, _ arguments: [String]) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }

        static func output(of binary: String, _ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw CommandError("careconnect \(arguments.prefix(2).joined(separator: " ")) failed")
            }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        static func stop(_ process: Process) {
            guard process.isRunning else { return }
            process.terminate()
            process.waitUntilExit()
        }

        static func waitForHealth(port: Int) async throws {
            let connection = try HubConnection(baseURL: "http://127.0.0.1:\(port)", timeout: .seconds(2))
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                if (try? await connection.health()) != nil { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw CommandError("the hub did not start on 127.0.0.1:\(port) within 30 s")
        }

        static func freePort() throws -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = Relay.loopback(port: 0)
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
                }
            }
            guard bound else { throw CommandError("no free port on 127.0.0.1") }
            return Int(UInt16(bigEndian: address.sin_port))
        }

        static func statusKilobytes(_ field: String, pid: Int32) -> Int? {
            let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else {
                return nil
            }
            return Int(line.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
        }

        static func seconds(since start: ContinuousClock.Instant) -> Double {
            Double((ContinuousClock.now - start).components.attoseconds) / 1e18
                + Double((ContinuousClock.now - start).components.seconds)
        }
    }
}

extension CareConnect.Bench.SyncBench {
    /// A TCP relay on 127.0.0.1 that counts the bytes each way and the `POST /v1/events` requests: what the sync
    /// process really puts on the wire. One thread per direction of each connection.
    final class Relay: @unchecked Sendable {
        struct Counts {
            var up = 0
            var down = 0
            var batches = 0
        }

        let port: Int
        private let upstreamPort: Int
        private let listener: Int32
        private let lock = NSLock()
        private var totals = Counts()

        init(upstreamPort: Int) throws {
            self.upstreamPort = upstreamPort
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: 0)
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let listening = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, length) == 0 && listen(fd, 64) == 0 && getsockname(fd, $0, &length) == 0
                }
            }
            guard fd >= 0, listening else {
                close(fd)
                throw CommandError("the relay cannot listen on 127.0.0.1")
            }
            listener = fd
            port = Int(UInt16(bigEndian: address.sin_port))
            Thread.detachNewThread { [self] in acceptLoop() }
        }

        var counts: Counts {
            lock.lock()
            defer { lock.unlock() }
            return totals
        }

        func stop() {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }

        private func acceptLoop() {
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if errno == EINTR { continue }
                    return
                }
                let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                var address = Self.loopback(port: upstreamPort)
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                    }
                }
                guard connected else {
                    close(client)
                    close(upstream)
                    continue
                }
                let finished = Finished()
                Thread.detachNewThread { [self] in pump(from: client, to: upstream, up: true, finished: finished) }
                Thread.detachNewThread { [self] in pump(from: upstream, to: client, up: false, finished: finished) }
            }
        }

        /// Copies one direction until it ends, then half-closes the other side; the second pump to end closes both.
        private func pump(from source: Int32, to destination: Int32, up: Bool, finished: Finished) {
            let marker = Array("POST /v1/events".utf8)
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(source, $0.baseAddress, $0.count, 0) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                var offset = 0
                while offset < count {
                    let sent = buffer[offset..<count].withUnsafeBytes {
                        send(destination, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                    }
                    guard sent > 0 else { break }
                    offset += sent
                }
                // Request lines start a segment in practice; a gzip body never holds this ASCII text in a row.
                let starts = up && count >= marker.count && Array(buffer[0..<marker.count]) == marker
                lock.lock()
                if up { totals.up += count } else { totals.down += count }
                if starts { totals.batches += 1 }
                lock.unlock()
                guard offset == count else { break }
            }
            shutdown(destination, Int32(SHUT_WR))
            if finished.second() {
                close(source)
                close(destination)
            }
        }

        static func loopback(port: Int) -> sockaddr_in {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            return address
        }

        /// Which of a connection's two pumps ended second (and so closes the sockets).
        final class Finished: @unchecked Sendable {
            private let lock = NSLock()
            private var ended = 0

            func second() -> Bool {
                lock.lock()
                defer { lock.unlock() }
                ended += 1
                return ended == 2
            }
        }
    }
}
