// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
public import Logging

/// The hub's database as named on the command line: a SQLite file path, or a `postgres://` URL.
public enum HubDatabase: Sendable, CustomStringConvertible {
    /// One SQLite file (embedded; one hub process).
    case sqlite(path: String)
    /// A PostgreSQL database (any number of hub replicas may share it).
    case postgres(PostgresHubSettings)

    /// Reads `text`: a `postgres://` or `postgresql://` URL, otherwise a file path. The PostgreSQL password comes
    /// from `passwordFile`, else `PGPASSWORD`.
    public init(
        _ text: String,
        passwordFile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        if PostgresHubSettings.isURL(text) {
            self = .postgres(try PostgresHubSettings(url: text, passwordFile: passwordFile, environment: environment))
        } else {
            guard !text.isEmpty, !text.contains("://") else {
                throw HubDatabaseError(
                    .badAddress,
                    "--database must be a SQLite file path or a postgres://USER@HOST:PORT/DATABASE URL."
                )
            }
            self = .sqlite(path: text)
        }
    }

    /// Where it is, without any secret.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let settings): settings.description
        }
    }

    /// Opens and migrates the database, runs `body` with it, and closes it.
    public func withStorage<T: Sendable>(
        logger: Logger,
        _ body: (any HubStorage) async throws -> T
    ) async throws -> T {
        switch self {
        case .sqlite(let path):
            let store: HubStore
            do {
                store = try HubStore(path: path)
            } catch let error as HubDatabaseError {
                throw error
            } catch {
                throw HubDatabaseError(.unreachable, "Cannot open the hub database at \(path): \(error)")
            }
            return try await body(store)
        case .postgres(let settings):
            return try await PostgresHubStore.withRunning(settings: settings, logger: logger) { store in
                try await body(store)
            }
        }
    }
}
