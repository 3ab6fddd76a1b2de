// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import ModemEngine
import Testing

/// Choosing a quirk profile from identity, vendor reports and the udev profile name.
@Suite struct QuirksTests {
    /// Identity strings as each supported modem reports them choose that vendor's profile.
    @Test(arguments: [
        ("Quectel", "EC25", "quectel"),
        ("Quectel_Ltd", "EG25", "quectel"),
        ("SIMCOM_Ltd", "SIMCOM_SIM800L", "simcom-sim800"),
        ("SIMCOM INCORPORATED", "SIMCOM_SIM7600E-H", "simcom"),
        ("huawei", "E3372", "huawei"),
        ("u-blox", "LARA-R211", "ublox"),
        ("Telit", "LE910C1-EU", "generic"),
    ])
    func choosesProfileFromIdentity(manufacturer: String, model: String, profile: String) {
        // Given
        let identity = ModemIdentity(manufacturer: manufacturer, model: model)

        // When
        let quirks = ModemQuirks.select(identity: identity)

        // Then
        #expect(quirks.name == profile)
    }

    /// The udev profile name wins over the identity, in any case, and an unknown name is ignored.
    @Test func udevProfileNameWins() {
        let huawei = ModemIdentity(manufacturer: "huawei", model: "E3372")
        #expect(ModemQuirks.select(profileName: "quectel", identity: huawei).name == "quectel")
        #expect(ModemQuirks.select(profileName: "SIM800", identity: huawei).name == "simcom-sim800")
        #expect(ModemQuirks.select(profileName: "u-blox").name == "ublox")
        #expect(ModemQuirks.select(profileName: "no-such-modem", identity: huawei).name == "huawei")
    }

    /// Vendor reports seen on the port choose a profile when the identity does not.
    @Test func vendorReportsHintTheProfile() {
        let unknown = ModemIdentity(manufacturer: "Generic", model: "Stick")
        #expect(ModemQuirks.select(identity: unknown, indicationNames: ["^RSSI"]).name == "huawei")
        #expect(ModemQuirks.select(indicationNames: ["+QIND"]).name == "quectel")
        #expect(ModemQuirks.select(indicationNames: []).name == "generic")
    }

    /// The profile name comes from the udev property, and a modem created with it uses that profile.
    @Test func profileFromEnvironment() async {
        // Given
        let configuration = ModemConfiguration.fromEnvironment(["CARECONNECT_MODEM_PROFILE": "huawei"])

        // When
        let modem = Modem(transport: ScriptedTransport(), configuration: configuration, clock: ManualClock())

        // Then
        #expect(configuration.profileName == "huawei")
        #expect(await modem.quirks.name == "huawei")
        #expect(await modem.quirks.initialisationCommands == [ATCommand("AT^CURC=0")])
        #expect(ModemConfiguration.fromEnvironment(["CARECONNECT_MODEM_PROFILE": ""]).profileName == nil)
    }

    /// Send timeouts: SIM800 is slower than the generic profile, and the configuration overrides both.
    @Test func commandTimeouts() {
        let configuration = ModemConfiguration()
        let send = CMGS.send(length: 20)
        #expect(ModemQuirks.generic.timeout(for: send, configuration: configuration) == .seconds(60))
        #expect(ModemQuirks.simcomSIM800.timeout(for: send, configuration: configuration) == .seconds(120))
        #expect(ModemQuirks.generic.timeout(for: V250.attention, configuration: configuration) == .seconds(5))
        let custom = ModemConfiguration(commandTimeouts: ["+CMGS": .seconds(300)])
        #expect(ModemQuirks.simcomSIM800.timeout(for: send, configuration: custom) == .seconds(300))
    }

    /// Each vendor profile is found by its own name and owns distinct identity patterns.
    @Test func everyProfileIsNamed() {
        for quirks in ModemQuirks.all {
            #expect(ModemQuirks.named(quirks.name) == quirks)
            #expect(!quirks.newMessageIndications.isEmpty)
            #expect(!quirks.preferredStorages.isEmpty)
        }
        #expect(ModemQuirks.named("generic") == .generic)
    }
}
