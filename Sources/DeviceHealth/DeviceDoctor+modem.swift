// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import ModemDiscovery

extension DeviceDoctor {
    func modemChecks(_ configuration: DeviceConfiguration, smsdState: String?) async -> [HealthCheck] {
        let settings = configuration.modem
        let candidate: ModemCandidate?
        do {
            candidate = try finder.locate(configuredPath: settings.device)
        } catch {
            candidate = nil
        }
        guard let candidate else {
            return [
                HealthCheck(
                    id: "modem.found",
                    .failure,
                    "No modem found (looked for \(settings.device) and known USB modems)",
                    fix:
                        "plug the USB modem in firmly; if it is in, check the udev rule is installed (lsusb should list it)"
                )
            ]
        }
        var checks = [HealthCheck(id: "modem.found", .ok, "Modem found at \(candidate.devnode)")]
        if smsdState == "active" {
            checks.append(await smsdOwnsModem(reason: "careconnect-smsd is running and owns the modem port"))
            return checks
        }
        let facts = await modem.probe(
            path: candidate.devnode,
            baud: settings.baud,
            rtsCts: settings.rtsCts,
            profile: settings.profile == "auto" ? candidate.profile : settings.profile,
            pin: settings.simPIN
        )
        switch facts.port {
        case .opened:
            break
        case .busy:
            checks.append(
                await smsdOwnsModem(reason: "another program holds the modem port (usually careconnect-smsd)")
            )
            return checks
        case .missing:
            checks.append(
                HealthCheck(
                    id: "modem.at",
                    .failure,
                    "The modem disappeared while being checked",
                    fix: "plug the modem in again and wait 30 seconds"
                )
            )
            return checks
        case .failed(let reason):
            checks.append(
                HealthCheck(
                    id: "modem.at",
                    .failure,
                    "The modem port cannot be opened: \(reason)",
                    fix: "run the doctor as root; check the udev rule points at the modem's AT port"
                )
            )
            return checks
        }
        checks += Self.modemChecks(facts, configuredPIN: settings.simPIN != nil)
        return checks
    }

    /// What smsd last said, instead of opening the port it owns.
    private func smsdOwnsModem(reason: String) async -> HealthCheck {
        let status = await services.statusText(of: Self.smsdUnit)
        let said = status.map { "its last status is: \($0)" } ?? "it has not reported a status"
        let bad = status.map { $0.contains("power cycle") || $0.contains("waiting for a modem") } ?? false
        return HealthCheck(
            id: "modem.at",
            bad ? .failure : .notChecked,
            "Modem not opened: \(reason); \(said)",
            fix: bad ? "unplug the modem, plug it back in, then: systemctl restart careconnect-smsd" : nil
        )
    }

    /// Turns the modem's answers into checks; pure.
    static func modemChecks(_ facts: ModemFacts, configuredPIN: Bool) -> [HealthCheck] {
        var checks: [HealthCheck] = []
        guard facts.answers else {
            return [
                HealthCheck(
                    id: "modem.at",
                    .failure,
                    "The modem does not answer AT commands",
                    fix: "unplug the modem for ten seconds and plug it back in; check [modem] baud"
                )
            ]
        }
        checks.append(HealthCheck(id: "modem.at", .ok, "Modem answers AT commands"))
        checks.append(simCheck(facts, configuredPIN: configuredPIN))
        if let bars = facts.bars {
            let verdict: HealthCheck.Verdict = bars == 0 ? .failure : bars == 1 ? .warning : .ok
            checks.append(
                HealthCheck(
                    id: "modem.signal",
                    verdict,
                    bars == 0 ? "No mobile signal (0 of 5 bars)" : "Signal \(bars) of 5 bars",
                    fix: verdict == .ok
                        ? nil : "move the device nearer a window or fit the external aerial; check the aerial lead"
                )
            )
        } else {
            checks.append(HealthCheck(id: "modem.signal", .notChecked, "Signal: the modem did not say"))
        }
        checks.append(registrationCheck(facts))
        if let number = facts.serviceCentre {
            checks.append(
                number.isEmpty
                    ? HealthCheck(
                        id: "modem.smsc",
                        .failure,
                        "The SIM has no message centre number (SMSC): replies cannot be sent",
                        fix:
                            "ask the SIM supplier for the SMSC number and set it with: careconnect modem at 'AT+CSCA=\"+44…\"'"
                    )
                    : HealthCheck(id: "modem.smsc", .ok, "Message centre (SMSC) is set: \(number)")
            )
        } else if facts.simState == "READY" {
            checks.append(HealthCheck(id: "modem.smsc", .notChecked, "Message centre (SMSC): the modem did not say"))
        }
        if let first = facts.storage.first {
            let free = first.total - first.used
            let verdict: HealthCheck.Verdict =
                first.total > 0 && free <= 0 ? .failure : (first.total > 0 && free * 5 < first.total ? .warning : .ok)
            checks.append(
                HealthCheck(
                    id: "modem.storage",
                    verdict,
                    verdict == .failure
                        ? "SIM message storage is full (\(first.used) of \(first.total)): new texts cannot arrive"
                        : "SIM message storage: \(first.used) of \(first.total) used",
                    fix: verdict == .ok
                        ? nil
                        : "start careconnect-smsd: it reads and empties the storage (systemctl start careconnect-smsd)"
                )
            )
        }
        return checks
    }

    private static func simCheck(_ facts: ModemFacts, configuredPIN: Bool) -> HealthCheck {
        let state = facts.simState ?? "unknown"
        switch (state, facts.pinOutcome) {
        case ("READY", .accepted?):
            return HealthCheck(id: "modem.sim", .ok, "SIM is ready (the configured PIN is right)")
        case ("READY", _):
            return HealthCheck(id: "modem.sim", .ok, "SIM is ready")
        case (_, .rejected(let left)?):
            return HealthCheck(
                id: "modem.sim",
                .failure,
                "The configured SIM PIN is wrong"
                    + (left.map { " (\($0) attempt\($0 == 1 ? "" : "s") left)" } ?? ""),
                fix: "correct [modem] sim_pin (careconnect provision --sim-pin); do not try again until it is right"
            )
        case (_, .withheld(let left)?):
            return HealthCheck(
                id: "modem.sim",
                .failure,
                "SIM needs its PIN; the configured PIN was not tried because "
                    + (left.map { "only \($0) attempt\($0 == 1 ? "" : "s") are left" }
                        ?? "the modem does not say how many attempts are left"),
                fix: "check [modem] sim_pin against the SIM's paperwork before anything enters it"
            )
        case ("SIM PIN", nil):
            return HealthCheck(
                id: "modem.sim",
                .failure,
                "SIM needs its PIN and none is configured",
                fix: configuredPIN
                    ? "check [modem] sim_pin" : "run: careconnect provision --sim-pin PIN (from the SIM's paperwork)"
            )
        case (let puk, _) where puk.hasSuffix("PUK"):
            return HealthCheck(
                id: "modem.sim",
                .failure,
                "SIM is blocked and needs its PUK",
                fix: "call the SIM supplier for the PUK; the SIM cannot be used until then"
            )
        case ("NOT INSERTED", _):
            return HealthCheck(
                id: "modem.sim",
                .failure,
                "No SIM card in the modem",
                fix: "power off, insert the SIM (chip down, cut corner first), power on"
            )
        default:
            return HealthCheck(
                id: "modem.sim",
                .failure,
                "SIM not ready (\(state))",
                fix: "wait a minute; if it stays, reseat the SIM card"
            )
        }
    }

    private static func registrationCheck(_ facts: ModemFacts) -> HealthCheck {
        let states = [facts.circuitRegistration, facts.epsRegistration].compactMap { $0 }
        guard !states.isEmpty else {
            return HealthCheck(id: "modem.registration", .notChecked, "Network registration: the modem did not say")
        }
        if states.contains(where: { [1, 6, 9].contains($0) }) {
            return HealthCheck(id: "modem.registration", .ok, "Registered on the home network")
        }
        if states.contains(where: { [5, 7, 10].contains($0) }) {
            return HealthCheck(id: "modem.registration", .ok, "Registered on the network (roaming)")
        }
        if states.contains(3) {
            return HealthCheck(
                id: "modem.registration",
                .failure,
                "The network refused the SIM",
                fix: "call the SIM supplier: the SIM may be barred or not activated"
            )
        }
        if states.contains(2) {
            return HealthCheck(
                id: "modem.registration",
                .warning,
                "Searching for the network",
                fix: "wait two minutes; if it stays, move the device or fit the external aerial"
            )
        }
        return HealthCheck(
            id: "modem.registration",
            .failure,
            "Not registered on the mobile network",
            fix: "check the SIM is activated and there is signal; unplug and replug the modem"
        )
    }
}
