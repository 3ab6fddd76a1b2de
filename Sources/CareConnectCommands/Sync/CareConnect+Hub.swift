// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import Foundation
import Hub
import Hummingbird
import Logging

extension CareConnect {
    /// `careconnect hub`: the reference hub and its administration.
    struct HubCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hub",
            abstract: "Run the reference hub that ward devices sync with, or manage it.",
            subcommands: [Serve.self, EnrolmentCode.self],
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
                """
        )

        @Option(help: "Address and port to listen on.")
        var listen = "127.0.0.1:8080"

        @Option(help: "The hub's SQLite database file.")
        var database: String

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
            let store: HubStore
            do {
                store = try HubStore(path: database)
            } catch {
                throw CommandError("cannot open the hub database at \(database): \(error)")
            }
            let server = HubServer(
                store: store,
                configuration: HubConfiguration(maxEvents: maxEvents, maxBytes: maxBytes),
                logger: logger
            )
            let announcer = logger
            let application = server.application(host: host, port: port) { port in
                announcer.notice("hub listening", metadata: ["address": "\(host):\(port)"])
            }
            try await application.runService()
        }
    }

    /// `careconnect hub enrolment-code --ward NAME`: a one-time code for a new device.
    struct EnrolmentCode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enrolment-code",
            abstract: "Print a one-time enrolment code for a device of a ward (valid for seven days)."
        )

        @Option(help: "The hub's SQLite database file.")
        var database: String

        @Option(help: "The ward the device will serve.")
        var ward: String

        func run() async throws {
            let store = try HubStore(path: database)
            print(try store.createEnrolmentCode(ward: ward, now: Date()))
        }
    }
}
