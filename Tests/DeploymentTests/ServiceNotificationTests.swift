// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What `Type=notify` with `WatchdogSec=` relies on, checked on the real `careconnect` processes the units start:
/// READY=1 once started, WATCHDOG=1 at half `$WATCHDOG_USEC`, STOPPING=1 on SIGTERM, then a clean exit.
///
/// Each runs confined as its unit says (`Fixtures/confine.py`: the unit's `SystemCallFilter=` as a seccomp allow
/// list, `RestrictAddressFamilies=`, `MemoryDenyWriteExecute=` as the kernel's `PR_SET_MDWE`, no new privileges),
/// so the Swift runtime, NIO, SQLite and libudev are shown to work inside it.
@Suite(.serialized) struct ServiceNotificationTests {
    /// A datagram socket in place of systemd's `$NOTIFY_SOCKET`.
    final class NotifySocket {
        let path: String
        let fd: Int32

        init() throws {
            path = NSTemporaryDirectory() + "cc-notify-\(UUID().uuidString.prefix(8))"
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        }

        deinit {
            close(fd)
            unlink(path)
        }

        /// The next datagram, or nil after `seconds`.
        func receive(within seconds: Double) -> String? {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, Int32(seconds * 1_000)) == 1 else { return nil }
            var buffer = [UInt8](repeating: 0, count: 4_096)
            let count = recv(fd, &buffer, buffer.count, 0)
            return String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
        }

        /// Messages until one contains `text`; throws after `seconds` without it.
        func wait(for text: String, within seconds: Double, seen: inout [String]) throws {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                guard let message = receive(within: deadline.timeIntervalSinceNow) else { break }
                seen.append(message)
                if message.split(separator: "\n").contains(where: { $0 == text }) { return }
            }
            throw NotifyError("no \(text) within \(seconds) s; received: \(seen)")
        }
    }

    struct NotifyError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    let directory = NSTemporaryDirectory() + "careconnect-notify-\(UUID().uuidString.prefix(8))"

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// The interpreter with python3-seccomp (Debian's, whatever `python3` is first on the path).
    static let python = "/usr/bin/python3"

    /// Starts `careconnect arguments…` as systemd would: confined as `unit` says, with `$NOTIFY_SOCKET`, and
    /// `$WATCHDOG_USEC` for a 0.4 s watchdog.
    func start(_ arguments: [String], unit: String, socket: NotifySocket, log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments =
            [
                DeploymentFiles.confine.path, DeploymentFiles.systemd.appendingPathComponent(unit).path, "--",
                DeploymentFiles.binary.path,
            ] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = socket.path
        environment["WATCHDOG_USEC"] = "400000"
        environment.removeValue(forKey: "WATCHDOG_PID")
        process.environment = environment
        _ = FileManager.default.createFile(atPath: directory + "/" + log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/" + log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// READY, then two keepalives, then SIGTERM: STOPPING and exit status 0.
    func expectLifecycle(_ process: Process, socket: NotifySocket, ready: String, log: String) throws {
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        var seen: [String] = []
        do {
            try socket.wait(for: "READY=1", within: 30, seen: &seen)
            #expect(seen.last?.contains("STATUS=\(ready)") == true, "\(seen)")
            try socket.wait(for: "WATCHDOG=1", within: 10, seen: &seen)
            try socket.wait(for: "WATCHDOG=1", within: 10, seen: &seen)
            kill(process.processIdentifier, SIGTERM)
            try socket.wait(for: "STOPPING=1", within: 10, seen: &seen)
        } catch {
            let output = (try? String(contentsOfFile: directory + "/" + log, encoding: .utf8)) ?? ""
            Issue.record("\(error)\n\(log):\n\(output)")
            return
        }
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        #expect(!process.isRunning, "still running 20 s after SIGTERM")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func theGatewayIsReadyAndWatchedWhileItWaitsForAModem() throws {
        let socket = try NotifySocket()
        let config = directory + "/careconnect.toml"
        try """
        [storage]
        state_directory = "\(directory)/state"

        [modem]
        device = "\(directory)/no-modem-here"
        """.write(toFile: config, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/state", withIntermediateDirectories: true)
        let process = try start(
            ["smsd", "--config", config, "--log-level", "debug"],
            unit: "careconnect-smsd.service",
            socket: socket,
            log: "smsd.log"
        )
        try expectLifecycle(process, socket: socket, ready: "started; looking for the modem", log: "smsd.log")
    }

    /// With a modem (the simulator on a pseudo-terminal): a second READY with the modem's status, keepalives from
    /// the gateway's own loop, and a clean stop, all inside the unit's confinement.
    @Test func theGatewayReportsTheModemReadyAndKeepsTheWatchdogFed() throws {
        let simulator = Process()
        simulator.executableURL = DeploymentFiles.binary
        simulator.arguments = [
            "modem", "simulate", "--profile", "quectel-ec25", "--link", directory + "/modem", "--quiet",
        ]
        simulator.standardOutput = FileHandle.nullDevice
        try simulator.run()
        defer {
            kill(simulator.processIdentifier, SIGTERM)
            simulator.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: directory + "/modem") && Date() < deadline { usleep(50_000) }
        let socket = try NotifySocket()
        let config = directory + "/careconnect.toml"
        try """
        [storage]
        state_directory = "\(directory)/state"

        [modem]
        device = "\(directory)/modem"
        """.write(toFile: config, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/state", withIntermediateDirectories: true)
        let process = try start(
            ["smsd", "--config", config],
            unit: "careconnect-smsd.service",
            socket: socket,
            log: "smsd.log"
        )
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        var seen: [String] = []
        do {
            try socket.wait(for: "STATUS=modem ready: Quectel EC25, storage SM", within: 60, seen: &seen)
            #expect(seen.last?.hasPrefix("READY=1\n") == true, "\(seen)")
            try socket.wait(for: "WATCHDOG=1", within: 10, seen: &seen)
            try socket.wait(for: "WATCHDOG=1", within: 10, seen: &seen)
            kill(process.processIdentifier, SIGTERM)
            try socket.wait(for: "STOPPING=1", within: 20, seen: &seen)
        } catch {
            let output = (try? String(contentsOfFile: directory + "/smsd.log", encoding: .utf8)) ?? ""
            Issue.record("\(error)\nsmsd.log:\n\(output)")
            return
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func theHubIsReadyOnceListeningAndWatched() throws {
        let socket = try NotifySocket()
        let process = try start(
            ["hub", "serve", "--listen", "127.0.0.1:0", "--database", directory + "/hub.sqlite"],
            unit: "careconnect-hub.service",
            socket: socket,
            log: "hub.log"
        )
        try expectLifecycle(process, socket: socket, ready: "listening on 127.0.0.1:", log: "hub.log")
    }

    @Test func syncIsReadyOnceEnrolledAndWatched() throws {
        let hubSocket = try NotifySocket()
        let port = try Self.freePort()
        let hub = try start(
            ["hub", "serve", "--listen", "127.0.0.1:\(port)", "--database", directory + "/hub.sqlite"],
            unit: "careconnect-hub.service",
            socket: hubSocket,
            log: "hub.log"
        )
        defer {
            kill(hub.processIdentifier, SIGKILL)
            hub.waitUntilExit()
        }
        var seen: [String] = []
        try hubSocket.wait(for: "READY=1", within: 30, seen: &seen)
        let code = try ToolResult.run(
            DeploymentFiles.binary.path,
            ["hub", "enrolment-code", "--database", directory + "/hub.sqlite", "--ward", "Ward 7"]
        )
        #expect(code.status == 0, "\(code)")
        let state = directory + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let url = "http://127.0.0.1:\(port)"
        let enrolled = try ToolResult.run(
            DeploymentFiles.binary.path,
            [
                "provision", "--config", directory + "/careconnect.toml", "--state-dir", state, "--hub", url,
                "--ward", "Ward 7", "--ods-code", "RXX", "--site-code", "RXX01",
                "--enrol", code.output.trimmingWhitespace().replacingOccurrences(of: "\n", with: ""),
            ]
        )
        #expect(enrolled.status == 0, "\(enrolled)")
        let socket = try NotifySocket()
        let sync = try start(
            // The hub comes from the [sync] section provision wrote, as with the unit's ExecStart.
            ["sync", "--config", directory + "/careconnect.toml", "--state-dir", state],
            unit: "careconnect-sync.service",
            socket: socket,
            log: "sync.log"
        )
        try expectLifecycle(sync, socket: socket, ready: "syncing with \(url)", log: "sync.log")
    }

    /// The confinement bites: the hub under a unit that allows only local sockets cannot listen on TCP.
    @Test func theConfinementRefusesWhatTheUnitDoesNotAllow() throws {
        let unit = try DeploymentFiles.text(DeploymentFiles.systemd.appendingPathComponent("careconnect-hub.service"))
            .replacingOccurrences(
                of: "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
                with: "RestrictAddressFamilies=AF_UNIX"
            )
        let path = directory + "/local-only.service"
        try unit.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ToolResult.run(
            Self.python,
            [
                DeploymentFiles.confine.path, path, "--", DeploymentFiles.binary.path, "hub", "serve", "--listen",
                "127.0.0.1:0", "--database", directory + "/hub.sqlite",
            ]
        )
        #expect(result.status != 0, "\(result)")
        #expect(result.output.contains("address families AF_UNIX;"), "\(result)")
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
