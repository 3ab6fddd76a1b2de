// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Foundation
public import Logging
import ModemEngine
import SerialTransport

/// Asks the real modem over its serial port, with the same engine and port settings as `careconnect smsd`.
///
/// The port is claimed exclusively, as smsd does: when smsd holds it the answer is ``ModemFacts/Port/busy`` and
/// nothing is written. The configured PIN is entered only when the SIM asks for it and the modem says every
/// attempt is left (the profile's own query, else `AT+CPINR`), so a wrong PIN in the file is tried at most once
/// and can never use up the SIM's attempts.
public struct SerialModemProber: ModemProber {
    /// The fewest PIN attempts that must be left before the doctor enters the configured PIN.
    public static let attemptsNeededToTryPIN = 3

    let logger: Logger

    public init(logger: Logger = Logger(label: "careconnect.doctor")) {
        self.logger = logger
    }

    public func probe(path: String, baud: Int, rtsCts: Bool, profile: String?, pin: String?) async -> ModemFacts {
        let transport: SerialTransport
        do {
            transport = try await SerialTransport.open(
                path: path,
                configuration: SerialPortConfiguration(
                    baudRate: .init(rawValue: baud),
                    hardwareFlowControl: rtsCts
                ),
                logger: logger
            )
        } catch let error as SerialPortError {
            switch error.code {
            case .deviceBusy: return ModemFacts(port: .busy)
            case .noSuchDevice: return ModemFacts(port: .missing)
            default: return ModemFacts(port: .failed(error.message))
            }
        } catch {
            return ModemFacts(port: .failed("\(error)"))
        }
        var configuration = ModemConfiguration()
        configuration.abandonPromptBeforeProbing = true
        configuration.profileName = profile
        let modem = Modem(transport: transport, configuration: configuration, logger: logger)
        return await withTaskGroup(of: ModemFacts?.self) { group in
            group.addTask {
                try? await modem.run()
                return nil
            }
            group.addTask { await Self.ask(modem, pin: pin) }
            var facts = ModemFacts(port: .opened)
            for await answer in group {
                if let answer {
                    facts = answer
                    group.cancelAll()
                }
            }
            return facts
        }
    }

    private static func ask(_ modem: Modem<ContinuousClock>, pin: String?) async -> ModemFacts {
        var facts = ModemFacts(port: .opened)
        do {
            try await modem.waitUntilAnswering(attempts: 5, interval: .seconds(1))
        } catch {
            return facts
        }
        facts.answers = true
        guard var state = try? await modem.simState() else { return facts }
        if state == .simPIN, let pin {
            let left = await pinAttemptsLeft(modem)
            if let left, left >= attemptsNeededToTryPIN {
                do {
                    try await modem.enterPIN(pin)
                    facts.pinOutcome = .accepted
                    state = await waitForSIM(modem) ?? state
                } catch {
                    facts.pinOutcome = .rejected(attemptsLeft: await pinAttemptsLeft(modem))
                }
            } else {
                facts.pinOutcome = .withheld(attemptsLeft: left)
            }
        }
        facts.simState = state.rawValue
        facts.rssi = (try? await modem.signalQuality())?.rssi
        facts.circuitRegistration = (try? await modem.registration(.circuitSwitched))?.state.rawValue
        facts.epsRegistration = (try? await modem.registration(.evolvedPacketSystem))?.state.rawValue
        if state == .ready {
            facts.serviceCentre = (try? await modem.serviceCentre())?.number
            facts.storage = ((try? await modem.storageUsage()) ?? []).enumerated().map { index, usage in
                ModemFacts.StorageUsage(
                    name: usage.storage ?? ["read", "write", "receive"][min(index, 2)],
                    used: usage.used,
                    total: usage.total
                )
            }
        }
        return facts
    }

    /// The profile's own count of PIN attempts (`AT+QPINC`, `AT+SPIC`…), else `AT+CPINR`; nil when the modem
    /// does not say.
    static func pinAttemptsLeft(_ modem: Modem<ContinuousClock>) async -> Int? {
        (try? await modem.pinAttemptsLeft()) ?? nil
    }

    /// After a PIN, the SIM takes a moment to become ready.
    private static func waitForSIM(_ modem: Modem<ContinuousClock>) async -> CPIN.State? {
        var state: CPIN.State?
        for _ in 0..<20 {
            state = try? await modem.simState()
            if state == .ready { return state }
            try? await Task.sleep(for: .milliseconds(250))
        }
        return state
    }
}
