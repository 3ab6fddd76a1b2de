// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import KioskUI
import Logging

extension KioskDaemon {
    /// The kiosk's settings from the configuration when a file changed and they differ from `current`, with the
    /// managed settings' etag; nil otherwise. A file that no longer loads is logged and changes nothing.
    func changedSettings(current: KioskSettings) -> (settings: KioskSettings, etag: String?)? {
        guard let watcher else { return nil }
        let configuration: DeviceConfiguration
        do {
            guard let changed = try watcher.reloadIfChanged() else { return nil }
            configuration = changed
        } catch {
            logger.error(
                "configuration changed but cannot be loaded; keeping the settings in force",
                metadata: ["path": "\(watcher.configurationPath)", "error": "\(error)"]
            )
            return nil
        }
        if let problem = configuration.managed?.problem {
            logger.warning(
                "managed settings not applied; using the configuration file's own",
                metadata: ["path": "\(watcher.overlayPath)", "problem": "\(problem)"]
            )
        }
        let settings = current.reloaded(from: configuration)
        guard settings != current else { return nil }
        logger.info("settings changed; taking them when the kiosk is next at rest")
        return (settings, configuration.managed?.etag)
    }
}

extension KioskSettings {
    /// These settings with the configuration's values; what the configuration does not hold (the thank-you
    /// screen's length, the idle prompt's countdown, the tap debounce) stays as it is.
    func reloaded(from configuration: DeviceConfiguration) -> KioskSettings {
        var fresh = KioskSettings(configuration: configuration)
        fresh.idlePromptCountdown = idlePromptCountdown
        fresh.maximumExtensions = maximumExtensions
        fresh.thankYouDuration = thankYouDuration
        fresh.debounceInterval = debounceInterval
        return fresh
    }
}

extension KioskStateMachine {
    /// On the start screen with no answer in progress: nobody has touched the survey since it last started again.
    var isAtRest: Bool {
        screen == .question && !isSessionActive && selectedRating == nil && committedRating == nil
    }
}
