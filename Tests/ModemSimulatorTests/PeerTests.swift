// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import ModemSimulator
import SMSPDU
import Testing

/// gammu and gammu-smsd, written elsewhere, talking to the simulator as they would to a modem.
@Suite("Peers: gammu and gammu-smsd", .enabled(if: PeerProcess.hasGammu), .timeLimit(.minutes(3)))
struct PeerTests {
    static let messages = [
        InjectedMessage(from: "+447700900123", text: "GSM ext: { } [ ] € ^ ~ | \\ done"),
        InjectedMessage(from: "+447700900124", text: "Emoji 😀👍 and 你好"),
        InjectedMessage(from: "NHSTrust", text: "Alphanumeric sender, flash", messageClass: 0),
        InjectedMessage(
            from: "+447700900125",
            text: String(repeating: "The nurses on ward seven were kind and quick. ", count: 4),
            concatenationReference: 0x44
        ),
        InjectedMessage(
            from: "+447700900126",
            text: String(repeating: "Dziękuję bardzo 😀 ", count: 5),
            concatenationReference: 0x1234,
            reference16Bit: true
        ),
    ]

    /// The text of every part of ``messages``, as the parts are cut.
    static func partTexts() throws -> [String] {
        var texts: [String] = []
        for message in Self.messages {
            var options = MessageEncoder.Options()
            options.reference16Bit = message.reference16Bit
            options.concatenationReference = message.concatenationReference ?? 0
            options.messageClass = message.messageClass
            let sender = try PhoneAddress(number: "+447700900123")
            let stamp = SMSTimestamp(secondsSince1970: 1_704_164_645, utcOffsetQuarterHours: 0)
            for part in try MessageEncoder.deliver(text: message.text, from: sender, timestamp: stamp, options: options)
            {
                guard case .deliver(let deliver) = try PDU.decode(hex: part.hex) else { continue }
                texts.append(deliver.userData.text ?? "")
            }
        }
        return texts
    }

    /// A simulator on a pseudo-terminal behind a link in a scratch directory, with a gammu configuration.
    final class Setup: Sendable {
        let directory: String
        let host: ModemSimulatorHost
        let configPath: String

        init(profile: VendorProfile = .generic, smsd: Bool = false) throws {
            self.directory = try makeScratchDirectory()
            var configuration = SimulatorConfiguration(profile: profile)
            configuration.bootDelay = .milliseconds(50)
            self.host = try ModemSimulatorHost(
                configuration: configuration,
                options: ModemSimulatorHost.Options(
                    linkPath: self.directory + "/modem0",
                    logFilePath: self.directory + "/simulator.log"
                )
            )
            self.configPath = self.directory + "/gammurc"
            var config = """
                [gammu]
                device = \(self.directory)/modem0
                connection = at
                logfile = \(self.directory)/gammu.log
                logformat = textall

                """
            if smsd {
                for folder in ["inbox", "outbox", "sent", "error"] {
                    try FileManager.default.createDirectory(
                        atPath: self.directory + "/" + folder,
                        withIntermediateDirectories: true
                    )
                }
                config += """
                    [smsd]
                    service = files
                    logfile = \(self.directory)/smsd.log
                    debuglevel = 1
                    inboxpath = \(self.directory)/inbox/
                    outboxpath = \(self.directory)/outbox/
                    sentsmspath = \(self.directory)/sent/
                    errorsmspath = \(self.directory)/error/
                    inboxformat = standard
                    CommTimeout = 1
                    ReceiveFrequency = 1
                    StatusFrequency = 0
                    LoopSleep = 1

                    """
            }
            try config.write(toFile: self.configPath, atomically: true, encoding: .utf8)
        }

        func tearDown() {
            self.host.shutdown()
            try? FileManager.default.removeItem(atPath: self.directory)
        }

        func gammu(_ arguments: String...) async throws -> PeerProcess.Outcome {
            try await PeerProcess.run(PeerProcess.gammu, ["-c", self.configPath] + arguments)
        }
    }

    @Test func gammuIdentifies() async throws {
        let setup = try Setup(profile: .quectelEC25)
        defer { setup.tearDown() }
        let outcome = try await setup.gammu("identify")
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.contains("Manufacturer         : Quectel"))
        #expect(outcome.output.contains("IMEI                 : 867698041234563"))
        #expect(outcome.output.contains("SIM IMSI             : 234301234567890"))
    }

    @Test func gammuListsInjectedMessages() async throws {
        let setup = try Setup()
        defer { setup.tearDown() }
        for message in Self.messages { try setup.host.inject(message) }
        let outcome = try await setup.gammu("getallsms")
        #expect(outcome.status == 0, "\(outcome.output)")
        let parts = try Self.partTexts()
        #expect(outcome.output.contains("\(parts.count) SMS parts in \(parts.count) SMS sequences"))
        for text in parts {
            #expect(outcome.output.contains(text), "missing \(text.debugDescription)")
        }
        #expect(outcome.output.contains("Concatenated (linked) message, ID (8 bit) 68, part 2 of 2"))
        #expect(outcome.output.contains("Concatenated (linked) message, ID (16 bit) 4660, part 2 of 2"))
        #expect(outcome.output.contains("Remote number        : \"NHSTrust\""))
    }

    @Test func gammuSendsMessages() async throws {
        let setup = try Setup()
        defer { setup.tearDown() }
        let gsm = "Hello {world} [x] €5 ^~|\\"
        let unicode = "Unicode 😀 你好"
        let first = try await setup.gammu("sendsms", "TEXT", "+447700900123", "-text", gsm)
        #expect(first.status == 0, "\(first.output)")
        let second = try await setup.gammu("sendsms", "TEXT", "+447700900123", "-unicode", "-text", unicode)
        #expect(second.status == 0, "\(second.output)")
        let sent = setup.host.sentMessages
        #expect(sent.map(\.text) == [gsm, unicode])
        #expect(sent.map(\.destination) == ["+447700900123", "+447700900123"])
        #expect(sent.map(\.reference) == [1, 2])
        #expect(first.output.contains("message reference=1"))
    }

    /// gammu-smsd drains the SIM into its files backend; each part's file holds that part's text.
    @Test func gammuSMSDDrainsTheInbox() async throws {
        let smsd = try #require(PeerProcess.gammuSMSD, "gammu-smsd is not installed")
        let setup = try Setup(smsd: true)
        defer { setup.tearDown() }
        for message in Self.messages { try setup.host.inject(message) }
        let expected = try Self.partTexts()
        let process = try PeerProcess.start(smsd, ["-c", setup.configPath])
        let inbox = setup.directory + "/inbox"
        let deadline = ContinuousClock.now + .seconds(90)
        var files: [String] = []
        while ContinuousClock.now < deadline {
            files = (try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []
            if files.count >= expected.count, setup.host.status.storage["SM"]?.used == 0 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        await PeerProcess.stop(process)
        #expect(!process.isRunning)
        #expect(files.count == expected.count)
        #expect(setup.host.status.storage["SM"]?.used == 0)
        let stored = try files.map { try String(contentsOfFile: inbox + "/" + $0, encoding: .utf8) }
        #expect(stored.sorted() == expected.sorted())
        #expect(files.contains { $0.contains("NHSTrust") })
    }
}
