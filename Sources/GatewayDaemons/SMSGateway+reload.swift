// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Logging
import Synchronization
public import WardConversation

extension SMSGateway {
    /// The ward conversation's settings in force (the ward's name, reply texts, limits and languages).
    public var conversationSettings: ConversationSettings { conversation.withLock { $0.settings } }

    /// Takes the ward's settings from the configuration when it changed (two `stat` calls when it did not).
    ///
    /// A file that no longer loads is logged and the settings in force stay; managed settings that cannot be
    /// merged are logged and the file's own values apply. The modem's settings are not reloaded.
    func reloadSettingsIfChanged() {
        guard let watcher else { return }
        let configuration: DeviceConfiguration
        do {
            guard let changed = try watcher.reloadIfChanged() else { return }
            configuration = changed
        } catch {
            logger.error(
                "configuration changed but cannot be loaded; keeping the settings in force",
                metadata: ["path": "\(watcher.configurationPath)", "error": "\(error)"]
            )
            return
        }
        if let problem = configuration.managed?.problem {
            logger.warning(
                "managed settings not applied; using the configuration file's own",
                metadata: ["path": "\(watcher.overlayPath)", "problem": "\(problem)"]
            )
        }
        let fresh = GatewaySettings(configuration: configuration)
        if fresh.modemSettingsDiffer(from: self.settings) {
            logger.notice("modem settings changed; they apply when careconnect-smsd restarts")
        }
        let settings = fresh.conversation
        let previous = conversation.withLock { conversation in
            defer { conversation = WardConversation(settings: settings) }
            return conversation.settings
        }
        logger.notice(
            "settings reloaded",
            metadata: [
                "etag": "\(configuration.managed?.etag ?? "none")",
                "managed_keys": "\(configuration.managed?.keys.count ?? 0)",
                "ward": "\(settings.wardName)",
                "changed": "\(previous != settings)",
            ]
        )
    }
}

extension GatewaySettings {
    /// Whether the file's `[modem]` settings differ, which only a restart applies. The device is left out: the
    /// command line may override it.
    func modemSettingsDiffer(from other: GatewaySettings) -> Bool {
        profile != other.profile || baud != other.baud || rtsCts != other.rtsCts
            || simPIN != other.simPIN || sweepInterval != other.sweepInterval
            || multipartTimeout != other.multipartTimeout
    }
}
