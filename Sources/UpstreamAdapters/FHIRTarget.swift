// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
public import SyncClient
public import SyncProtocol

/// A FHIR R4 server as an upstream target: FFT answers go as `QuestionnaireResponse`s in one `batch` Bundle per
/// batch, each a conditional create on the event's id (`ifNoneExist: identifier=urn:ietf:rfc:3986|urn:uuid:…`).
///
/// The `batch-response` gives one status per entry, in order: 201 `accepted`, 200 `duplicate` (an earlier copy
/// exists, nothing new was made), 412 (several copies already match) and other 4xx `rejected` with the
/// OperationOutcome's text, 5xx left in the outbox and tried again later. Resending is always safe, because the
/// server finds the earlier copy by identifier. Events that are not FFT answers are rejected as `not_applicable`.
public struct FHIRTarget: UpstreamTarget {
    public static let targetName = "fhir-r4"

    public var name: String { Self.targetName }
    let http: UpstreamHTTP
    let site: String?
    let ward: String?

    /// An adapter for the FHIR base URL `baseURL` (such as `https://fhir.example.nhs.uk/R4`); `site` (ODS site code)
    /// and `ward` name the responses' subject.
    public init(baseURL: String, site: String? = nil, ward: String? = nil, timeout: Duration = .seconds(60)) throws {
        self.http = try UpstreamHTTP(baseURL: baseURL, timeout: timeout)
        self.site = site
        self.ward = ward
    }

    /// Closes the HTTP connection pool.
    public func shutdown() async {
        await http.shutdown()
    }

    /// The Bundle for `batch`, the events in it, and the verdicts for the events that have no place in it.
    public static func bundle(
        for batch: EventBatch,
        site: String? = nil,
        ward: String? = nil
    ) -> (bundle: JSONValue, eventIDs: [String], notApplicable: [EventResult]) {
        var entries: [(eventID: String, resource: JSONValue)] = []
        var notApplicable: [EventResult] = []
        for event in batch.events {
            switch FHIRResponseMapping.response(for: event, deviceID: batch.deviceID, site: site, ward: ward) {
            case .success(let resource): entries.append((event.eventID, resource))
            case .failure(let reason):
                notApplicable.append(
                    EventResult(
                        eventID: event.eventID,
                        status: .rejected,
                        error: .init(code: "not_applicable", message: reason.reason, retryable: false)
                    )
                )
            }
        }
        return (FHIRResponseMapping.bundle(entries), entries.map(\.eventID), notApplicable)
    }

    public func upload(_ batch: EventBatch) async -> UploadOutcome {
        let (bundle, eventIDs, notApplicable) = Self.bundle(for: batch, site: site, ward: ward)
        guard !eventIDs.isEmpty else { return UploadOutcome(results: notApplicable) }
        let body: Data
        do {
            body = try SyncJSON.encoder().encode(bundle)
        } catch {
            return UploadOutcome(failure: .retry(reason: "cannot encode a Bundle: \(error)", retryAfter: nil))
        }
        let answer: UpstreamHTTP.Answer
        do {
            answer = try await http.send(
                "POST",
                "",
                headers: [("Content-Type", "application/fhir+json"), ("Accept", "application/fhir+json")],
                body: body
            )
        } catch {
            // Safe to resend either way: the conditional create finds anything the lost request made.
            return UploadOutcome(failure: .retry(reason: "\(error)", retryAfter: nil), bytesSent: body.count)
        }
        switch answer.status {
        case 200:
            guard let statuses = Self.entryStatuses(answer.body), statuses.count == eventIDs.count else {
                return UploadOutcome(
                    failure: .retry(reason: "the FHIR server's batch-response could not be read", retryAfter: nil),
                    bytesSent: body.count
                )
            }
            var results = notApplicable
            var retry = false
            for (eventID, entry) in zip(eventIDs, statuses) {
                let result = Self.result(eventID: eventID, entry: entry)
                if result.error?.retryable == true { retry = true }
                results.append(result)
            }
            return UploadOutcome(
                results: results,
                failure: retry ? .retry(reason: "the FHIR server failed some entries (5xx)", retryAfter: nil) : nil,
                bytesSent: body.count
            )
        case 401, 403:
            return UploadOutcome(
                failure: .unauthorized(reason: "the FHIR server refused the request (\(answer.status))"),
                bytesSent: body.count
            )
        case 413:
            return UploadOutcome(failure: .tooLarge(maxEvents: nil, maxBytes: nil), bytesSent: body.count)
        case 400, 422:
            return UploadOutcome(failure: .refused(status: answer.status), bytesSent: body.count)
        default:
            let retryAfter = answer.header("Retry-After").flatMap { RetryAfter.parse($0, now: Date()) }
            return UploadOutcome(
                failure: .retry(reason: "the FHIR server answered \(answer.status)", retryAfter: retryAfter),
                bytesSent: body.count
            )
        }
    }

    /// `GET /metadata` (the CapabilityStatement).
    public func probe() async throws -> Date? {
        let answer = try await http.send("GET", "/metadata", headers: [("Accept", "application/fhir+json")])
        guard answer.status == 200 else { throw UpstreamError(.ambiguous, "metadata answered \(answer.status)") }
        return nil
    }

    // MARK: - The batch-response

    /// One entry's `response`: its status line, location and OperationOutcome text.
    struct EntryStatus: Sendable, Hashable {
        var status: Int
        var location: String?
        var outcome: String?
    }

    /// The entries of a `batch-response` Bundle, in order, or nil when it is not one.
    static func entryStatuses(_ body: Data) -> [EntryStatus]? {
        guard let bundle = try? SyncJSON.decoder().decode(JSONValue.self, from: body),
            bundle["resourceType"]?.stringValue == "Bundle", bundle["type"]?.stringValue == "batch-response",
            case .array(let entries)? = bundle["entry"]
        else { return nil }
        var statuses: [EntryStatus] = []
        for entry in entries {
            guard let response = entry["response"], let line = response["status"]?.stringValue,
                let status = Int(line.prefix { $0.isNumber })
            else { return nil }
            var texts: [String] = []
            if case .array(let issues)? = response["outcome"]?["issue"] {
                for issue in issues {
                    if let text = issue["details"]?["text"]?.stringValue { texts.append(text) }
                    if let text = issue["diagnostics"]?.stringValue { texts.append(text) }
                }
            }
            statuses.append(
                EntryStatus(
                    status: status,
                    location: response["location"]?.stringValue,
                    outcome: texts.isEmpty ? nil : texts.joined(separator: "; ")
                )
            )
        }
        return statuses
    }

    static func result(eventID: String, entry: EntryStatus) -> EventResult {
        switch entry.status {
        case 201: return EventResult(eventID: eventID, status: .accepted, ref: entry.location)
        case 200: return EventResult(eventID: eventID, status: .duplicate, ref: entry.location)
        case 412:
            let message = "several QuestionnaireResponses already have this identifier; the server holds duplicates"
            return EventResult(
                eventID: eventID,
                status: .rejected,
                error: .init(code: "fhir_412", message: entry.outcome.map { "\(message): \($0)" } ?? message)
            )
        case 400..<500:
            return EventResult(
                eventID: eventID,
                status: .rejected,
                error: .init(code: "fhir_\(entry.status)", message: entry.outcome ?? "refused with \(entry.status)")
            )
        default:
            return EventResult(
                eventID: eventID,
                status: .rejected,
                error: .init(
                    code: "fhir_\(entry.status)",
                    message: entry.outcome ?? "the server failed (\(entry.status))",
                    retryable: true
                )
            )
        }
    }
}
