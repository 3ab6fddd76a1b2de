// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

/// Settings for a ``Modem``.
public struct ModemConfiguration: Sendable {
    /// The environment variable, set by the udev rule for the modem's AT port, that names its quirk
    /// profile (`ENV{CARECONNECT_MODEM_PROFILE}="quectel"`).
    public static let profileEnvironmentKey = "CARECONNECT_MODEM_PROFILE"

    /// A quirk profile name (see ``ModemQuirks/named(_:)``). When set, it wins over the profile chosen from
    /// the modem's identity.
    public var profileName: String?
    /// The timeout of a command that neither the profile nor ``commandTimeouts`` names: 5 s.
    public var defaultTimeout: Duration
    /// Timeouts by command name (`"+CMGS"`), overriding the profile's ``ModemQuirks/commandTimeouts``.
    public var commandTimeouts: [String: Duration]
    /// What to do when the modem stops answering.
    public var recovery: RecoveryPolicy
    /// The longest line accepted from the modem, in bytes.
    public var maximumLineLength: Int
    /// Send ESC before the first probe of ``Modem/waitUntilAnswering(attempts:interval:)``, abandoning a PDU
    /// that a previous process (killed at the `> ` prompt) left half-entered. Daemons set this; it costs a
    /// 300 ms pause once per opening of the port, not after each restart of the modem.
    public var abandonPromptBeforeProbing = false

    public init(
        profileName: String? = nil,
        defaultTimeout: Duration = .seconds(5),
        commandTimeouts: [String: Duration] = [:],
        recovery: RecoveryPolicy = RecoveryPolicy(),
        maximumLineLength: Int = ATLineDecoder.defaultMaximumLineLength
    ) {
        self.profileName = profileName
        self.defaultTimeout = defaultTimeout
        self.commandTimeouts = commandTimeouts
        self.recovery = recovery
        self.maximumLineLength = maximumLineLength
    }

    /// A configuration whose ``profileName`` comes from ``profileEnvironmentKey`` in `environment`
    /// (udev properties, or the process environment); an empty value counts as unset.
    public static func fromEnvironment(_ environment: [String: String]) -> ModemConfiguration {
        let name = environment[Self.profileEnvironmentKey].flatMap { $0.isEmpty ? nil : $0 }
        return ModemConfiguration(profileName: name)
    }
}
