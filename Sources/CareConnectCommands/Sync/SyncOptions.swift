// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import Foundation

/// Where the device keeps its state, for the sync commands: `--state-dir`, or the configuration file's
/// `[storage] state_directory`.
struct SyncStateOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "The configuration file (read only when --state-dir is not given).")
    var configPath = "/etc/careconnect/careconnect.toml"

    @Option(name: .customLong("state-dir"), help: "The state directory (the database and the hub token file).")
    var stateDirectory: String?

    /// The state directory to use.
    func resolve() throws -> String {
        if let stateDirectory { return stateDirectory }
        do {
            return try DeviceConfiguration.load(path: configPath).storage.stateDirectory
        } catch {
            throw CommandError("\(configPath): \(error)")
        }
    }

    /// The configuration file's settings (defaults when there is no file), for `[sync]`.
    func configuration() throws -> DeviceConfiguration {
        do {
            return try DeviceConfiguration.load(path: configPath)
        } catch {
            throw CommandError("\(configPath): \(error)")
        }
    }

    /// The database path under the state directory.
    func databasePath() throws -> String {
        (try resolve() as NSString).appendingPathComponent("careconnect.sqlite")
    }
}
