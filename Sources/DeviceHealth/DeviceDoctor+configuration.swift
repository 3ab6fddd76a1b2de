// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation

extension DeviceDoctor {
    /// The file is there, readable and valid, the ward is named, and the files `[sync]` names are usable.
    func checkConfiguration() -> (DeviceConfiguration, [HealthCheck]) {
        let path = configurationPath
        guard FileManager.default.fileExists(atPath: path) else {
            return (
                DeviceConfiguration(),
                [
                    HealthCheck(
                        id: "config",
                        .failure,
                        "No configuration file at \(path)",
                        fix: "run: careconnect provision (it asks for the ward, trust and hub)"
                    )
                ]
            )
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            return (
                DeviceConfiguration(),
                [
                    HealthCheck(
                        id: "config",
                        .failure,
                        "Configuration file \(path) cannot be read",
                        fix: "run the doctor as root, or: chgrp careconnect \(path) && chmod 0640 \(path)"
                    )
                ]
            )
        }
        let configuration: DeviceConfiguration
        do {
            configuration = try DeviceConfiguration.load(path: path)
        } catch {
            return (
                DeviceConfiguration(),
                [
                    HealthCheck(
                        id: "config",
                        .failure,
                        "Configuration file has a mistake: \(error)",
                        fix: "edit \(path) at the key named, or run: careconnect provision --force"
                    )
                ]
            )
        }
        var checks: [HealthCheck] = []
        if configuration.ward.trustODSCode.isEmpty || configuration.ward.name == DeviceConfiguration().ward.name {
            checks.append(
                HealthCheck(
                    id: "config",
                    .warning,
                    "Configuration file is valid but the ward is not named",
                    fix: "run: careconnect provision --ward NAME --ods-code CODE"
                )
            )
        } else {
            checks.append(
                HealthCheck(
                    id: "config",
                    .ok,
                    "Configuration file is valid (\(configuration.ward.name), \(configuration.ward.trustODSCode))"
                )
            )
        }
        checks.append(managedSettingsCheck(configuration.managed))
        do {
            try configuration.sync.checkFiles()
        } catch {
            checks.append(
                HealthCheck(
                    id: "config.files",
                    .failure,
                    "A file named in [sync] is not usable: \(error)",
                    fix: "install the file, or correct the path in \(path)"
                )
            )
        }
        return (configuration, checks)
    }

    /// The state directory in use.
    func stateDirectory(_ configuration: DeviceConfiguration) -> String {
        stateDirectory ?? configuration.storage.stateDirectory
    }
}
