// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// One patient's answer: the rating and its comment in a single record, as the FFT requires.
public struct KioskResponse: Hashable, Sendable {
    public var id: UUID
    /// When the response was submitted (an instant; store it as UTC).
    public var submittedAt: Date
    /// The ward's local wall-clock time of submission, `yyyy-MM-ddTHH:mm:ss`.
    public var localTimestamp: String
    /// The local time zone's offset from UTC at submission, in seconds.
    public var utcOffsetSeconds: Int
    public var trustODSCode: String
    public var siteCode: String
    public var wardName: String
    public var specialtyCodes: [String]
    public var surveyVersion: String
    /// The BCP 47 tag of the language the patient answered in.
    public var language: String
    public var audience: AudienceMode
    public var mode: String
    public var rating: FFTRating
    /// The free text, or `nil` when skipped or empty.
    public var comment: String?
    public var categories: [FeedbackCategory]
    /// Submitted within the suspect-repeat window of the previous submission.
    public var suspectRepeat: Bool

    public init(
        id: UUID,
        submittedAt: Date,
        localTimestamp: String,
        utcOffsetSeconds: Int,
        trustODSCode: String,
        siteCode: String,
        wardName: String,
        specialtyCodes: [String],
        surveyVersion: String,
        language: String,
        audience: AudienceMode,
        mode: String,
        rating: FFTRating,
        comment: String?,
        categories: [FeedbackCategory],
        suspectRepeat: Bool
    ) {
        self.id = id
        self.submittedAt = submittedAt
        self.localTimestamp = localTimestamp
        self.utcOffsetSeconds = utcOffsetSeconds
        self.trustODSCode = trustODSCode
        self.siteCode = siteCode
        self.wardName = wardName
        self.specialtyCodes = specialtyCodes
        self.surveyVersion = surveyVersion
        self.language = language
        self.audience = audience
        self.mode = mode
        self.rating = rating
        self.comment = comment
        self.categories = categories
        self.suspectRepeat = suspectRepeat
    }

    /// `date` shifted by `offsetSeconds` as `yyyy-MM-ddTHH:mm:ss` (proleptic Gregorian calendar).
    public static func localTimestamp(for date: Date, offsetSeconds: Int) -> String {
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + offsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let time = "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        return "\(year)-\(two(month))-\(two(day))T\(time)"
    }
}
