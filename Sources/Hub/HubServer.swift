// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
import NIOCore
import SyncProtocol

/// The hub's HTTP interface: the sync protocol under `/v1` and the staff pages under `/wards`.
public struct HubServer: Sendable {
    /// The database: SQLite (``HubStore``) or PostgreSQL (``PostgresHubStore``).
    public let storage: any HubStorage
    /// The limits.
    public let configuration: HubConfiguration
    /// Faults to inject, for tests.
    public let faults: HubFaults
    /// Where requests are logged. Tokens and bodies are never logged.
    public let logger: Logger

    static let idempotencyKeyField = HTTPField.Name(IdempotencyKey.headerName)!

    public init(
        storage: any HubStorage,
        configuration: HubConfiguration = HubConfiguration(),
        faults: HubFaults = HubFaults(),
        logger: Logger
    ) {
        self.storage = storage
        self.configuration = configuration
        self.faults = faults
        self.logger = logger
    }

    /// A hub on the embedded SQLite storage.
    public init(
        store: HubStore,
        configuration: HubConfiguration = HubConfiguration(),
        faults: HubFaults = HubFaults(),
        logger: Logger
    ) {
        self.init(storage: store, configuration: configuration, faults: faults, logger: logger)
    }

    /// The router with every route the hub serves.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("/v1/health") { _, _ in health() }
        router.post("/v1/enroll") { request, _ in await answer { try await enroll(request) } }
        router.post("/v1/events") { request, _ in await answer { try await events(request) } }
        router.get("/v1/commands") { request, _ in await answer { try await commands(request) } }
        router.get("/v1/config") { request, _ in await answer { try await configuration(request) } }
        router.get("/wards/:ward") { request, context in
            await answer { try await wardPage(ward: try context.parameters.require("ward"), request: request) }
        }
        router.post("/wards/:ward/replies") { request, context in
            await answer { try await reply(ward: try context.parameters.require("ward"), request: request) }
        }
        return router
    }

    /// An application listening on `host:port` (port 0 picks a free one, reported to `onRunning`).
    public func application(
        host: String,
        port: Int,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "careconnect-hub"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    // MARK: - Routes

    private func health() -> Response {
        json(HealthResponse(serverTime: Date()))
    }

    private func enroll(_ request: Request) async throws -> Response {
        var request = request
        let body = try await requestBody(&request, limit: 64 * 1024)
        let enrolment: EnrollRequest
        do {
            enrolment = try SyncJSON.decoder().decode(EnrollRequest.self, from: body)
        } catch {
            throw HubError(.badRequest, "The body is not an enrolment request.")
        }
        let response = try await storage.enroll(enrolment, now: Date())
        logger.notice("enrolled a device", metadata: ["device": "\(response.deviceID)", "ward": "\(response.ward)"])
        return json(response)
    }

    private func events(_ request: Request) async throws -> Response {
        var request = request
        let device = try await authenticate(request)
        var key: String?
        if let value = request.headers[Self.idempotencyKeyField] {
            guard let parsed = IdempotencyKey.parse(value) else {
                throw HubError(.badRequest, "Idempotency-Key must be a quoted string.")
            }
            key = parsed
        }
        let fault = await faults.next()
        if case .status(let status, let retryAfter) = fault {
            var response = problem(HubError(status >= 500 ? .serviceUnavailable : .badRequest, "Injected fault."))
            response.status = HTTPResponse.Status(code: status)
            if let retryAfter { response.headers[.retryAfter] = retryAfter }
            return response
        }
        let body = try await requestBody(&request, limit: configuration.maxBytes)
        let batch: EventBatch
        do {
            batch = try SyncJSON.decoder().decode(EventBatch.self, from: body)
        } catch {
            throw HubError(.badRequest, "The body is not an event batch: \(error)")
        }
        guard batch.deviceID == device.deviceID else {
            throw HubError(.badRequest, "device_id does not match the credentials.")
        }
        guard batch.events.count <= configuration.maxEvents else {
            throw tooLarge("The batch holds \(batch.events.count) events.")
        }
        let answer = try await storage.ingest(
            batch,
            device: device,
            idempotencyKey: key,
            fingerprint: SHA256.hexDigest(body),
            now: Date()
        )
        if fault == .dropAfterCommit {
            return Response(
                status: .ok,
                headers: [.contentType: "application/json", .contentLength: "\(answer.count)"],
                body: ResponseBody(contentLength: answer.count) { _ in throw HubError(.internalError, "Injected drop.")
                }
            )
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer))
        )
    }

    private func commands(_ request: Request) async throws -> Response {
        let device = try await authenticate(request)
        let query = request.uri.queryParameters
        let after = query["after"].map(String.init)
        let limit = query["limit"].flatMap { Int($0) } ?? 50
        let wait = min(max(query["wait"].flatMap { Int($0) } ?? 0, 0), configuration.maxWaitSeconds)
        let deadline = ContinuousClock.now + .seconds(wait)
        while true {
            let generation = storage.commandGeneration(deviceID: device.deviceID)
            let response = try await storage.commands(for: device, after: after, limit: limit, now: Date())
            let remaining = deadline - ContinuousClock.now
            if !response.commands.isEmpty || remaining <= .zero {
                return json(response)
            }
            try Task.checkCancellation()
            await storage.waitForCommands(deviceID: device.deviceID, after: generation, timeout: remaining)
        }
    }

    /// The device's ward's managed settings with their `ETag`; 304 without a body when `If-None-Match` names them.
    private func configuration(_ request: Request) async throws -> Response {
        let device = try await authenticate(request)
        let document = try await storage.wardConfiguration(device.ward)
        var headers: HTTPFields = [.eTag: document.etag, .cacheControl: "no-cache"]
        let conditions = request.headers[values: .ifNoneMatch]
        if !conditions.isEmpty, EntityTag.noneMatch(conditions.joined(separator: ", "), current: document.etag) {
            return Response(status: .notModified, headers: headers)
        }
        let body = try SyncJSON.encoder().encode(document)
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func wardPage(ward: String, request: Request) async throws -> Response {
        let ward = ward.removingPercentEncoding ?? ward
        let notice = request.uri.queryParameters["sent"].map { _ in "Your reply is on its way to the ward's phone." }
        let html = WardPage.render(try await storage.wardSummary(ward), notice: notice, now: Date())
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html))
        )
    }

    private func reply(ward: String, request: Request) async throws -> Response {
        var request = request
        let ward = ward.removingPercentEncoding ?? ward
        let body = try await requestBody(&request, limit: 16 * 1024)
        let form = FormBody(String(decoding: body, as: UTF8.self))
        guard let to = form.fields["to"], !to.isEmpty,
            let text = form.fields["text"]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
        else { throw HubError(.badRequest, "A reply needs a recipient and some text.") }
        let payload = SMSSendPayload(to: to, text: text, inReplyTo: form.fields["in_reply_to"])
        guard
            let commandID = try await storage.createSMSCommand(
                ward: ward,
                payload: payload,
                lifetime: HubStorageDefaults.commandLifetime,
                now: Date()
            )
        else {
            throw HubError(.notFound, "\(ward) has no SMS gateway enrolled.")
        }
        logger.notice("staff reply queued", metadata: ["ward": "\(ward)", "command": "\(commandID)"])
        return Response(status: .seeOther, headers: [.location: "/wards/\(WardPage.pathComponent(ward))?sent=1"])
    }

    // MARK: - Helpers

    private func authenticate(_ request: Request) async throws -> HubDevice {
        guard let value = request.headers[.authorization], value.hasPrefix("Bearer "),
            let device = try await storage.device(token: String(value.dropFirst("Bearer ".count)))
        else { throw HubError(.unauthorized, "A valid bearer token is needed.") }
        return device
    }

    /// The request body, expanded when it came gzip-compressed; 413 when it is larger than `limit` either way.
    private func requestBody(_ request: inout Request, limit: Int) async throws -> Data {
        let encoding = request.headers[.contentEncoding]?.lowercased()
        let compressedLimit = encoding == "gzip" ? limit + 64 * 1024 : limit
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: compressedLimit)
        } catch {
            throw tooLarge("The body is larger than \(limit) bytes.")
        }
        let data = Data(buffer.readableBytesView)
        switch encoding {
        case nil, "identity": return data
        case "gzip":
            do {
                return try Gzip.decompress(data, limit: limit)
            } catch let failure as Gzip.Failure where failure.code == .tooLarge {
                throw tooLarge("The expanded body is larger than \(limit) bytes.")
            } catch {
                throw HubError(.badRequest, "The gzip body is corrupt.")
            }
        default:
            throw HubError(.badRequest, "Content-Encoding \(encoding ?? "") is not supported.")
        }
    }

    private func tooLarge(_ detail: String) -> HubError {
        HubError(.payloadTooLarge, detail, maxEvents: configuration.maxEvents, maxBytes: configuration.maxBytes)
    }

    private func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as HubError {
            return problem(error)
        } catch {
            logger.error("request failed", metadata: ["error": "\(error)"])
            return problem(HubError(.internalError, "The hub could not answer."))
        }
    }

    private func problem(_ error: HubError) -> Response {
        let body = (try? SyncJSON.encoder().encode(error.problem)) ?? Data()
        var headers: HTTPFields = [.contentType: Problem.mediaType]
        if error.code == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(
            status: HTTPResponse.Status(code: error.code.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }

    private func json(_ value: some Encodable) -> Response {
        let body = (try? SyncJSON.encoder().encode(value)) ?? Data()
        return Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
