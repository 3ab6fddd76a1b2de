// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import ModemEngine

/// Options shared by every command that works on the device's configuration and state.
struct DeviceOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "The configuration file.")
    var configPath = "/etc/careconnect/careconnect.toml"

    @Option(name: .customLong("state-dir"), help: "Override [storage] state_directory (where the database lives).")
    var stateDirectory: String?

    /// The configuration, with command-line overrides applied; a clear error when the file is wrong, including a
    /// `[modem] profile` that names none of the engine's profiles.
    func load() throws -> DeviceConfiguration {
        var configuration: DeviceConfiguration
        do {
            configuration = try DeviceConfiguration.load(path: configPath)
            try configuration.modem.checkProfile(names: ModemQuirks.profileNames, aliases: ModemQuirks.profileAliases)
        } catch {
            throw CommandError("\(configPath): \(error)")
        }
        if let stateDirectory {
            configuration.storage.stateDirectory = stateDirectory
        }
        return configuration
    }
}
