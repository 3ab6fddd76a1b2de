// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import SyncClient

extension DeviceDoctor {
    func hubChecks(_ configuration: DeviceConfiguration) async -> [HealthCheck] {
        guard let url = configuration.sync.hub else {
            return [
                HealthCheck(
                    id: "hub.reachable",
                    .warning,
                    "No hub configured: answers stay on this device",
                    fix: "run: careconnect provision --hub https://… --enrol CODE"
                )
            ]
        }
        var checks: [HealthCheck] = []
        let tokenPath = configuration.sync.tokenPath(stateDirectory: stateDirectory(configuration))
        do {
            let credentials = try DeviceCredentials.load(path: tokenPath)
            checks.append(
                HealthCheck(id: "sync.enrolled", .ok, "Enrolled as \(credentials.deviceID) for \(credentials.ward)")
            )
        } catch {
            let missing = !FileManager.default.fileExists(atPath: tokenPath)
            checks.append(
                HealthCheck(
                    id: "sync.enrolled",
                    .failure,
                    missing ? "Not enrolled with the hub (no \(tokenPath))" : "The hub token cannot be used: \(error)",
                    fix: missing
                        ? "ask for an enrolment code, then run: careconnect provision --enrol CODE"
                        : "run: chown careconnect:careconnect \(tokenPath) && chmod 0600 \(tokenPath)"
                )
            )
        }
        let address = HubAddress(
            url: url,
            caFile: configuration.sync.caFile,
            clientCertificate: configuration.sync.clientCertificate,
            clientKey: configuration.sync.clientKey
        )
        switch await hub.probe(address) {
        case .unreachable(let reason):
            return checks + [
                HealthCheck(
                    id: "hub.reachable",
                    .failure,
                    "Hub \(url) cannot be reached: \(reason)",
                    fix:
                        "check the network cable or Wi-Fi; ask IT whether \(URLComponents(string: url)?.host ?? url) is allowed through the firewall"
                )
            ]
        case .reachable(let serverTime, let roundTrip):
            let milliseconds =
                roundTrip.components.seconds * 1_000 + roundTrip.components.attoseconds / 1_000_000_000_000_000
            checks.append(HealthCheck(id: "hub.reachable", .ok, "Hub \(url) answers (\(milliseconds) ms)"))
            let offset = now().timeIntervalSince(serverTime)
            let words = Self.duration(abs(offset)) + (offset > 0 ? " ahead of" : " behind")
            if abs(offset) > Self.clockFailure {
                checks.append(
                    HealthCheck(
                        id: "hub.clock",
                        .failure,
                        "This device's clock is \(words) the hub's",
                        fix: "check time sync: timedatectl; allow NTP (UDP 123) through the firewall"
                    )
                )
            } else if abs(offset) > Self.clockWarning {
                checks.append(
                    HealthCheck(
                        id: "hub.clock",
                        .warning,
                        "This device's clock is \(words) the hub's",
                        fix: "check time sync: timedatectl"
                    )
                )
            } else {
                checks.append(
                    HealthCheck(id: "hub.clock", .ok, "Clock agrees with the hub (within \(Int(Self.clockWarning)) s)")
                )
            }
            return checks
        }
    }

    /// "3 minutes", "2 hours", "5 days".
    static func duration(_ seconds: TimeInterval) -> String {
        func plural(_ value: Int, _ unit: String) -> String { "\(value) \(unit)\(value == 1 ? "" : "s")" }
        switch seconds {
        case ..<120: return plural(Int(seconds.rounded()), "second")
        case ..<7_200: return plural(Int((seconds / 60).rounded()), "minute")
        case ..<129_600: return plural(Int((seconds / 3_600).rounded()), "hour")
        default: return plural(Int((seconds / 86_400).rounded()), "day")
        }
    }
}
