// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceHealth
import Foundation
import ModemDiscovery
import ModemSimulator
import Testing

/// The doctor's modem checks against the modem simulator on a real pseudo-terminal.
@Suite(.serialized) struct DoctorModemTests {
    /// Runs the doctor against a simulated modem configured by `configure`, with `toml` as the configuration.
    func doctor(
        toml: String = "",
        smsdState: String? = nil,
        smsdStatus: String? = nil,
        configure: (inout SimulatorConfiguration) -> Void = { _ in },
        prepare: (ModemSimulatorHost) async throws -> Void = { _ in }
    ) async throws -> (HealthReport, ModemSimulatorHost) {
        var configuration = SimulatorConfiguration()
        configure(&configuration)
        let host = try ModemSimulatorHost(configuration: configuration)
        let directory = try temporaryDirectory("doctor-modem")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try write(
            """
            [ward]
            name = "Ward 7"
            trust_ods = "RXX"

            [modem]
            device = "\(host.devicePath)"
            \(toml)
            """,
            to: directory + "/careconnect.toml"
        )
        try await waitUntilReady(host)
        try await prepare(host)
        let doctor = DeviceDoctor(
            configurationPath: directory + "/careconnect.toml",
            stateDirectory: directory,
            finder: StaticModemFinder([]),
            modem: SerialModemProber(),
            hub: InMemoryHubProber(.unreachable("not used")),
            services: InMemorySystemServices(
                states: smsdState.map { [DeviceDoctor.smsdUnit: $0] },
                statusTexts: smsdStatus.map { [DeviceDoctor.smsdUnit: $0] } ?? [:]
            ),
            kiosk: InMemoryKioskProber(screen: nil, touch: nil),
            checksKiosk: false
        )
        return (await doctor.run(), host)
    }

    func waitUntilReady(_ host: ModemSimulatorHost) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !host.isReady {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func healthyModemPassesEveryModemCheck() async throws {
        let (report, host) = try await doctor()
        defer { host.shutdown() }
        #expect(report["modem.found"]?.verdict == .ok)
        #expect(report["modem.at"]?.verdict == .ok)
        #expect(report["modem.sim"]?.verdict == .ok)
        #expect(report["modem.signal"]?.verdict == .ok)
        #expect(report["modem.signal"]?.summary == "Signal 5 of 5 bars")
        #expect(report["modem.registration"]?.verdict == .ok)
        #expect(report["modem.smsc"]?.summary.contains("+447785016005") == true)
        #expect(report["modem.storage"]?.verdict == .ok)
        #expect(report["modem.storage"]?.summary == "SIM message storage: 0 of 30 used")
    }

    @Test func simNeedingAPINWithNoneConfiguredFails() async throws {
        let (report, host) = try await doctor { $0.pin = "2468" }
        defer { host.shutdown() }
        #expect(report["modem.at"]?.verdict == .ok)
        #expect(report["modem.sim"]?.verdict == .failure)
        #expect(report["modem.sim"]?.summary == "SIM needs its PIN and none is configured")
        #expect(report["modem.sim"]?.fix?.contains("careconnect provision --sim-pin") == true)
        #expect(report["modem.registration"]?.verdict == .failure)
        #expect(report.exitStatus == 2)
    }

    @Test func rightPINIsEnteredAndTheSIMBecomesReady() async throws {
        let (report, host) = try await doctor(toml: "sim_pin = \"2468\"") { $0.pin = "2468" }
        defer { host.shutdown() }
        #expect(report["modem.sim"]?.verdict == .ok)
        #expect(report["modem.sim"]?.summary == "SIM is ready (the configured PIN is right)")
        #expect(report["modem.registration"]?.verdict == .ok)
    }

    @Test func wrongPINIsTriedOnceAndNeverAgain() async throws {
        // Given a wrong PIN in the file and a SIM with all three attempts
        var configuration = SimulatorConfiguration()
        configuration.pin = "2468"
        let host = try ModemSimulatorHost(configuration: configuration)
        defer { host.shutdown() }
        try await waitUntilReady(host)
        let prober = SerialModemProber()

        // When the doctor runs twice
        let first = await prober.probe(path: host.devicePath, baud: 115_200, rtsCts: false, profile: nil, pin: "1111")
        let second = await prober.probe(path: host.devicePath, baud: 115_200, rtsCts: false, profile: nil, pin: "1111")

        // Then the first run tries it once and says it is wrong; the second does not try with 2 attempts left
        #expect(first.pinOutcome == .rejected(attemptsLeft: 2))
        #expect(second.pinOutcome == .withheld(attemptsLeft: 2))
        let written = String(decoding: host.log.receivedBytes, as: UTF8.self)
        #expect(written.components(separatedBy: "AT+CPIN=\"1111\"").count - 1 == 1, "\(written)")
    }

    @Test func noSignalIsAFailureWithZeroBars() async throws {
        let (report, host) = try await doctor { $0.signalQuality = 0 }
        defer { host.shutdown() }
        #expect(report["modem.signal"]?.verdict == .failure)
        #expect(report["modem.signal"]?.summary == "No mobile signal (0 of 5 bars)")
        #expect(report["modem.signal"]?.fix?.contains("aerial") == true)
    }

    @Test func notRegisteredIsAFailure() async throws {
        let (report, host) = try await doctor { $0.networkAvailable = false }
        defer { host.shutdown() }
        #expect(report["modem.registration"]?.verdict == .failure)
        #expect(report["modem.registration"]?.summary == "Not registered on the mobile network")
        #expect(report["modem.signal"]?.verdict == .failure)
    }

    @Test func emptyMessageCentreIsAFailure() async throws {
        let (report, host) = try await doctor { $0.serviceCentre = "" }
        defer { host.shutdown() }
        #expect(report["modem.smsc"]?.verdict == .failure)
        #expect(report["modem.smsc"]?.fix?.contains("AT+CSCA") == true)
    }

    @Test func fullSIMStorageIsAFailure() async throws {
        let (report, host) = try await doctor {
            $0.simCapacity = 2
        } prepare: { host in
            for text in ["one", "two"] {
                _ = try host.inject(InjectedMessage(from: "+447700900123", text: text))
            }
            let deadline = ContinuousClock.now + .seconds(10)
            while host.status.storage["SM"]?.used ?? 0 < 2, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        defer { host.shutdown() }
        #expect(report["modem.storage"]?.verdict == .failure)
        #expect(report["modem.storage"]?.summary.contains("full (2 of 2)") == true)
    }

    @Test func smsdOwningThePortIsLeftAlone() async throws {
        // Given smsd is running (systemd says so)
        let (report, host) = try await doctor(smsdState: "active", smsdStatus: "modem ready, signal 4/5")
        defer { host.shutdown() }
        // Then the doctor reports smsd's status and never wrote to the modem
        #expect(report["modem.at"]?.verdict == .notChecked)
        #expect(report["modem.at"]?.summary.contains("its last status is: modem ready, signal 4/5") == true)
        #expect(host.log.receivedBytes.isEmpty)
    }

    @Test func aPortHeldByAnotherProcessIsReportedNotFought() async throws {
        // Given another process holding the port exclusively
        let (report, host) = try await doctor(smsdState: nil) { _ in
        } prepare: { host in
            let descriptor = open(host.devicePath, O_RDWR | O_NOCTTY | O_NONBLOCK)
            #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
            heldDescriptor = descriptor
        }
        defer {
            close(heldDescriptor)
            host.shutdown()
        }
        #expect(report["modem.at"]?.verdict == .notChecked)
        #expect(report["modem.at"]?.summary.contains("another program holds the modem port") == true)
    }
}

nonisolated(unsafe) private var heldDescriptor: Int32 = -1
