// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP client for the upstream adapters, which tells a request that certainly never left the device from
/// one that may have reached the server.
///
/// That difference matters for targets without idempotency: a request refused at connect time can be sent again,
/// while a timeout or a dropped connection after the request was written leaves the outcome unknown.
public final class UpstreamHTTP: Sendable {
    /// A complete answer.
    public struct Answer: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: Data

        /// The first header called `name` (case-insensitive).
        public func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    /// The base URL, without a trailing slash.
    public let baseURL: String
    private let client: HTTPClient
    private let timeout: TimeAmount

    /// A client for `baseURL` (http or https, system trust roots).
    public init(baseURL: String, timeout: Duration = .seconds(30)) throws {
        guard let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw UpstreamError(.configuration, "the upstream URL '\(baseURL)' is not an http or https URL")
        }
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(5))
        configuration.connectionPool = .init(idleTimeout: .seconds(30))
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.timeout = .seconds(Int64(max(1, timeout.components.seconds)))
    }

    /// Closes the connection pool; call once, at the end.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Sends one request and reads the whole answer (up to 8 MiB).
    ///
    /// - Throws: ``UpstreamError`` with code `notSent` when the request certainly did not reach the server
    ///   (connection refused, no route, connect timeout), or `ambiguous` when it may have.
    public func send(
        _ method: String,
        _ path: String,
        headers: [(String, String)] = [],
        body: Data? = nil
    )
        async throws -> Answer
    {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "User-Agent", value: "careconnect-sync/0.1")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await client.execute(request, timeout: timeout)
            let buffer = try await response.body.collect(upTo: 8 * 1024 * 1024)
            return Answer(
                status: Int(response.status.code),
                headers: response.headers.map { ($0.name, $0.value) },
                body: Data(buffer.readableBytesView)
            )
        } catch {
            let code: UpstreamError.Code = Self.neverSent(error) ? .notSent : .ambiguous
            throw UpstreamError(code, "\(method) \(path): \(error)")
        }
    }

    /// Whether an error shows that no byte of the request reached the server: the connection was never made.
    static func neverSent(_ error: any Error) -> Bool {
        if let error = error as? HTTPClientError {
            return error == .connectTimeout || error == .invalidURL
        }
        if error is NIOConnectionError { return true }
        if let error = error as? IOError {
            return [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL].contains(error.errnoCode)
        }
        if let error = error as? ChannelError, case .connectTimeout = error { return true }
        return false
    }
}
