// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An error body in `application/problem+json` (RFC 9457), with the protocol's extension members.
public struct Problem: Codable, Sendable, Hashable, Error {
    /// The media type of a problem body.
    public static let mediaType = "application/problem+json"

    /// A URI naming the kind of problem, such as `urn:careconnect:problem:payload-too-large`.
    public var type: String
    /// A short summary of the kind.
    public var title: String
    /// The HTTP status code.
    public var status: Int
    /// A sentence about this occurrence.
    public var detail: String?
    /// With 413: the most events a batch may hold.
    public var maxEvents: Int?
    /// With 413: the most bytes a batch body may hold, before compression.
    public var maxBytes: Int?

    public init(
        type: String,
        title: String,
        status: Int,
        detail: String? = nil,
        maxEvents: Int? = nil,
        maxBytes: Int? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.maxEvents = maxEvents
        self.maxBytes = maxBytes
    }

    enum CodingKeys: String, CodingKey {
        case type
        case title
        case status
        case detail
        case maxEvents = "max_events"
        case maxBytes = "max_bytes"
    }
}
