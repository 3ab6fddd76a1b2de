// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import PostgresNIO

/// Where a ``PostgresHubStore`` connects: read from a `postgres://` URL, with the password kept apart.
///
/// The URL is `postgres://USER@HOST:PORT/DATABASE?sslmode=MODE`, or `postgres://USER@/DATABASE?host=/run/postgresql`
/// for a Unix socket directory. A password in the URL is refused (it would show in `ps` and in service files): it
/// comes from a file (`--database-password-file`) or the `PGPASSWORD` environment variable, and never appears in
/// ``description`` or in a log.
public struct PostgresHubSettings: Sendable, CustomStringConvertible {
    /// Whether to speak TLS to the server.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Plain TCP (loopback, a private network or a Unix socket).
        case disable
        /// TLS when the server offers it, checking its certificate against the system's trust store.
        case prefer
        /// TLS always, checking the server's certificate against the system's trust store.
        case require
    }

    /// The server's host name or address; nil with a Unix socket.
    public var host: String?
    /// The server's port (also names the Unix socket file).
    public var port: Int
    /// The directory of the server's Unix socket, instead of TCP.
    public var socketDirectory: String?
    /// The role to log in as.
    public var username: String
    /// The password, if the server asks for one.
    public var password: String?
    /// The database.
    public var database: String
    /// TLS.
    public var tls: TLSMode
    /// The most connections each hub process opens (one of them listens for new commands).
    public var maxConnections: Int
    /// How long to wait for the server at start-up before giving up with a clear error.
    public var connectTimeout: Duration

    /// True for the URLs this type reads (`postgres://` and `postgresql://`).
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` URL; the password comes from `passwordFile`, else `PGPASSWORD` in `environment`.
    public init(
        url text: String,
        passwordFile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        guard Self.isURL(text), let url = URLComponents(string: text) else {
            throw HubDatabaseError(
                .badAddress,
                "The database URL must look like postgres://USER@HOST:PORT/DATABASE, not \(Self.redacted(text))."
            )
        }
        guard url.password == nil else {
            throw HubDatabaseError(
                .badAddress,
                "Do not put the password in the database URL: use --database-password-file or PGPASSWORD."
            )
        }
        var socketDirectory: String?
        var tls = TLSMode.prefer
        var maxConnections = 20
        var connectTimeout = Duration.seconds(10)
        for item in url.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw HubDatabaseError(.badAddress, "sslmode must be disable, prefer or require, not \(value).")
                }
                tls = mode
            case "host":
                guard value.hasPrefix("/") else {
                    throw HubDatabaseError(.badAddress, "host= in the query must be a socket directory, not \(value).")
                }
                socketDirectory = value
            case "max_connections":
                guard let count = Int(value), (2...500).contains(count) else {
                    throw HubDatabaseError(.badAddress, "max_connections must be a number from 2 to 500.")
                }
                maxConnections = count
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0 else {
                    throw HubDatabaseError(.badAddress, "connect_timeout must be a positive number of seconds.")
                }
                connectTimeout = .seconds(seconds)
            default:
                throw HubDatabaseError(
                    .badAddress,
                    "Unknown database URL parameter \(item.name): the hub reads sslmode, host, max_connections and "
                        + "connect_timeout."
                )
            }
        }
        let host = url.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding ?? $0 }
        if host == nil && socketDirectory == nil { socketDirectory = "/var/run/postgresql" }
        let user = url.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"]
        guard let user, !user.isEmpty else {
            throw HubDatabaseError(.badAddress, "The database URL names no user: postgres://USER@HOST/DATABASE.")
        }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        var password = environment["PGPASSWORD"]
        if let passwordFile {
            guard let contents = FileManager.default.contents(atPath: passwordFile) else {
                throw HubDatabaseError(.unreadablePassword, "Cannot read the database password file \(passwordFile).")
            }
            password = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .newlines)
        }
        self.host = host
        self.port = url.port ?? 5432
        self.socketDirectory = socketDirectory
        self.username = user
        self.password = password
        self.database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        self.tls = socketDirectory != nil && host == nil ? .disable : tls
        self.maxConnections = maxConnections
        self.connectTimeout = connectTimeout
    }

    /// The URL without any secret, for logs and errors.
    public var description: String {
        if let socketDirectory, host == nil {
            return "postgres://\(username)@/\(database)?host=\(socketDirectory) (port \(port))"
        }
        return "postgres://\(username)@\(host ?? ""):\(port)/\(database)"
    }

    /// The same settings for another database on the same server (used to create and drop test databases).
    public func with(database: String) -> PostgresHubSettings {
        var copy = self
        copy.database = database
        return copy
    }

    /// PostgresNIO's configuration.
    var clientConfiguration: PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketDirectory, host == nil {
            configuration = PostgresClient.Configuration(
                unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)",
                username: username,
                password: password,
                database: database
            )
        } else {
            let tls: PostgresClient.Configuration.TLS =
                switch self.tls {
                case .disable: .disable
                case .prefer: .prefer(.makeClientConfiguration())
                case .require: .require(.makeClientConfiguration())
                }
            configuration = PostgresClient.Configuration(
                host: host ?? "127.0.0.1",
                port: port,
                username: username,
                password: password,
                database: database,
                tls: tls
            )
        }
        configuration.options.maximumConnections = maxConnections
        configuration.options.connectTimeout = connectTimeout
        return configuration
    }

    /// The configuration of one connection outside the pool (the start-up check, which reports the real cause).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketDirectory, host == nil {
            configuration = PostgresConnection.Configuration(
                unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)",
                username: username,
                password: password,
                database: database
            )
        } else {
            let tls: PostgresConnection.Configuration.TLS =
                switch self.tls {
                case .disable: .disable
                case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
                case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                }
            configuration = PostgresConnection.Configuration(
                host: host ?? "127.0.0.1",
                port: port,
                username: username,
                password: password,
                database: database,
                tls: tls
            )
        }
        configuration.options.connectTimeout = .seconds(connectTimeout.components.seconds)
        return configuration
    }

    /// A URL text with anything between `//` and `@` removed.
    static func redacted(_ text: String) -> String {
        guard let start = text.range(of: "//"), let at = text.range(of: "@", range: start.upperBound..<text.endIndex)
        else { return text }
        let credentials = text[start.upperBound..<at.lowerBound]
        guard credentials.contains(":") else { return text }
        let user = credentials.prefix { $0 != ":" }
        return text.replacingCharacters(in: start.upperBound..<at.lowerBound, with: "\(user):…")
    }
}
