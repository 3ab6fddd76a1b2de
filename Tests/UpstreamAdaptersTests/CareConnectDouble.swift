// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A Care Connect API v0.1 on 127.0.0.1 that replays the reference's rules (`api/forms.py`, `api/views.py`,
/// `api/middleware.py`) with its exact messages: 201 with a `P<n>` reference, 400 with the errors dict, 401 plain
/// text with the Basic realm, 405 for anything but POST. `failAfterCommit` stores the next problems and then drops
/// the connection before the answer is complete; `failWith` answers the next requests with a status.
final class CareConnectDouble: Sendable {
    struct Problem: Sendable, Hashable {
        var reference: String
        var fields: [String: String]
    }

    private struct State {
        var problems: [Problem] = []
        var next = 1
        var failAfterCommit = 0
        var failWith: [Int] = []
        var requests = 0
        var holdFrom = Int.max
        var released = false
    }

    static let username = "ward-device"
    static let password = "s3cret pass"
    static let activeOrganisations: Set<String> = ["RXX01", "RYY02"]
    static let categories = [
        "staff", "access", "delays", "treatment", "communication", "cleanliness", "equipment", "medicines",
        "dignity", "parking", "lostproperty", "food", "other",
    ]
    static let highPriorityCategories: Set<String> = [
        "cleanliness", "communication", "delays", "dignity", "food", "staff", "medicines", "treatment",
    ]

    private let state = Mutex(State())

    var problems: [Problem] { state.withLock { $0.problems } }
    var requests: Int { state.withLock { $0.requests } }

    /// Stores the next `count` problems, then drops each connection without an answer.
    func failAfterCommit(_ count: Int) { state.withLock { $0.failAfterCommit = count } }
    /// Stores problem number `number` and every later one, then keeps the request open without an answer until
    /// ``release()``: a client stuck mid-request, for kill -9 tests.
    func hold(from number: Int) { state.withLock { $0.holdFrom = number } }
    /// Lets held requests answer.
    func release() { state.withLock { $0.released = true } }
    /// Answers the next requests with these statuses, one each.
    func failWith(_ statuses: [Int]) { state.withLock { $0.failWith = statuses } }

    /// Runs `body` with the double listening on 127.0.0.1 (a free port): its base URL.
    func run<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("/api/v0.1/problem") { request, _ in try await self.post(request) }
        router.get("/api/v0.1/problem") { request, _ in
            if let refusal = self.authenticate(request) { return refusal }
            return Response(status: .methodNotAllowed, headers: [.allow: "POST"])
        }
        return try await runServer(router: router, body)
    }

    // MARK: - The API's rules

    private func authenticate(_ request: Request) -> Response? {
        let expected = Data("\(Self.username):\(Self.password)".utf8).base64EncodedString()
        if request.headers[.authorization] == "Basic \(expected)" { return nil }
        return Response(
            status: .unauthorized,
            headers: [.contentType: "text/plain", .wwwAuthenticate: #"Basic realm="NHSD API""#],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "Error: Authentication required"))
        )
    }

    private func post(_ request: Request) async throws -> Response {
        state.withLock { $0.requests += 1 }
        if let refusal = authenticate(request) { return refusal }
        if let status = state.withLock({ $0.failWith.isEmpty ? nil : $0.failWith.removeFirst() }) {
            return Response(status: .init(code: status), headers: [.contentType: "text/html"])
        }
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        let form = Self.parseForm(String(decoding: buffer.readableBytesView, as: UTF8.self))
        let errors = Self.validate(form)
        guard errors.isEmpty else {
            return json(.badRequest, ["errors": errors])
        }
        let (reference, drop, hold) = state.withLock { state -> (String, Bool, Bool) in
            let reference = "P\(state.next)"
            let hold = state.next >= state.holdFrom
            state.next += 1
            state.problems.append(Problem(reference: reference, fields: form))
            let drop = state.failAfterCommit > 0
            if drop { state.failAfterCommit -= 1 }
            return (reference, drop, hold)
        }
        while hold, !state.withLock({ $0.released }) {
            try await Task.sleep(for: .milliseconds(20))
        }
        let answer = #"{"reference_number": "\#(reference)"}"#
        if drop {
            // Committed; now the connection goes before the answer is complete.
            return Response(
                status: .created,
                headers: [.contentType: "application/json"],
                body: ResponseBody(contentLength: answer.utf8.count) { _ in
                    throw CancellationError()
                }
            )
        }
        return Response(
            status: .created,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: answer))
        )
    }

    static func validate(_ form: [String: String]) -> [String: [String]] {
        var errors: [String: [String]] = [:]
        let required = ["organisation", "commissioned", "description", "category", "reporter_name", "source"]
        for field in required where (form[field] ?? "").isEmpty {
            errors[field, default: []].append("This field is required.")
        }
        if let ods = form["organisation"], !ods.isEmpty, !activeOrganisations.contains(ods) {
            errors["organisation", default: []].append("Sorry, that organisation is not recognised.")
        }
        if let commissioned = form["commissioned"], !commissioned.isEmpty, !["0", "1"].contains(commissioned) {
            errors["commissioned", default: []].append(
                "Select a valid choice. \(commissioned) is not one of the available choices."
            )
        }
        if let description = form["description"], description.utf16.count > 2000 {
            errors["description", default: []].append(
                "Ensure this value has at most 2000 characters (it has \(description.utf16.count))."
            )
        }
        let category = form["category"] ?? ""
        if !category.isEmpty, !categories.contains(category) {
            errors["category", default: []].append(
                "Select a valid choice. \(category) is not one of the available choices."
            )
        }
        if let priority = form["priority"], !priority.isEmpty {
            if !["50", "20"].contains(priority) {
                errors["priority", default: []].append(
                    "Select a valid choice. \(priority) is not one of the available choices."
                )
            } else if priority == "20", !highPriorityCategories.contains(category) {
                errors["priority", default: []].append(
                    "The problem is not in a category which permits setting of a high priority."
                )
            }
        }
        if let name = form["reporter_name"], name.count > 200 {
            errors["reporter_name", default: []].append(
                "Ensure this value has at most 200 characters (it has \(name.count))."
            )
        }
        if (form["reporter_email"] ?? "").isEmpty, (form["reporter_phone"] ?? "").isEmpty {
            errors["__all__", default: []].append("You must provide either a phone number or an email address")
        }
        if let source = form["source"], !source.isEmpty,
            !["email", "phone", "sms", "twitter", "facebook", "mms"].contains(source)
        {
            errors["source", default: []].append("Value u'\(source)' is not a valid choice.")
        }
        if form["public"] == "1", form["requires_second_tier_moderation"] != "1",
            (form["moderated_description"] ?? "").isEmpty
        {
            errors["moderated_description", default: []].append(
                "You must moderate a version of the problem details when publishing public problems."
            )
        }
        return errors
    }

    static func parseForm(_ body: String) -> [String: String] {
        var form: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            form[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return form
    }

    private func json(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
        let body = (try? JSONEncoder().encode(value)) ?? Data()
        return Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}

/// Runs `router` on 127.0.0.1 (a free port) for the length of `body`, which gets the base URL.
func runServer<T: Sendable>(
    router: Router<BasicRequestContext>,
    _ body: @Sendable (String) async throws -> T
) async throws -> T {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "test.upstream-double")
    logger.logLevel = .critical
    let application = Application(
        router: router,
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
        logger: logger
    )
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await application.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        do {
            let result = try await body("http://127.0.0.1:\(port)")
            group.cancelAll()
            return result
        } catch {
            group.cancelAll()
            throw error
        }
    }
}
