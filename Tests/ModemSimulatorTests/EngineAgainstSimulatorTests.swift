// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Foundation
import ModemEngine
import ModemSimulator
import SMSPDU
import SerialTransport
import Testing

/// The real engine and serial transport against the simulator over a real pseudo-terminal, with every fault.
@Suite(.serialized, .timeLimit(.minutes(2))) struct EngineAgainstSimulatorTests {
    /// A simulator, the engine on its pty, and the engine's event stream.
    final class Rig: @unchecked Sendable {
        let host: ModemSimulatorHost
        let modem: Modem<ContinuousClock>
        let runner: Task<Void, any Error>
        let events: Task<[ModemEvent], Never>

        init(profile: VendorProfile = .quectelEC25, timeout: Duration = .seconds(2)) async throws {
            host = try ModemSimulatorHost(configuration: SimulatorConfiguration(profile: profile))
            let transport = try await SerialTransport.open(path: host.portPath)
            modem = Modem(
                transport: transport,
                configuration: ModemConfiguration(defaultTimeout: timeout),
                clock: ContinuousClock()
            )
            let modem = self.modem
            runner = Task { try await modem.run() }
            events = Task {
                var seen: [ModemEvent] = []
                for await event in modem.events { seen.append(event) }
                return seen
            }
            // A loaded machine can starve the simulator past a short timeout during set-up; set-up is not what these
            // tests are about, so it may take a second attempt (as the gateway's does).
            for attempt in 1...3 {
                do {
                    _ = try await modem.initialise()
                    break
                } catch let error as ModemError where error.code == .timeout && attempt < 3 {
                    continue
                }
            }
        }

        func finish() async -> [ModemEvent] {
            runner.cancel()
            _ = await runner.result
            host.shutdown()
            return await events.value
        }
    }

    @Test func listsInjectedMessagesWithAURCInTheMiddle() async throws {
        let rig = try await Rig()
        _ = try rig.host.inject(InjectedMessage(from: "+447700900123", text: "first"))
        _ = try rig.host.inject(InjectedMessage(from: "+447700900124", text: "second {€}"))
        try await Task.sleep(for: .milliseconds(300))
        // The next arrival's +CMTI is written between two +CMGL entries of the listing.
        rig.host.apply(.indicationMidResponse)
        _ = try rig.host.inject(InjectedMessage(from: "+447700900125", text: "third 😀", delay: 0))
        let listed = try await rig.modem.listMessages(.all)
        let texts = try listed.map { try $0.decodePDU().userData?.text ?? "" }
        #expect(texts.prefix(2) == ["first", "second {€}"])
        let events = await rig.finish()
        let indications = events.filter {
            if case .unsolicited(.newMessage) = $0 { return true }
            return false
        }
        #expect(indications.count >= 3, "every +CMTI delivered, none mistaken for a listing line")
    }

    @Test func recoversFromSilence() async throws {
        let rig = try await Rig()
        rig.host.apply(.silence(.seconds(3)))
        await #expect(throws: ModemError.self) { _ = try await rig.modem.signalQuality() }
        // The ladder re-synchronises once the modem answers again; later commands work.
        try await Task.sleep(for: .seconds(4))
        let signal = try await rig.modem.signalQuality()
        #expect(signal.bars > 0)
        let events = await rig.finish()
        #expect(events.contains { if case .recovered = $0 { true } else { false } })
    }

    @Test func ignoresGarbageBytes() async throws {
        let rig = try await Rig()
        rig.host.apply(.garbage(count: 64, midResponse: false))
        rig.host.apply(.garbage(count: 32, midResponse: true))
        for _ in 0..<3 {
            _ = try? await rig.modem.signalQuality()
        }
        let identity = try await rig.modem.identify()
        #expect(identity.manufacturer == "Quectel")
        _ = await rig.finish()
    }

    @Test func worksOnASlowLine() async throws {
        let rig = try await Rig()
        rig.host.apply(.lineRate(baud: 9_600))
        let clock = ContinuousClock()
        let started = clock.now
        let identity = try await rig.modem.identify()
        #expect(identity.model == "EC25")
        #expect(clock.now - started > .milliseconds(20), "output was paced at 9600 baud")
        _ = await rig.finish()
    }

    @Test func sendsThroughThePrompt() async throws {
        let rig = try await Rig()
        let results = try await rig.modem.sendText("Thank you {ward 7} 😀", to: PhoneAddress(number: "+447700900123"))
        #expect(results.count == 1)
        #expect(rig.host.sentMessages.map(\.text) == ["Thank you {ward 7} 😀"])
        _ = await rig.finish()
    }

    @Test func reportsPortLossPromptly() async throws {
        let rig = try await Rig()
        rig.host.apply(.closePort(reopenAfter: nil))
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try await rig.modem.signalQuality()
            Issue.record("a command succeeded after the port closed")
        } catch let error as ModemError {
            #expect(error.code == .portLost || error.code == .stopped)
        }
        #expect(clock.now - started < .seconds(1), "port loss is reported, not waited out")
        let events = await rig.finish()
        #expect(events.contains { if case .portLost = $0 { true } else { false } })
    }

    @Test func failsACommandAtOnceWhenTheModemRestarts() async throws {
        let rig = try await Rig(timeout: .seconds(10))
        rig.host.apply(.silence(.seconds(1)))
        rig.host.apply(.reboot)
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try await rig.modem.signalQuality()
        } catch let error as ModemError {
            #expect(error.code == .modemRestarted)
        }
        #expect(clock.now - started < .seconds(5), "not left to its 10 s timeout")
        _ = await rig.finish()
    }
}
