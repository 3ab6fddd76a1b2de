// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
public import Foundation
public import ModemDiscovery

/// `careconnect doctor`'s checks, in the order an installer would go through them: configuration, services,
/// modem, screen, hub, queues.
///
/// Every piece of hardware or network sits behind a small protocol (``ModemProber``, ``HubProber``,
/// ``SystemServices``, ``KioskProber``, `ModemFinder`) so tests can run every check against real parts or
/// in-memory twins. When `careconnect smsd` is running it owns the modem port; the doctor then never opens the
/// port and reports what smsd last told systemd instead.
public struct DeviceDoctor: Sendable {
    /// The systemd units of the device's services.
    public static let smsdUnit = "careconnect-smsd.service"
    public static let kioskUnit = "careconnect-kiosk.service"
    public static let syncUnit = "careconnect-sync.service"

    /// Clock differences from the hub above these are a warning and a failure.
    public static let clockWarning: TimeInterval = 30
    public static let clockFailure: TimeInterval = 300

    public var configurationPath: String
    /// Overrides `[storage] state_directory` (`--state-dir`).
    public var stateDirectory: String?
    public var finder: any ModemFinder
    public var modem: any ModemProber
    public var hub: any HubProber
    public var services: any SystemServices
    public var kiosk: any KioskProber
    /// Whether to check the screen and touchscreen (off on an SMS-only device).
    public var checksKiosk: Bool
    /// The device's clock.
    public var now: @Sendable () -> Date

    public init(
        configurationPath: String,
        stateDirectory: String? = nil,
        finder: any ModemFinder,
        modem: any ModemProber,
        hub: any HubProber,
        services: any SystemServices,
        kiosk: any KioskProber,
        checksKiosk: Bool = true,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configurationPath = configurationPath
        self.stateDirectory = stateDirectory
        self.finder = finder
        self.modem = modem
        self.hub = hub
        self.services = services
        self.kiosk = kiosk
        self.checksKiosk = checksKiosk
        self.now = now
    }

    /// Runs every check once.
    public func run() async -> HealthReport {
        var checks: [HealthCheck] = []
        let (configuration, configurationChecks) = checkConfiguration()
        checks += configurationChecks
        let states = await serviceStates()
        checks += serviceChecks(states)
        checks += await modemChecks(configuration, smsdState: states[Self.smsdUnit] ?? nil)
        if checksKiosk {
            checks += kioskChecks(configuration)
        }
        checks += await hubChecks(configuration)
        checks += storeChecks(configuration)
        return HealthReport(checks: checks, checkedAt: now())
    }
}
