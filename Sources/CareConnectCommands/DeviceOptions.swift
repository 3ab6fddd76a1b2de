// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration

/// Options shared by every command that works on the device's configuration and state.
struct DeviceOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "The configuration file.")
    var configPath = "/etc/careconnect/careconnect.toml"

    @Option(name: .customLong("state-dir"), help: "Override [storage] state_directory (where the database lives).")
    var stateDirectory: String?

    /// The configuration, with command-line overrides applied; a clear error when the file is wrong.
    func load() throws -> DeviceConfiguration {
        var configuration: DeviceConfiguration
        do {
            configuration = try DeviceConfiguration.load(path: configPath)
        } catch {
            throw CommandError("\(configPath): \(error)")
        }
        if let stateDirectory {
            configuration.storage.stateDirectory = stateDirectory
        }
        return configuration
    }
}
