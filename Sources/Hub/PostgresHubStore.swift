// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import Logging
public import PostgresNIO

/// The hub's storage for fleets: one PostgreSQL database that several hub replicas share behind a load balancer.
///
/// Nothing is kept in one process's memory that another replica would need: each event is stored once by a unique
/// `event_id` (`INSERT … ON CONFLICT DO NOTHING`), idempotency keys are rows under a unique key with a transaction-long
/// advisory lock for the one in flight, an enrolment code is spent by one `UPDATE … WHERE used_at IS NULL`, and
/// commands get their cursor from an identity column in commit order. A new command is announced with
/// `NOTIFY careconnect_hub_commands`, so a long-poll waiting on any replica wakes at once.
///
/// Use it inside ``withRunning(settings:logger:_:)``, which runs the connection pool, checks the server, migrates
/// and listens for commands for as long as the body runs.
public struct PostgresHubStore: Sendable {
    /// The connection pool.
    public let client: PostgresClient
    /// Where it connects (without the password in its description).
    public let settings: PostgresHubSettings
    /// What PostgresNIO is given to log queries into: warnings and worse only, so a query's values (token
    /// hashes, texts) never reach the log even at debug level.
    let logger: Logger
    /// Where the store reports migrations, retries and lost notifications; never with a password.
    let eventLogger: Logger
    /// Wakes long-polls on this replica.
    let commandSignal = CommandSignal()
    /// Set when ``withRunning(settings:logger:_:)`` is stopping, so the closing pool is not reported as a failure.
    let stopping = StopFlag()

    /// The channel new commands are announced on; the payload is the device's id.
    static let commandsChannel = "careconnect_hub_commands"
    /// How often a long-poll queries again even without a notification (should the listening connection be lost).
    static let commandPollInterval = Duration.seconds(5)

    init(client: PostgresClient, settings: PostgresHubSettings, logger: Logger) {
        self.client = client
        self.settings = settings
        self.eventLogger = logger
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        self.logger = quiet
    }

    /// Connects to the server, migrates the database, listens for new commands and runs `body` with the store;
    /// stops all of it when `body` returns.
    ///
    /// - Throws: ``HubDatabaseError/Code/unreachable`` when the server does not answer or refuses the login within
    ///   ``PostgresHubSettings/connectTimeout``, ``HubDatabaseError/Code/schemaTooNew`` when a newer hub has
    ///   migrated the database, or what `body` throws.
    public static func withRunning<T: Sendable>(
        settings: PostgresHubSettings,
        logger: Logger,
        _ body: (PostgresHubStore) async throws -> T
    ) async throws -> T {
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        let client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: quiet)
        let store = PostgresHubStore(client: client, settings: settings, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            do {
                try await store.checkConnection()
                try await store.migrate()
                group.addTask { await store.listenForCommands() }
                let result = try await body(store)
                store.stopping.set()
                group.cancelAll()
                return result
            } catch {
                store.stopping.set()
                group.cancelAll()
                throw error
            }
        }
    }

    /// Connects once outside the pool and runs one query, within the connect timeout, so a server that is down,
    /// a refused login or a missing database is reported with its cause instead of every request failing later.
    func checkConnection() async throws {
        let timeout = settings.connectTimeout
        let description = settings.description
        let configuration: PostgresConnection.Configuration
        do {
            configuration = try settings.connectionConfiguration()
        } catch {
            throw HubDatabaseError(.unreachable, "Cannot set up TLS for PostgreSQL at \(description): \(error).")
        }
        let logger = logger
        do {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    let connection = try await PostgresConnection.connect(
                        configuration: configuration,
                        id: 0,
                        logger: logger
                    )
                    do {
                        _ = try await connection.query("SELECT 1", logger: logger).collect()
                    } catch {
                        try? await connection.close()
                        throw error
                    }
                    try? await connection.close()
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: timeout + .seconds(5))
                    return false
                }
                let answered = try await group.next() ?? false
                group.cancelAll()
                guard answered else {
                    throw HubDatabaseError(
                        .unreachable,
                        "PostgreSQL at \(description) did not answer within \((timeout + .seconds(5)).components.seconds) s."
                    )
                }
            }
        } catch let error as HubDatabaseError {
            throw error
        } catch {
            throw HubDatabaseError(.unreachable, "Cannot use PostgreSQL at \(description): \(Self.describe(error)).")
        }
    }

    /// Holds one connection that listens for new commands and wakes this replica's long-polls; reconnects after
    /// a failure and then wakes every long-poll, since notifications may have been missed meanwhile.
    func listenForCommands() async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: Self.commandsChannel) { notifications in
                        commandSignal.signalEveryone()
                        for try await notification in notifications {
                            commandSignal.signal(deviceID: notification.payload)
                        }
                    }
                }
            } catch {
                if Task.isCancelled || stopping.isSet { return }
                eventLogger.warning(
                    "lost the command notifications; reconnecting",
                    metadata: ["error": "\(Self.describe(error))"]
                )
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back when it throws.
    /// A deadlock or serialization failure (another replica got there first) is retried a few times.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await client.withConnection { connection in
                    try await connection.query("BEGIN", logger: logger)
                    do {
                        let result = try await body(connection)
                        try await connection.query("COMMIT", logger: logger)
                        return result
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            } catch let error as PSQLError where attempt < 5 && Self.isRetryable(error) {
                eventLogger.notice("retrying a transaction", metadata: ["sqlstate": "\(Self.sqlState(error) ?? "")"])
                try await Task.sleep(for: .milliseconds(5 * attempt))
            }
        }
    }

    /// The rows of a query, collected.
    @discardableResult
    static func rows(
        _ query: PostgresQuery,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws
        -> [PostgresRow]
    {
        try await connection.query(query, logger: logger).collect()
    }

    /// Milliseconds since 1970, as the schema stores times.
    static func milliseconds(_ date: Date) -> Int64 { HubStore.milliseconds(date) }

    static func sqlState(_ error: PSQLError) -> String? {
        error.serverInfo?[.sqlState]
    }

    static func isRetryable(_ error: PSQLError) -> Bool {
        ["40001", "40P01"].contains(sqlState(error) ?? "")
    }

    /// An error in words, without the query's values.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return "\(message) (SQLSTATE \(error.serverInfo?[.sqlState] ?? "?"))"
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
