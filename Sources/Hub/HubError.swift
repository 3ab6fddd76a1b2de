// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import SyncProtocol

/// A refusal the hub answers with a problem document.
public struct HubError: Error, Sendable, Hashable {
    /// The kinds of refusal.
    public enum Code: String, Sendable, Hashable {
        case badRequest = "bad-request"
        case unauthorized
        case unknownEnrolmentCode = "unknown-enrolment-code"
        case payloadTooLarge = "payload-too-large"
        case idempotencyKeyReused = "idempotency-key-reused"
        case idempotencyKeyInFlight = "idempotency-key-in-flight"
        case notFound = "not-found"
        case serviceUnavailable = "service-unavailable"
        case internalError = "internal-error"

        /// The HTTP status for the code.
        public var status: Int {
            switch self {
            case .badRequest: 400
            case .unauthorized: 401
            case .unknownEnrolmentCode: 403
            case .notFound: 404
            case .payloadTooLarge: 413
            case .idempotencyKeyReused: 422
            case .idempotencyKeyInFlight: 409
            case .serviceUnavailable: 503
            case .internalError: 500
            }
        }
    }

    public var code: Code
    public var detail: String
    public var maxEvents: Int?
    public var maxBytes: Int?

    public init(_ code: Code, _ detail: String, maxEvents: Int? = nil, maxBytes: Int? = nil) {
        self.code = code
        self.detail = detail
        self.maxEvents = maxEvents
        self.maxBytes = maxBytes
    }

    /// The problem document for the refusal.
    public var problem: Problem {
        Problem(
            type: "urn:careconnect:problem:\(code.rawValue)",
            title: code.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst,
            status: code.status,
            detail: detail,
            maxEvents: maxEvents,
            maxBytes: maxBytes
        )
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
