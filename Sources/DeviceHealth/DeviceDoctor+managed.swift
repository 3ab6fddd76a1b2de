// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration

extension DeviceDoctor {
    /// The hub's managed settings: which version is in force, or why it is not.
    func managedSettingsCheck(_ managed: ManagedStatus?) -> HealthCheck {
        guard let managed else { return HealthCheck(id: "config.managed", .ok, "Managed settings: none") }
        guard let problem = managed.problem else {
            return HealthCheck(id: "config.managed", .ok, "Managed settings: \(managed.summary)")
        }
        let version = managed.etag.map { "version \($0) " } ?? ""
        return HealthCheck(
            id: "config.managed",
            .warning,
            "Managed settings \(version)from the hub are not in force, so the device uses its own file's values: "
                + problem,
            fix: "correct the key named on the hub (careconnect hub config set) or in \(configurationPath); "
                + "or delete \(managed.path) and the next sync fetches the hub's settings again"
        )
    }
}
