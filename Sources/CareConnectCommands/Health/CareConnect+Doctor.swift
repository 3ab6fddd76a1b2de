// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceHealth
import Foundation
import Logging
import ModemDiscovery

extension CareConnect {
    /// `careconnect doctor`: step-by-step checks with plain-English fixes, for estates staff.
    struct Doctor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the device step by step and say how to fix what is wrong.",
            discussion: """
                Checks the configuration file, the services, the modem (AT, SIM and PIN, signal bars, network \
                registration, message centre, SIM storage), the screen and touchscreen, the hub (reachable, \
                clock) and the queues (replies waiting, events not yet synced, last successful sync, dead \
                letters). Each line starts with ✓ (fine), ! (needs attention soon), ✗ (broken) or - (not \
                checked), with a one-line fix below.

                While careconnect-smsd runs it owns the modem: the doctor does not open the port and reports \
                smsd's last status instead. The configured SIM PIN is only entered when the SIM asks for it and \
                has all its attempts left, so a wrong PIN in the file never blocks the SIM.

                Exit status: 0 all good, 1 warnings only, 2 something is broken.
                """
        )

        @OptionGroup var device: DeviceOptions

        @Flag(help: "Print one JSON object (for fleet tools) instead of text.")
        var json = false

        @Flag(help: "Skip the screen and touchscreen checks (an SMS-only device).")
        var noKiosk = false

        func run() async throws {
            var logger = Logger(label: "careconnect.doctor")
            logger.logLevel = .critical
            let doctor = DeviceDoctor(
                configurationPath: device.configPath,
                stateDirectory: device.stateDirectory,
                finder: UdevModemFinder(),
                modem: SerialModemProber(logger: logger),
                hub: HTTPHubProber(),
                services: SystemctlServices(),
                kiosk: LinuxKioskProber(),
                checksKiosk: !noKiosk
            )
            let report = await doctor.run()
            print(json ? try report.json() : report.text)
            if report.exitStatus != 0 {
                throw ExitCode(report.exitStatus)
            }
        }
    }
}
