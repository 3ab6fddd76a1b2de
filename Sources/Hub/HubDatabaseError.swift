// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The hub cannot use its database: a bad address, a server it cannot reach, or a schema it does not know.
public struct HubDatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Code: String, Sendable, Hashable {
        /// The `--database` value is not a file path nor a `postgres://` URL the hub understands.
        case badAddress = "bad-address"
        /// The password file cannot be read.
        case unreadablePassword = "unreadable-password"
        /// The PostgreSQL server did not answer, or refused the connection or the login.
        case unreachable
        /// The database was migrated by a newer hub than this one.
        case schemaTooNew = "schema-too-new"
    }

    public var code: Code
    public var detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail }
}
