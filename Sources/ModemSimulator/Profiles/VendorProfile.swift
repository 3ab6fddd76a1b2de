// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// What makes one modem model look different from another on the AT port.
///
/// The behaviour of the commands themselves is the same for every profile (3GPP TS 27.007 and 27.005);
/// a profile only changes the identity strings, the unsolicited messages printed at boot and afterwards,
/// and a few vendor commands that answer with fixed text.
public struct VendorProfile: Hashable, Sendable {
    /// The name used on the command line, such as `quectel-ec25`.
    public var name: String
    /// `AT+CGMI` / `AT+GMI`.
    public var manufacturer: String
    /// `AT+CGMM` / `AT+GMM`.
    public var model: String
    /// `AT+CGMR` / `AT+GMR`.
    public var revision: String
    /// The lines of `ATI`.
    public var identification: [String]
    /// Unsolicited lines printed once the modem has booted, before the SIM is checked.
    public var bootIndications: [String]
    /// Unsolicited lines printed once the SIM is ready (at boot, or after the PIN is entered).
    public var simReadyIndications: [String]
    /// Unsolicited lines repeated while the modem runs (Huawei's `^RSSI`), and how often.
    public var periodicIndications: [String]
    /// How often ``periodicIndications`` are printed.
    public var periodicInterval: Duration
    /// Vendor commands answered with fixed information lines and `OK`, keyed by the command as written
    /// after `AT` up to and including its mode (`+QINISTAT`, `+QURCCFG?`, `^CURC=`); `=` matches any value.
    public var fixedResponses: [String: [String]]
    /// The storages `AT+CPMS=?` offers.
    public var storages: [String]

    public init(
        name: String,
        manufacturer: String,
        model: String,
        revision: String,
        identification: [String]? = nil,
        bootIndications: [String] = [],
        simReadyIndications: [String] = [],
        periodicIndications: [String] = [],
        periodicInterval: Duration = .seconds(10),
        fixedResponses: [String: [String]] = [:],
        storages: [String] = ["SM", "ME"]
    ) {
        self.name = name
        self.manufacturer = manufacturer
        self.model = model
        self.revision = revision
        self.identification = identification ?? [manufacturer, model, "Revision: \(revision)"]
        self.bootIndications = bootIndications
        self.simReadyIndications = simReadyIndications
        self.periodicIndications = periodicIndications
        self.periodicInterval = periodicInterval
        self.fixedResponses = fixedResponses
        self.storages = storages
    }

    /// Finds a built-in profile by its command-line name.
    public init?(named name: String) {
        guard let profile = Self.all.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = profile
    }
}
