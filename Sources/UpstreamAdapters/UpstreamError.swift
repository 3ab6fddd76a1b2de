// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A failure of an upstream adapter, with a code saying what kind.
public struct UpstreamError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Code: Sendable, Hashable {
        /// The request certainly never reached the server (connection refused, no route, connect timeout).
        case notSent
        /// The request may have reached the server, and no complete answer came back.
        case ambiguous
        /// The adapter's settings are wrong.
        case configuration
    }

    public var code: Code
    public var description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
