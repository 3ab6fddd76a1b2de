// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation

extension DeviceDoctor {
    /// `systemctl is-active` for each service; nil values when there is no systemd.
    func serviceStates() async -> [String: String?] {
        var states: [String: String?] = [:]
        for unit in [Self.smsdUnit, Self.kioskUnit, Self.syncUnit] {
            states[unit] = await services.activeState(of: unit)
        }
        return states
    }

    func serviceChecks(_ states: [String: String?]) -> [HealthCheck] {
        [Self.smsdUnit, Self.syncUnit, Self.kioskUnit].map { unit in
            let name = unit.replacingOccurrences(of: ".service", with: "")
            let id = "service.\(name)"
            guard let state = states[unit] ?? nil else {
                return HealthCheck(id: id, .notChecked, "\(name): not checked (no systemd here)")
            }
            switch state {
            case "active":
                return HealthCheck(id: id, .ok, "\(name) is running")
            case "failed":
                return HealthCheck(
                    id: id,
                    .failure,
                    "\(name) has stopped after an error",
                    fix: "see: journalctl -u \(name) -n 50; then: systemctl restart \(name)"
                )
            case "activating", "reloading":
                return HealthCheck(
                    id: id,
                    .warning,
                    "\(name) is starting",
                    fix: "wait a minute and run the doctor again"
                )
            default:
                // The kiosk does not run on an SMS-only device, and the reverse.
                return HealthCheck(
                    id: id,
                    .warning,
                    "\(name) is not running (\(state))",
                    fix: "if this device should run it: systemctl enable --now \(name)"
                )
            }
        }
    }
}
