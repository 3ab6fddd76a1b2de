// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceHealth
import Foundation
import ModemDiscovery
import Testing

/// The doctor's hub checks against a real hub on 127.0.0.1.
@Suite struct DoctorHubTests {
    func doctor(hub: String, clockAhead: TimeInterval = 0) async throws -> HealthReport {
        let directory = try temporaryDirectory("doctor-hub")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try write(
            "[ward]\nname = \"Ward 7\"\ntrust_ods = \"RXX\"\n[sync]\nhub = \"\(hub)\"\n",
            to: directory + "/c.toml"
        )
        let doctor = DeviceDoctor(
            configurationPath: directory + "/c.toml",
            stateDirectory: directory,
            finder: StaticModemFinder([]),
            modem: InMemoryModemProber(ModemFacts(port: .missing)),
            hub: HTTPHubProber(),
            services: InMemorySystemServices(states: nil),
            kiosk: InMemoryKioskProber(screen: nil, touch: nil),
            checksKiosk: false,
            now: { Date().addingTimeInterval(clockAhead) }
        )
        return await doctor.run()
    }

    @Test func reachableHubWithTheSameClockPasses() async throws {
        let report = try await withHub { url, _ in try await doctor(hub: url) }
        #expect(report["hub.reachable"]?.verdict == .ok)
        #expect(report["hub.reachable"]?.summary.hasPrefix("Hub http://127.0.0.1:") == true)
        #expect(report["hub.clock"]?.verdict == .ok)
    }

    @Test func unreachableHubFailsWithAFix() async throws {
        let report = try await doctor(hub: "http://127.0.0.1:\(closedPort())")
        #expect(report["hub.reachable"]?.verdict == .failure)
        #expect(report["hub.reachable"]?.fix?.contains("firewall") == true)
        #expect(report["hub.clock"] == nil)
        #expect(report.exitStatus == 2)
    }

    @Test(arguments: [(75.0, HealthCheck.Verdict.warning), (-75.0, .warning), (900.0, .failure)])
    func clockSkewAgainstTheHub(ahead: TimeInterval, verdict: HealthCheck.Verdict) async throws {
        let report = try await withHub { url, _ in try await doctor(hub: url, clockAhead: ahead) }
        #expect(report["hub.reachable"]?.verdict == .ok)
        #expect(report["hub.clock"]?.verdict == verdict)
        let words = ahead > 0 ? "ahead of" : "behind"
        #expect(report["hub.clock"]?.summary.contains(words) == true, "\(report["hub.clock"]?.summary ?? "")")
    }

    @Test func noHubConfiguredIsAWarning() async throws {
        let directory = try temporaryDirectory("doctor-nohub")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try write("[ward]\nname = \"Ward 7\"\ntrust_ods = \"RXX\"\n", to: directory + "/c.toml")
        let doctor = DeviceDoctor(
            configurationPath: directory + "/c.toml",
            stateDirectory: directory,
            finder: StaticModemFinder([]),
            modem: InMemoryModemProber(ModemFacts(port: .missing)),
            hub: HTTPHubProber(),
            services: InMemorySystemServices(states: nil),
            kiosk: InMemoryKioskProber(screen: nil, touch: nil)
        )
        let report = await doctor.run()
        #expect(report["hub.reachable"]?.verdict == .warning)
        #expect(report["hub.reachable"]?.fix?.contains("careconnect provision --hub") == true)
    }
}
