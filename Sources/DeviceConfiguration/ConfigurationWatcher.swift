// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Synchronization

/// Notices when the configuration file or the hub's managed settings beside it change, so a running service can
/// take the new settings without a restart.
///
/// Each look is two `stat` calls (modification time to the nanosecond, size and inode of both files), cheap enough
/// for every pass of a service's loop. Create the watcher before loading the configuration the service starts
/// with: a change in between is then seen (at worst the same settings load twice).
public final class ConfigurationWatcher: Sendable {
    /// The configuration file watched.
    public let configurationPath: String

    private struct Signature: Equatable {
        var exists = false
        var inode: UInt64 = 0
        var size: Int64 = 0
        var seconds = 0
        var nanoseconds = 0

        init(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return }
            exists = true
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
        }
    }

    private struct State {
        var overlayPath: String
        var file: Signature
        var overlay: Signature
    }

    private let state: Mutex<State>

    /// Watches `configurationPath` and the overlay in the state directory it names.
    public init(configurationPath: String) {
        self.configurationPath = configurationPath
        let overlayPath = DeviceConfiguration.managedSettingsPath(
            stateDirectory: DeviceConfiguration.stateDirectory(configurationPath: configurationPath)
        )
        state = Mutex(
            State(
                overlayPath: overlayPath,
                file: Signature(path: configurationPath),
                overlay: Signature(path: overlayPath)
            )
        )
    }

    /// The overlay file watched now (it follows the file's `[storage] state_directory`).
    public var overlayPath: String { state.withLock { $0.overlayPath } }

    /// The configuration loaded afresh (``DeviceConfiguration/load(path:)``) when either file changed since the
    /// last look, or nil when neither did.
    ///
    /// A managed-settings overlay that cannot be merged does not throw: the configuration comes back with the
    /// file's values and ``DeviceConfiguration/managed`` names the problem.
    ///
    /// - Throws: the ``ConfigurationError`` that stopped the changed file loading, once per change; the caller
    ///   logs it and keeps the settings it has. Nothing is loaded again until a file changes again.
    public func reloadIfChanged() throws -> DeviceConfiguration? {
        let changed = state.withLock { state -> Bool in
            let file = Signature(path: configurationPath)
            let overlay = Signature(path: state.overlayPath)
            guard file != state.file || overlay != state.overlay else { return false }
            state.file = file
            state.overlay = overlay
            return true
        }
        guard changed else { return nil }
        let configuration: DeviceConfiguration
        do {
            configuration = try DeviceConfiguration.load(path: configurationPath)
        } catch {
            follow(DeviceConfiguration.stateDirectory(configurationPath: configurationPath))
            throw error
        }
        follow(configuration.storage.stateDirectory)
        return configuration
    }

    /// Watches the overlay of `stateDirectory` from now on, if the file moved it.
    private func follow(_ stateDirectory: String) {
        let path = DeviceConfiguration.managedSettingsPath(stateDirectory: stateDirectory)
        state.withLock { state in
            guard state.overlayPath != path else { return }
            state.overlayPath = path
            state.overlay = Signature(path: path)
        }
    }
}
