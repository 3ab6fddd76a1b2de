// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
public import SyncProtocol

/// The reference hub as an upstream target: `POST /v1/events` with the batch id as `Idempotency-Key`.
///
/// The batch is encoded with sorted keys (and gzip when asked), so a retry of the same batch sends the same bytes
/// under the same key and the hub answers with its stored result.
public struct HubTarget: UpstreamTarget {
    public let connection: HubConnection
    public let credentials: DeviceCredentials
    public let compress: Bool

    public var name: String { "hub" }

    public init(connection: HubConnection, credentials: DeviceCredentials, compress: Bool = true) {
        self.connection = connection
        self.credentials = credentials
        self.compress = compress
    }

    public func upload(_ batch: EventBatch) async -> UploadOutcome {
        var body: Data
        do {
            body = try SyncJSON.encoder().encode(batch)
            if compress { body = try Gzip.compress(body) }
        } catch {
            return UploadOutcome(failure: .retry(reason: "cannot encode a batch: \(error)", retryAfter: nil))
        }
        var headers = [
            ("Content-Type", "application/json"),
            (IdempotencyKey.headerName, IdempotencyKey.headerValue(batch.batchID)),
        ]
        if compress { headers.append(("Content-Encoding", "gzip")) }
        let answer: HubConnection.Answer
        do {
            answer = try await connection.send(
                "POST",
                "/v1/events",
                token: credentials.token,
                headers: headers,
                body: body
            )
        } catch {
            return UploadOutcome(failure: .retry(reason: "\(error)", retryAfter: nil), bytesSent: body.count)
        }
        switch answer.status {
        case 200:
            guard let response = try? connection.decode(EventBatchResponse.self, answer.body) else {
                return UploadOutcome(
                    failure: .retry(reason: "the hub's answer to a batch could not be read", retryAfter: nil),
                    bytesSent: body.count
                )
            }
            return UploadOutcome(results: response.results, serverTime: response.serverTime, bytesSent: body.count)
        case 401, 403:
            return UploadOutcome(
                failure: .unauthorized(reason: "the hub refused the device's credentials (\(answer.status))"),
                bytesSent: body.count
            )
        case 413:
            let problem = try? connection.decode(Problem.self, answer.body)
            return UploadOutcome(
                failure: .tooLarge(maxEvents: problem?.maxEvents, maxBytes: problem?.maxBytes),
                bytesSent: body.count
            )
        case 400, 422:
            return UploadOutcome(failure: .refused(status: answer.status), bytesSent: body.count)
        default:
            let retryAfter = answer.retryAfter.flatMap { RetryAfter.parse($0, now: Date()) }
            return UploadOutcome(
                failure: .retry(reason: "the hub answered \(answer.status)", retryAfter: retryAfter),
                bytesSent: body.count
            )
        }
    }

    public func probe() async throws -> Date? {
        try await connection.health().serverTime
    }
}
