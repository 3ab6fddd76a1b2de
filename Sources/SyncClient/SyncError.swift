// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A sync failure, with a code saying what kind.
public struct SyncError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Code: Sendable, Hashable {
        /// No connection, a timeout, or a connection dropped before the answer.
        case transport
        /// The hub answered with a status the request did not expect.
        case status(Int)
        /// The hub's answer could not be read.
        case malformedResponse
        /// The credentials file is missing, unreadable or refused.
        case credentials
        /// The configuration is wrong.
        case configuration
    }

    public var code: Code
    public var description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
