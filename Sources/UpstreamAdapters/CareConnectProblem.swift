// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
public import SyncProtocol

/// A problem for the Care Connect API v0.1 (`POST /api/v0.1/problem`), made from a piece of SMS feedback. Pure.
///
/// Only `feedback.fft` events from SMS with a comment become problems. Scores alone are survey answers (they go
/// to NHS England in the monthly FFT export), and the other event types are device facts the API has no field for.
public struct CareConnectProblem: Sendable {
    /// Care Connect's categories; anything else becomes `other`.
    public static let categories: Set<String> = [
        "staff", "access", "delays", "treatment", "communication", "cleanliness", "equipment", "medicines",
        "dignity", "parking", "lostproperty", "food", "other",
    ]
    /// The reporter name sent for every SMS (the API requires one, and an SMS carries none).
    public static let reporterName = "SMS sender"
    /// The longest description the API takes, in characters.
    public static let maxDescription = 2_000

    /// The form fields in the order they are sent.
    public var fields: [(String, String)]

    /// The value of one field, or nil.
    public subscript(field: String) -> String? {
        fields.first { $0.0 == field }?.1
    }

    /// Why an event does not become a problem, or what it lacks.
    public enum Refusal: Error, Sendable, Hashable {
        /// The event is not SMS feedback with a comment: the reason says what it is and where such events go.
        case notApplicable(String)
        /// It is, but something the API requires is missing.
        case incomplete(String)
    }

    /// The comment of an event that becomes a problem, or why it does not.
    public static func comment(of event: SyncEvent) -> Result<String, Refusal> {
        guard event.type == "feedback.fft" else {
            return .failure(
                .notApplicable(
                    "\(event.type) events are not sent to the Care Connect API (only SMS feedback with a comment is)"
                )
            )
        }
        guard event.payload["channel"]?.stringValue == "sms" else {
            return .failure(.notApplicable("only SMS feedback is sent to the Care Connect API, not kiosk answers"))
        }
        let why = event.payload["answers"]?["why"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let why, !why.isEmpty else {
            return .failure(
                .notApplicable(
                    "an FFT score without a comment is a survey answer (monthly FFT export), not a problem"
                )
            )
        }
        return .success(why)
    }

    /// The problem for SMS feedback `event` from `phone`, for organisation `ods` (`commissioned` 0 local, 1
    /// national).
    public static func make(
        from event: SyncEvent,
        phone: String?,
        organisation ods: String,
        commissioned: Int
    ) -> Result<CareConnectProblem, Refusal> {
        let comment: String
        switch Self.comment(of: event) {
        case .success(let text): comment = text
        case .failure(let refusal): return .failure(refusal)
        }
        guard let phone, !phone.isEmpty else {
            return .failure(.incomplete("the sender's number is no longer stored, and the API needs a phone number"))
        }
        let keyword = event.payload["category"]?.stringValue ?? ""
        let category = categories.contains(keyword) ? keyword : "other"
        return .success(
            CareConnectProblem(fields: [
                ("organisation", ods),
                ("commissioned", String(commissioned)),
                ("source", "sms"),
                ("reporter_name", reporterName),
                ("reporter_phone", phone),
                ("preferred_contact_method", "phone"),
                ("category", category),
                ("public", "0"),
                ("description", cut(comment, to: maxDescription)),
            ])
        )
    }

    /// `text` cut to at most `limit` UTF-16 units (what the server's Python 2 counts), never inside a character.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf16.count
            if used + size > limit { break }
            result.append(character)
            used += size
        }
        return result
    }

    /// The fields as an `application/x-www-form-urlencoded` body (UTF-8, spaces as `+`).
    public var formBody: Data {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._*")
        func encode(_ text: String) -> String {
            text.split(separator: " ", omittingEmptySubsequences: false).map {
                String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            }
            .joined(separator: "+")
        }
        return Data(fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&").utf8)
    }
}
