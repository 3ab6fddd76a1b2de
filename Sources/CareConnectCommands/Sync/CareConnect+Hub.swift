// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import Foundation
import Hub
import Hummingbird
import Logging
import ServiceLifecycle
import ServiceSupport
import UnixSignals

extension CareConnect {
    /// `careconnect hub`: the reference hub and its administration.
    struct HubCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hub",
            abstract: "Run the reference hub that ward devices sync with, or manage it.",
            subcommands: [Serve.self, EnrolmentCode.self, Config.self],
            defaultSubcommand: Serve.self
        )
    }
}

extension CareConnect.HubCommand {
    /// `careconnect hub serve` (the default): the HTTP server.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the sync protocol and the wards' staff pages.",
            discussion: """
                Listens on plain HTTP: put a TLS-terminating proxy in front of it for anything but loopback. \
                The staff pages (/wards/NAME) have no login of their own yet, so keep them behind the proxy's \
                authentication.

                Storage: a SQLite file (--database /var/lib/careconnect/hub.sqlite; one hub process), or a \
                PostgreSQL database (--database postgres://USER@HOST:5432/DATABASE?sslmode=require) that any \
                number of hub replicas behind a load balancer may share. The PostgreSQL password is read from \
                --database-password-file or the PGPASSWORD environment variable, never from the URL, and is \
                never logged. URL parameters: sslmode=disable|prefer|require, host=/socket/dir, \
                max_connections=N (per replica, default 20), connect_timeout=SECONDS (default 10). The schema is \
                migrated at start; a database migrated by a newer hub is refused.
                """
        )

        @Option(help: "Address and port to listen on.")
        var listen = "127.0.0.1:8080"

        @Option(help: "The hub's SQLite database file, or a postgres:// URL (see above).")
        var database: String

        @Option(help: "A file holding the PostgreSQL password (else PGPASSWORD is used).")
        var databasePasswordFile: String?

        @Option(help: "The most events in one batch.")
        var maxEvents = 500

        @Option(help: "The most bytes in one batch body, before compression.")
        var maxBytes = 1024 * 1024

        @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
        var logLevel: LogLevel = .info

        func run() async throws {
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]) else {
                throw CommandError("--listen must be HOST:PORT, not \(listen)")
            }
            let host = String(listen[..<colon])
            var logger = Logger(label: "careconnect.hub")
            logger.logLevel = logLevel.level
            let location = try HubDatabase.open(database, passwordFile: databasePasswordFile)
            let configuration = HubConfiguration(maxEvents: maxEvents, maxBytes: maxBytes)
            try await HubDatabase.run(location, logger: logger) { storage in
                try await serve(storage: storage, configuration: configuration, host: host, port: port, logger: logger)
            }
        }

        private func serve(
            storage: any HubStorage,
            configuration: HubConfiguration,
            host: String,
            port: Int,
            logger: Logger
        ) async throws {
            let server = HubServer(storage: storage, configuration: configuration, logger: logger)
            let announcer = logger
            let notifier = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
            let application = server.application(host: host, port: port) { port in
                announcer.notice("hub listening", metadata: ["address": "\(host):\(port)"])
                try? notifier.ready(status: "listening on \(host):\(port)")
            }
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [.init(service: application), SystemdKeepalive(notifier: notifier).configuration],
                    gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger
                )
            )
            try await group.run()
        }
    }

    /// `careconnect hub enrolment-code --ward NAME`: a one-time code for a new device.
    struct EnrolmentCode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enrolment-code",
            abstract: "Print a one-time enrolment code for a device of a ward (valid for seven days)."
        )

        @Option(help: "The hub's SQLite database file, or a postgres:// URL (as for hub serve).")
        var database: String

        @Option(help: "A file holding the PostgreSQL password (else PGPASSWORD is used).")
        var databasePasswordFile: String?

        @Option(help: "The ward the device will serve.")
        var ward: String

        func run() async throws {
            let location = try HubDatabase.open(database, passwordFile: databasePasswordFile)
            var logger = Logger(label: "careconnect.hub")
            logger.logLevel = .warning
            let ward = ward
            let code = try await HubDatabase.run(location, logger: logger) { storage in
                try await storage.createEnrolmentCode(
                    ward: ward,
                    lifetime: HubStorageDefaults.enrolmentCodeLifetime,
                    now: Date()
                )
            }
            print(code)
        }
    }
}

extension HubDatabase {
    /// The database `--database` names, or a usage error that says what was expected.
    static func open(_ text: String, passwordFile: String?) throws -> HubDatabase {
        do {
            return try HubDatabase(text, passwordFile: passwordFile)
        } catch let error as HubDatabaseError {
            throw CommandError(error.detail)
        }
    }

    /// Runs `body` with the opened storage; a database that cannot be used is reported in words.
    static func run<T: Sendable>(
        _ location: HubDatabase,
        logger: Logger,
        _ body: (any HubStorage) async throws -> T
    ) async throws -> T {
        do {
            return try await location.withStorage(logger: logger, body)
        } catch let error as HubDatabaseError {
            throw CommandError("cannot use the hub database: \(error.detail)")
        }
    }
}
