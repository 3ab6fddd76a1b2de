// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import Testing

/// `[modem] profile` must be `auto` or one of the engine's profiles; anything else is an error for
/// `modem.profile` that lists the allowed names.
@Suite struct UnknownModemProfileIsAnErrorTests {
    static let names = ["generic", "quectel", "simcom-sim800", "simcom", "huawei", "ublox"]

    func modem(profile: String) -> DeviceConfiguration.Modem {
        var modem = DeviceConfiguration().modem
        modem.profile = profile
        return modem
    }

    @Test(arguments: ["auto", "quectel", " Quectel ", "SIMCOM-SIM800", "ec25"])
    func acceptsAutoNamesAndAliases(profile: String) throws {
        try modem(profile: profile).checkProfile(names: Self.names, aliases: ["ec25"])
    }

    @Test(arguments: ["quectle", "sim7000", ""])
    func refusesOtherNamesListingTheAllowedOnes(profile: String) throws {
        let error = #expect(throws: ConfigurationError.self) {
            try modem(profile: profile).checkProfile(names: Self.names, aliases: ["ec25"])
        }
        #expect(error?.key == "modem.profile")
        #expect(error?.message.contains("unknown modem profile '\(profile)'") == true)
        #expect(error?.description.contains("auto") == true)
        #expect(error?.description.hasSuffix("generic, quectel, simcom-sim800, simcom, huawei, ublox") == true)
    }

    /// The same check on a file: the example configuration passes.
    @Test func exampleConfigurationPasses() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Documentation/careconnect.example.toml").path
        try DeviceConfiguration.load(path: example).modem.checkProfile(names: Self.names)
    }
}
