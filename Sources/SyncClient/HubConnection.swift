// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
public import SyncProtocol

/// The device's HTTP(S) connection to the hub: one method per call of the protocol, answers as values.
///
/// The bearer token goes only in the `Authorization` header. HTTPS trusts the system's roots, or only the CA
/// certificates in `caFile` when one is given; with a client certificate and key the device also authenticates
/// in the TLS handshake (mTLS), as a hub or a TLS-terminating proxy in front of it may require.
public final class HubConnection: Sendable {
    /// A raw answer: status, `Retry-After`, body.
    public struct Answer: Sendable {
        public var status: Int
        public var retryAfter: String?
        public var body: Data
    }

    /// The hub's base URL, such as `https://hub.example.nhs.uk`.
    public let baseURL: String
    private let client: HTTPClient
    private let timeout: TimeAmount
    private let ownsClient: Bool

    /// A connection to `baseURL`, trusting `caFile`'s certificates (PEM) when given, and proving the device's
    /// identity in the TLS handshake with `clientCertificate` (a PEM chain) and `clientKey` (a PEM key) when given.
    ///
    /// `connectTimeout` bounds connecting and the TLS handshake, which are retried until it passes.
    ///
    /// - Throws: ``SyncError`` with code `configuration` naming the file that is missing, unreadable or not PEM.
    public init(
        baseURL: String,
        caFile: String? = nil,
        clientCertificate: String? = nil,
        clientKey: String? = nil,
        timeout: Duration = .seconds(60),
        connectTimeout: Duration = .seconds(10)
    ) throws {
        guard let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host != nil
        else { throw SyncError(.configuration, "the hub URL \(baseURL) is not an http or https URL") }
        guard url.user == nil, url.password == nil, url.query == nil else {
            throw SyncError(.configuration, "the hub URL must not hold a user name, password or query")
        }
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        if caFile != nil || clientCertificate != nil || clientKey != nil || connectTimeout != .seconds(10) {
            let tls = try Self.tlsConfiguration(
                caFile: caFile,
                clientCertificate: clientCertificate,
                clientKey: clientKey
            )
            var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
            configuration.redirectConfiguration = .disallow
            // A refused connection or handshake is retried until this passes.
            configuration.timeout = .init(connect: .milliseconds(Int64(connectTimeout / .milliseconds(1))))
            self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            self.ownsClient = true
        } else {
            // The process-wide client trusts the system's roots and needs no shutdown.
            self.client = HTTPClient.shared
            self.ownsClient = false
        }
        self.timeout = .seconds(Int64(timeout.components.seconds))
    }

    /// Closes the connection pool of a connection with its own CA file; call once, at the end.
    public func shutdown() async {
        if ownsClient { try? await client.shutdown() }
    }

    /// Sends one request and reads the whole answer (up to 8 MiB).
    ///
    /// - Throws: ``SyncError`` with code `transport` when no complete answer came back.
    public func send(
        _ method: String,
        _ path: String,
        token: String? = nil,
        headers extra: [(String, String)] = [],
        body: Data? = nil,
        timeout: Duration? = nil
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "careconnect-sync/0.1")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let deadline = timeout.map { TimeAmount.seconds(Int64($0.components.seconds)) } ?? self.timeout
        do {
            let response = try await client.execute(request, timeout: deadline)
            let buffer = try await response.body.collect(upTo: 8 * 1024 * 1024)
            return Answer(
                status: Int(response.status.code),
                retryAfter: response.headers.first(name: "Retry-After"),
                body: Data(buffer.readableBytesView)
            )
        } catch {
            throw SyncError(.transport, "\(method) \(path): \(Self.explain(error))")
        }
    }

    /// `GET /v1/health`.
    public func health() async throws -> HealthResponse {
        let answer = try await send("GET", "/v1/health", timeout: .seconds(10))
        guard answer.status == 200 else { throw SyncError(.status(answer.status), "health answered \(answer.status)") }
        return try decode(HealthResponse.self, answer.body)
    }

    /// `POST /v1/enroll`: exchanges an enrolment code for credentials.
    public func enroll(_ enrolment: EnrollRequest) async throws -> EnrollResponse {
        let body = try SyncJSON.encoder().encode(enrolment)
        let answer = try await send(
            "POST",
            "/v1/enroll",
            headers: [
                ("Content-Type", "application/json"),
                (IdempotencyKey.headerName, IdempotencyKey.headerValue(UUID().uuidString.lowercased())),
            ],
            body: body
        )
        guard answer.status == 200 else {
            let detail = (try? SyncJSON.decoder().decode(Problem.self, from: answer.body))?.detail ?? ""
            throw SyncError(.status(answer.status), "enrolment refused (\(answer.status)) \(detail)")
        }
        return try decode(EnrollResponse.self, answer.body)
    }

    /// Decodes a JSON answer.
    public func decode<T: Decodable>(_ type: T.Type, _ body: Data) throws -> T {
        do {
            return try SyncJSON.decoder().decode(type, from: body)
        } catch {
            throw SyncError(.malformedResponse, "the hub's answer is not a \(T.self)")
        }
    }
}
