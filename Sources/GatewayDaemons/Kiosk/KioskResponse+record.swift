// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import KioskUI
public import MessageStore

extension KioskResponseRecord {
    /// The stored form of a kiosk answer.
    public init(_ response: KioskResponse) {
        self.init(
            id: response.id.uuidString.lowercased(),
            createdAt: response.submittedAt,
            localTime: response.localTimestamp,
            trustCode: response.trustODSCode,
            siteCode: response.siteCode,
            ward: response.wardName,
            specialtyCodes: response.specialtyCodes,
            surveyVersion: response.surveyVersion,
            language: response.language,
            mode: response.mode,
            rating: response.rating.rawValue,
            comment: response.comment,
            categories: response.categories.map(\.rawValue),
            suspectRepeat: response.suspectRepeat
        )
    }
}
