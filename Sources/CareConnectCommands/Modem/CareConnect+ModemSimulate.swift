// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import Dispatch
import Foundation
import Glibc
import ModemSimulator
import SMSPDU

extension CareConnect.ModemCommand {
    /// `careconnect modem simulate`: a modem on a pseudo-terminal for tests, demos and benchmarks.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a simulated GSM modem on a pseudo-terminal until interrupted.",
            discussion: """
                Prints the pseudo-terminal's path (/dev/pts/N) on the first line of standard output, then a \
                log of every byte received (RX) and sent (TX). Open the path (or --link) with any program that \
                talks to a serial modem: gammu, gammu-smsd, smstools, or the Care Connect gateway.

                The modem answers AT commands as 3GPP TS 27.007/27.005 modems do (PDU mode, SIM storage, \
                +CMTI/+CMT/+CDS/+CDSI per AT+CNMI, AT+CMGS with its "> " prompt, status reports), with \
                the identity and boot messages of the chosen profile.

                Messages to deliver (--inject, or "inject" on the control socket) are JSON objects, one per \
                line, such as {"from":"+447700900123","text":"Thank you","at":2.5}; also "class" (0-3), \
                "ucs2", "reference", "reference16" and "timestamp" (seconds since 1970). Only "from" (a number or an \
                alphanumeric name) and "text" are required; "at" delays delivery by that many seconds.

                Control socket (--control PATH), one command per line, each answered by a line starting \
                "ok" or "error":
                  inject <json>              deliver a message
                  fault silence <seconds>    read but answer nothing
                  fault garbage <n>          write n random bytes now
                  fault garbage <n> mid-response   ... inside the next response
                  fault reboot               reset; stored messages survive
                  fault close [<seconds>]    hang up the port; reopen after the delay
                  fault baud <rate>|off      pace output like a slow serial line
                  fault drop-urc on|off      store messages without +CMTI/+CDSI
                  fault urc-mid-response     next arrival's +CMTI inside a +CMGL list
                  status                     one JSON object: storage, queue, counts
                  sent                       one JSON line per sent part, then ok

                Stops on SIGINT or SIGTERM, removing the link and the control socket.
                """
        )

        enum Profile: String, ExpressibleByArgument, CaseIterable {
            case generic
            case quectelEC25 = "quectel-ec25"
            case simcomSIM800 = "simcom-sim800"
            case simcomSIM7600 = "simcom-sim7600"
            case huaweiE3372 = "huawei-e3372"
            case ublox
        }

        enum ReportOutcome: String, ExpressibleByArgument, CaseIterable {
            case delivered, failed, pending
        }

        @Option(help: "The modem to imitate: identity, boot messages and vendor commands.")
        var profile: Profile = .generic

        @Option(help: "Create a symbolic link to the pseudo-terminal at this path (removed on exit).")
        var link: String?

        @Option(help: "Accept control commands on a Unix domain socket at this path.")
        var control: String?

        @Option(help: "Deliver the messages of this JSON-lines file (one object per line).")
        var inject: String?

        @Option(help: "How many messages the SIM holds (AT+CPMS \"SM\").")
        var capacity: Int = 30

        @Option(help: "Lock the SIM with this PIN (the host must send AT+CPIN=\"PIN\").")
        var pin: String?

        @Option(help: "Pace output like a serial line at this many bits per second.")
        var baud: Int?

        @Option(help: "Also append the traffic log to this file.")
        var log: String?

        @Option(help: "Seconds until a requested status report comes back.")
        var statusReportDelay: Double = 2

        @Option(help: "What status reports say: delivered, failed or pending.")
        var statusReportOutcome: ReportOutcome = .delivered

        @Option(help: "Seconds the modem takes to boot before it answers.")
        var bootDelay: Double = 0.2

        @Flag(help: "Do not print the traffic log on standard output.")
        var quiet = false

        func validate() throws {
            guard (1...255).contains(capacity) else { throw ValidationError("--capacity must be 1 to 255") }
            if let baud, baud < 10 { throw ValidationError("--baud must be at least 10") }
            guard statusReportDelay >= 0, bootDelay >= 0 else {
                throw ValidationError("delays cannot be negative")
            }
        }

        func run() throws {
            var configuration = SimulatorConfiguration(profile: VendorProfile(named: profile.rawValue) ?? .generic)
            configuration.simCapacity = capacity
            configuration.pin = pin
            configuration.statusReportDelay = .milliseconds(Int64(statusReportDelay * 1000))
            configuration.bootDelay = .milliseconds(Int64(bootDelay * 1000))
            configuration.wallClockAtStart = Int64(Date().timeIntervalSince1970)
            configuration.statusReportOutcome =
                switch statusReportOutcome {
                case .delivered: .receivedBySME
                case .failed: .incompatibleDestination
                case .pending: .smeBusy
                }
            var messages: [InjectedMessage] = []
            if let inject {
                let text = try String(contentsOfFile: inject, encoding: .utf8)
                messages = try InjectedMessage.parseLines(text)
            }
            let quiet = self.quiet
            let options = ModemSimulatorHost.Options(
                linkPath: link,
                controlSocketPath: control,
                logFilePath: log,
                onLog: { line in
                    guard !quiet else { return }
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            )
            signal(SIGINT, SIG_IGN)
            signal(SIGTERM, SIG_IGN)
            let host: ModemSimulatorHost
            do {
                host = try ModemSimulatorHost(configuration: configuration, options: options)
            } catch {
                printError("\(error)")
                throw ExitCode(1)
            }
            FileHandle.standardOutput.write(Data((host.devicePath + "\n").utf8))
            if let baud { host.apply(.lineRate(baud: baud)) }
            for message in messages { try host.inject(message) }
            let sources = [SIGINT, SIGTERM].map { number in
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { host.shutdown() }
                source.resume()
                return source
            }
            host.waitUntilShutdown()
            for source in sources { source.cancel() }
            let status = host.status
            let used = status.storage["SM"].map { "\($0.used)/\($0.capacity)" } ?? "?"
            FileHandle.standardError.write(
                Data("simulator stopped: \(status.sent) part(s) sent, SIM storage \(used)\n".utf8)
            )
        }
    }
}
