// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// One kiosk answer to the Friends and Family Test: the rating and its comment in one record.
public struct KioskResponseRecord: Hashable, Sendable {
    /// A UUID, the record's key everywhere (sync is idempotent on it).
    public var id: String
    /// When "Next" committed the rating.
    public var createdAt: Date
    /// The same moment in the ward's local time, ISO 8601 with its UTC offset (`2026-11-25T14:05:00+00:00`).
    public var localTime: String
    /// The trust's ODS code (3 or 5 characters).
    public var trustCode: String
    public var siteCode: String
    public var ward: String
    /// Treatment specialty codes.
    public var specialtyCodes: [String]
    public var surveyVersion: String
    /// The BCP 47 tag of the language the patient answered in.
    public var language: String
    /// The FFT collection mode, such as `Electronic Discharge`.
    public var mode: String
    /// 1 Very good … 5 Very poor, 6 Don't know.
    public var rating: Int
    public var comment: String?
    /// Care Connect category names the patient picked.
    public var categories: [String]
    /// Submitted within the repeat window of the previous one; kept, but left out of exports by default.
    public var suspectRepeat: Bool

    public init(
        id: String,
        createdAt: Date,
        localTime: String,
        trustCode: String,
        siteCode: String,
        ward: String,
        specialtyCodes: [String] = [],
        surveyVersion: String,
        language: String,
        mode: String,
        rating: Int,
        comment: String? = nil,
        categories: [String] = [],
        suspectRepeat: Bool = false
    ) {
        self.id = id
        self.createdAt = createdAt
        self.localTime = localTime
        self.trustCode = trustCode
        self.siteCode = siteCode
        self.ward = ward
        self.specialtyCodes = specialtyCodes
        self.surveyVersion = surveyVersion
        self.language = language
        self.mode = mode
        self.rating = rating
        self.comment = comment
        self.categories = categories
        self.suspectRepeat = suspectRepeat
    }
}
