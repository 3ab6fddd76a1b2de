// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An error raised while decoding or encoding an SMS PDU.
///
/// Every decoding error names the PDU field it concerns (`"TP-UDL"`, `"TP-OA"`, …) and the byte offset
/// into the PDU where the problem was found, so a raw PDU kept for later inspection can be explained.
public struct PDUError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public var code: Code
    /// The PDU field concerned, named as in 3GPP TS 23.040 (for example `"TP-UDL"`).
    public var field: String
    /// The byte offset in the decoded PDU (or in the hex text, for ``Code/invalidHex``); nil for encoding errors.
    public var offset: Int?
    /// A human-readable explanation.
    public var message: String

    public init(_ code: Code, field: String, offset: Int?, _ message: String) {
        self.code = code
        self.field = field
        self.offset = offset
        self.message = message
    }

    public var description: String {
        if let offset {
            return "\(field) at byte \(offset): \(message)"
        }
        return "\(field): \(message)"
    }

    /// The kind of a ``PDUError``; an open set of static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable {
            case invalidHex
            case truncated
            case trailingBytes
            case invalidLength
            case invalidValue
            case invalidUserDataHeader
            case unsupported
            case unencodable
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// The text is not an even number of hexadecimal digits.
        public static let invalidHex = Code(.invalidHex)
        /// The PDU ends before a field is complete.
        public static let truncated = Code(.truncated)
        /// Bytes remain after the last field the header announces.
        public static let trailingBytes = Code(.trailingBytes)
        /// A length field is impossible (too long for its container, or inconsistent).
        public static let invalidLength = Code(.invalidLength)
        /// A field holds a value the specification does not allow.
        public static let invalidValue = Code(.invalidValue)
        /// The user data header is malformed.
        public static let invalidUserDataHeader = Code(.invalidUserDataHeader)
        /// A valid feature that this codec does not implement (compressed text).
        public static let unsupported = Code(.unsupported)
        /// The input cannot be represented in the requested PDU (for example a bad phone number).
        public static let unencodable = Code(.unencodable)

        public var description: String {
            switch kind {
            case .invalidHex: "invalid hex"
            case .truncated: "truncated"
            case .trailingBytes: "trailing bytes"
            case .invalidLength: "invalid length"
            case .invalidValue: "invalid value"
            case .invalidUserDataHeader: "invalid user data header"
            case .unsupported: "unsupported"
            case .unencodable: "unencodable"
            }
        }
    }
}
