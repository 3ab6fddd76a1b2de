// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import DeviceConfiguration
public import KioskUI

extension KioskSettings {
    /// The kiosk's settings from the device's configuration file (`[ward]` and `[kiosk]`).
    public init(configuration: DeviceConfiguration) {
        let kiosk = configuration.kiosk
        let enabled = kiosk.languages.compactMap { KioskLanguage(rawValue: $0) }
        self.init(
            wardName: configuration.ward.name,
            trustODSCode: configuration.ward.trustODSCode,
            siteCode: configuration.ward.siteCode,
            specialtyCodes: kiosk.specialtyCodes,
            surveyVersion: kiosk.surveyVersion,
            mode: kiosk.mode,
            defaultLanguage: KioskLanguage(rawValue: kiosk.defaultLanguage) ?? .english,
            enabledLanguages: enabled.isEmpty ? KioskLanguage.allCases : enabled,
            audience: AudienceMode(rawValue: kiosk.audience) ?? .standard,
            idleTimeout: .seconds(kiosk.idleSeconds),
            freeTextIdleTimeout: .seconds(kiosk.freeTextIdleSeconds),
            suspectRepeatWindow: .seconds(kiosk.suspectRepeatSeconds),
            staffPIN: kiosk.staffPIN,
            mountHeightMillimetres: kiosk.mountHeightMillimetres > 0 ? kiosk.mountHeightMillimetres : nil
        )
    }
}
