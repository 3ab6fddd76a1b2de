// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A FHIR R4 server on 127.0.0.1 that takes `batch` Bundles of conditional creates (hl7.org `http.html#ccreate`):
/// per entry, 201 when no resource has the `ifNoneExist` identifier, 200 when one has (nothing new), 412 when
/// several have; 400 with an OperationOutcome for a QuestionnaireResponse without `status`. `failWith` answers the
/// next whole requests with a status; `seed` stores copies directly, to make the 412 case.
final class FHIRDouble: Sendable {
    /// A stored resource: its id, identifier and JSON.
    private struct Stored: Sendable {
        var id: String
        var system: String?
        var value: String?
        var json: Data
    }

    private struct State {
        var resources: [Stored] = []
        var next = 1
        var failWith: [Int] = []
        var failEntries = 0
        var bundles = 0
    }

    private let state = Mutex(State())

    /// The stored QuestionnaireResponses' JSON, in the order they were stored.
    var stored: [Data] { state.withLock { $0.resources.map(\.json) } }
    var bundles: Int { state.withLock { $0.bundles } }

    /// Answers the next whole requests with these statuses.
    func failWith(_ statuses: [Int]) { state.withLock { $0.failWith = statuses } }
    /// Answers the next `count` entries with 500 (and stores nothing for them).
    func failEntries(_ count: Int) { state.withLock { $0.failEntries = count } }
    /// Stores a copy of a response with this identifier value, as another writer would have.
    func seed(identifier value: String) {
        state.withLock { state in
            let id = "seed\(state.next)"
            let json = #"{"resourceType":"QuestionnaireResponse","id":"\#(id)","status":"completed"}"#
            state.resources.append(Stored(id: id, system: "urn:ietf:rfc:3986", value: value, json: Data(json.utf8)))
            state.next += 1
        }
    }

    func run<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("/fhir") { request, _ in try await self.batch(request) }
        router.get("/fhir/metadata") { _, _ in
            Self.fhir(.ok, ["resourceType": "CapabilityStatement", "status": "active", "fhirVersion": "4.0.1"])
        }
        return try await runServer(router: router) { base in try await body(base + "/fhir") }
    }

    private func batch(_ request: Request) async throws -> Response {
        if let status = state.withLock({ $0.failWith.isEmpty ? nil : $0.failWith.removeFirst() }) {
            return Self.fhir(.init(code: status), Self.outcome("error", "exception", "injected \(status)"))
        }
        var request = request
        let buffer = try await request.collectBody(upTo: 8 << 20)
        guard let bundle = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any],
            bundle["resourceType"] as? String == "Bundle", bundle["type"] as? String == "batch",
            let entries = bundle["entry"] as? [[String: Any]]
        else {
            return Self.fhir(.badRequest, Self.outcome("error", "structure", "the body is not a batch Bundle"))
        }
        state.withLock { $0.bundles += 1 }
        let responses = entries.map { entry in ["response": self.entry(entry)] }
        return Self.fhir(.ok, ["resourceType": "Bundle", "type": "batch-response", "entry": responses])
    }

    private func entry(_ entry: [String: Any]) -> [String: Any] {
        guard let resource = entry["resource"] as? [String: Any],
            resource["resourceType"] as? String == "QuestionnaireResponse",
            let request = entry["request"] as? [String: Any], request["method"] as? String == "POST",
            request["url"] as? String == "QuestionnaireResponse"
        else {
            return [
                "status": "400 Bad Request",
                "outcome": Self.outcome("error", "not-supported", "only POST QuestionnaireResponse"),
            ]
        }
        guard resource["status"] is String else {
            return [
                "status": "400 Bad Request",
                "outcome": Self.outcome(
                    "error",
                    "required",
                    "QuestionnaireResponse.status: minimum required = 1, but only found 0"
                ),
            ]
        }
        let condition = (request["ifNoneExist"] as? String) ?? ""
        let wanted = condition.hasPrefix("identifier=") ? String(condition.dropFirst("identifier=".count)) : nil
        let parts = wanted?.split(separator: "|", maxSplits: 1).map(String.init) ?? []
        let identifier = resource["identifier"] as? [String: Any]
        let system = identifier?["system"] as? String
        let value = identifier?["value"] as? String
        let (status, id, matches) = state.withLock { state -> (Int, String?, Int) in
            if state.failEntries > 0 {
                state.failEntries -= 1
                return (500, nil, 0)
            }
            let found = state.resources.filter { stored in
                guard !parts.isEmpty else { return false }
                return parts.count == 2
                    ? (stored.system == parts[0] && stored.value == parts[1]) : stored.value == parts[0]
            }
            switch found.count {
            case 0:
                let id = "qr\(state.next)"
                state.next += 1
                return (201, id, 0)
            case 1: return (200, found[0].id, 1)
            default: return (412, nil, found.count)
            }
        }
        switch status {
        case 500:
            return ["status": "500 Internal Server Error", "outcome": Self.outcome("error", "exception", "injected")]
        case 201:
            var created = resource
            created["id"] = id
            let json = (try? JSONSerialization.data(withJSONObject: created, options: [.sortedKeys])) ?? Data()
            let stored = Stored(id: id ?? "", system: system, value: value, json: json)
            state.withLock { $0.resources.append(stored) }
            return ["status": "201 Created", "location": "QuestionnaireResponse/\(id ?? "")/_history/1"]
        case 200:
            return ["status": "200 OK", "location": "QuestionnaireResponse/\(id ?? "")/_history/1"]
        default:
            return [
                "status": "412 Precondition Failed",
                "outcome": Self.outcome("error", "duplicate", "Multiple resources match this search (\(matches))"),
            ]
        }
    }

    static func outcome(_ severity: String, _ code: String, _ text: String) -> [String: Any] {
        ["resourceType": "OperationOutcome", "issue": [["severity": severity, "code": code, "diagnostics": text]]]
    }

    static func fhir(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Response(
            status: status,
            headers: [.contentType: "application/fhir+json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
