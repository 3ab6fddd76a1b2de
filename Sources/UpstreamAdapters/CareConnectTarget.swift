// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
public import MessageStore
public import SyncClient
public import SyncProtocol

/// The Care Connect API v0.1 as an upstream target: each SMS comment becomes one problem
/// (`POST /api/v0.1/problem`, form-encoded, HTTP Basic), remembered in the device's upstream ledger.
///
/// The API has no idempotency key, so every POST that reached it may have made a problem. The ledger row is
/// committed as `posting` before the request and becomes `done` with the reference number after the 201; an event
/// already `done` is answered from the ledger (`duplicate`, same reference) without a request. A request that may
/// have arrived without an answer (a timeout or a dropped connection after it was written, or a process stopped
/// mid-request) makes the event `unknown`: it goes to the dead letters with a note, and is never posted again
/// until staff resolve it (`careconnect sync ledger`).
///
/// Answers: 201 done; 400 a permanent refusal (dead letter with the server's errors); 401 stops with an auth
/// error; 5xx, 429 and a connection never made are tried again later. Events other than SMS comments are
/// rejected as `not_applicable`, so they are visible in the dead letters rather than silently dropped.
public struct CareConnectTarget: UpstreamTarget {
    /// What the adapter needs from the device's configuration.
    public struct Settings: Sendable, Hashable {
        /// The API's base URL, such as `https://careconnect.example.nhs.uk` (the path `/api/v0.1/problem` is added).
        public var baseURL: String
        public var username: String
        public var password: String
        /// The ODS code of the organisation the problems are about.
        public var organisation: String
        /// `0` locally commissioned, `1` nationally.
        public var commissioned: Int

        public init(baseURL: String, username: String, password: String, organisation: String, commissioned: Int) {
            self.baseURL = baseURL
            self.username = username
            self.password = password
            self.organisation = organisation
            self.commissioned = commissioned
        }
    }

    public static let targetName = "careconnect-v0.1"
    public static let problemPath = "/api/v0.1/problem"

    public var name: String { Self.targetName }
    let store: MessageStore
    let settings: Settings
    let http: UpstreamHTTP

    /// An adapter over `store`'s ledger. Run once per process, before any upload: rows left `posting` by an
    /// earlier process become `unknown`.
    public init(store: MessageStore, settings: Settings, timeout: Duration = .seconds(30)) throws {
        guard !settings.organisation.isEmpty else {
            throw UpstreamError(.configuration, "the Care Connect organisation (an ODS code) is not set")
        }
        guard settings.commissioned == 0 || settings.commissioned == 1 else {
            throw UpstreamError(
                .configuration,
                "commissioned must be 0 (local) or 1 (national), got \(settings.commissioned)"
            )
        }
        try store.markInterruptedUpstreamPostsUnknown(target: Self.targetName, now: Date())
        self.store = store
        self.settings = settings
        self.http = try UpstreamHTTP(baseURL: settings.baseURL, timeout: timeout)
    }

    /// Closes the HTTP connection pool.
    public func shutdown() async {
        await http.shutdown()
    }

    public func upload(_ batch: EventBatch) async -> UploadOutcome {
        var results: [EventResult] = []
        var bytes = 0
        for event in batch.events {
            let step = await post(event)
            bytes += step.bytes
            if let result = step.result { results.append(result) }
            if let failure = step.failure {
                return UploadOutcome(results: results, failure: failure, bytesSent: bytes)
            }
        }
        return UploadOutcome(results: results, bytesSent: bytes)
    }

    /// `GET` on the problem endpoint: the API answers 405 (or 401) when it is up.
    public func probe() async throws -> Date? {
        let answer = try await http.send("GET", Self.problemPath)
        guard answer.status < 500 else { throw UpstreamError(.ambiguous, "Care Connect answered \(answer.status)") }
        return nil
    }

    // MARK: - One event

    private struct Step {
        var result: EventResult?
        var failure: UploadOutcome.Failure?
        var bytes = 0
    }

    private func post(_ event: SyncEvent) async -> Step {
        let now = Date()
        let entry: MessageStore.UpstreamLedgerEntry?
        do {
            entry = try store.upstreamLedgerEntry(eventID: event.eventID)
        } catch {
            return Step(failure: .retry(reason: "cannot read the upstream ledger: \(error)", retryAfter: nil))
        }
        switch entry?.state {
        case .done?:
            return Step(result: EventResult(eventID: event.eventID, status: .duplicate, ref: entry?.reference))
        case .unknown?, .posting?:
            if entry?.state == .posting {
                try? store.markUpstreamPostUnknown(
                    eventID: event.eventID,
                    detail: "found posting with no answer stored",
                    now: now
                )
            }
            return Step(result: unknownResult(event.eventID, detail: entry?.detail))
        case .rejected?:
            return Step(result: rejected(event.eventID, "careconnect_400", entry?.detail ?? "refused earlier"))
        case .repost?, nil:
            break
        }

        let problem: CareConnectProblem
        let phone: String?
        if let feedbackID = event.payload["feedback_id"]?.stringValue {
            phone = try? store.smsFeedbackSender(feedbackID: feedbackID)
        } else {
            phone = nil
        }
        switch CareConnectProblem.make(
            from: event,
            phone: phone,
            organisation: settings.organisation,
            commissioned: settings.commissioned
        ) {
        case .success(let made): problem = made
        case .failure(.notApplicable(let reason)):
            return Step(result: rejected(event.eventID, "not_applicable", reason))
        case .failure(.incomplete(let reason)): return Step(result: rejected(event.eventID, "incomplete", reason))
        }

        do {
            try store.beginUpstreamPost(eventID: event.eventID, target: Self.targetName, now: now)
        } catch {
            return Step(failure: .retry(reason: "cannot write the upstream ledger: \(error)", retryAfter: nil))
        }
        let body = problem.formBody
        let credentials = Data("\(settings.username):\(settings.password)".utf8).base64EncodedString()
        let answer: UpstreamHTTP.Answer
        do {
            answer = try await http.send(
                "POST",
                Self.problemPath,
                headers: [
                    ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                    ("Accept", "application/json"),
                    ("Authorization", "Basic \(credentials)"),
                ],
                body: body
            )
        } catch let error as UpstreamError where error.code == .notSent {
            try? store.abandonUpstreamPost(eventID: event.eventID)
            return Step(failure: .retry(reason: "Care Connect cannot be reached: \(error)", retryAfter: nil))
        } catch {
            let detail = "the request may have reached Care Connect but no answer came back (\(error))"
            try? store.markUpstreamPostUnknown(eventID: event.eventID, detail: detail, now: Date())
            return Step(
                result: unknownResult(event.eventID, detail: detail),
                failure: .retry(reason: "no answer from Care Connect", retryAfter: nil),
                bytes: body.count
            )
        }
        return apply(answer, to: event.eventID, bytes: body.count)
    }

    private func apply(_ answer: UpstreamHTTP.Answer, to eventID: String, bytes: Int) -> Step {
        switch answer.status {
        case 201:
            struct Created: Decodable {
                var referenceNumber: String

                enum CodingKeys: String, CodingKey {
                    case referenceNumber = "reference_number"
                }
            }
            guard let created = try? JSONDecoder().decode(Created.self, from: answer.body) else {
                let detail = "Care Connect answered 201 without a readable reference number"
                try? store.markUpstreamPostUnknown(eventID: eventID, detail: detail, now: Date())
                return Step(result: unknownResult(eventID, detail: detail), bytes: bytes)
            }
            do {
                try store.finishUpstreamPost(eventID: eventID, reference: created.referenceNumber, now: Date())
            } catch {
                // The problem exists; the next process will find the row `posting` and mark it unknown.
                return Step(failure: .retry(reason: "cannot write the upstream ledger: \(error)", retryAfter: nil))
            }
            return Step(
                result: EventResult(eventID: eventID, status: .accepted, ref: created.referenceNumber),
                bytes: bytes
            )
        case 400:
            let detail = Self.describeErrors(answer.body)
            try? store.rejectUpstreamPost(eventID: eventID, detail: detail, now: Date())
            return Step(result: rejected(eventID, "careconnect_400", detail), bytes: bytes)
        case 401, 403:
            try? store.abandonUpstreamPost(eventID: eventID)
            let text = String(decoding: answer.body.prefix(200), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let realm = answer.header("WWW-Authenticate").map { " (\($0))" } ?? ""
            return Step(
                failure: .unauthorized(
                    reason: "Care Connect refused the username and password (\(answer.status) \(text))\(realm): "
                        + "check careconnect_username and careconnect_password_file"
                ),
                bytes: bytes
            )
        default:
            try? store.abandonUpstreamPost(eventID: eventID)
            let retryAfter = answer.header("Retry-After").flatMap { RetryAfter.parse($0, now: Date()) }
            return Step(
                failure: .retry(reason: "Care Connect answered \(answer.status)", retryAfter: retryAfter),
                bytes: bytes
            )
        }
    }

    private func rejected(_ eventID: String, _ code: String, _ message: String) -> EventResult {
        EventResult(
            eventID: eventID,
            status: .rejected,
            error: EventResult.Failure(code: code, message: message, retryable: false)
        )
    }

    private func unknownResult(_ eventID: String, detail: String?) -> EventResult {
        rejected(
            eventID,
            "outcome_unknown",
            "\(detail ?? "no answer came back"); check Care Connect for this problem, then run "
                + "`careconnect sync ledger --resolve \(eventID) --reference P…` if it is there, or "
                + "`careconnect sync ledger --repost \(eventID)` if it is not"
        )
    }

    /// The 400 answer's `{"errors":{field:[messages]}}` as one line, `field: message; …` (or the raw body).
    static func describeErrors(_ body: Data) -> String {
        struct Errors: Decodable {
            var errors: [String: [String]]
        }
        guard let decoded = try? JSONDecoder().decode(Errors.self, from: body) else {
            return "Care Connect refused the problem (400): " + String(decoding: body.prefix(500), as: UTF8.self)
        }
        return decoded.errors.keys.sorted().map { "\($0): \(decoded.errors[$0, default: []].joined(separator: " "))" }
            .joined(separator: "; ")
    }
}
