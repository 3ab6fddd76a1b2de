// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import DeviceHealth
import Foundation
import ModemDiscovery
import Testing

/// The doctor's line for the hub's managed settings, with the configuration file and overlay on disk.
@Suite struct DoctorManagedSettingsTests {
    func managedCheck(_ directory: String) async throws -> HealthCheck {
        let doctor = DeviceDoctor(
            configurationPath: directory + "/careconnect.toml",
            stateDirectory: directory,
            finder: StaticModemFinder([]),
            modem: InMemoryModemProber(ModemFacts(port: .missing)),
            hub: InMemoryHubProber(.reachable(serverTime: Date(), roundTrip: .milliseconds(3))),
            services: InMemorySystemServices(states: nil),
            kiosk: InMemoryKioskProber(screen: nil, touch: nil),
            checksKiosk: false
        )
        let report = await doctor.run()
        return try #require(report.checks.first { $0.id == "config.managed" })
    }

    @Test func showsVersionInForceAndWarnsWhenNotApplied() async throws {
        let directory = try temporaryDirectory("doctor-managed")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configurationPath = directory + "/careconnect.toml"
        try write(
            """
            [storage]
            state_directory = "\(directory)"
            [ward]
            name = "Ward 7"
            trust_ods = "RXX"
            [templates.cy]
            thanks_and_follow_up = "a"
            thanks_for_comment = "b"
            stopped = "c"
            started = "d"
            help = "e"
            language_chosen = "f"
            """,
            to: configurationPath
        )
        // None applied
        var check = try await managedCheck(directory)
        #expect(check.verdict == .ok)
        #expect(check.summary == "Managed settings: none")

        // Five keys in force
        try DeviceConfiguration.applyManagedSettings(
            ManagedSettings(
                etag: "\"v3\"",
                json: Data(
                    #"""
                    {"ward": {"name": "Ward 9", "ward_code": "W9"}, "conversation": {"default_language": "cy"},
                     "kiosk": {"idle_seconds": 30, "languages": ["en", "cy"]}}
                    """#.utf8
                )
            ),
            configurationPath: configurationPath
        )
        check = try await managedCheck(directory)
        #expect(check.verdict == .ok)
        #expect(check.summary == "Managed settings: version \"v3\" from the hub (5 keys)")

        // The file loses the Welsh texts the settings rely on: a warning that names the key and says what to do
        try write(
            "[storage]\nstate_directory = \"\(directory)\"\n[ward]\nname = \"Ward 7\"\ntrust_ods = \"RXX\"\n",
            to: configurationPath
        )
        check = try await managedCheck(directory)
        #expect(check.verdict == .warning)
        #expect(check.summary.hasPrefix("Managed settings version \"v3\" from the hub are not in force"))
        #expect(check.summary.contains("conversation.default_language: no reply texts for 'cy'"))
        #expect(check.fix?.contains("delete \(directory)/managed-settings.toml") == true)
    }
}
