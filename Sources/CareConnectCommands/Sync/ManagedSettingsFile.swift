// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import SyncClient
import SyncProtocol

/// The hub's managed settings as the overlay file beside the device's configuration, which smsd and the kiosk
/// read on their next check: the real ``ManagedSettingsTarget``.
struct ManagedSettingsFile: ManagedSettingsTarget {
    /// The device's configuration file, which the settings are checked against and whose state directory holds
    /// the overlay.
    var configurationPath: String

    func appliedETag() -> String? {
        DeviceConfiguration.appliedManagedSettings(configurationPath: configurationPath)?.etag
    }

    func apply(_ document: ConfigurationDocument) throws {
        let json = try SyncJSON.encoder().encode(document.config)
        let settings = try ManagedSettings(etag: document.etag, json: json)
        try DeviceConfiguration.applyManagedSettings(settings, configurationPath: configurationPath)
    }
}
