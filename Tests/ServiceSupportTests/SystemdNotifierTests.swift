// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import ServiceSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct SystemdNotifierTests {
    /// A real datagram socket standing in for systemd's.
    final class FakeSystemd {
        let path: String
        let fd: Int32

        init() throws {
            path =
                FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8))")
                .path
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard result == 0 else { throw POSIXError(.EADDRINUSE) }
        }

        func receive() -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            var poll = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard Glibc.poll(&poll, 1, 2_000) == 1 else { return "" }
            let count = recv(fd, &buffer, buffer.count, 0)
            return String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
        }

        deinit {
            close(fd)
            unlink(path)
        }
    }

    @Test func sendsReadyStatusAndWatchdog() throws {
        let systemd = try FakeSystemd()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": systemd.path, "WATCHDOG_USEC": "20000000"])
        #expect(notifier.watchdogInterval == 10)
        try notifier.ready(status: "modem ready\non SM")
        #expect(systemd.receive() == "READY=1\nSTATUS=modem ready on SM")
        try notifier.watchdog()
        #expect(systemd.receive() == "WATCHDOG=1")
    }

    @Test func doesNothingOutsideSystemd() throws {
        let notifier = SystemdNotifier(environment: [:])
        #expect(notifier.socketPath == nil)
        #expect(notifier.watchdogInterval == nil)
        try notifier.ready()
    }

    @Test func watchdogForAnotherProcessIsIgnored() {
        let notifier = SystemdNotifier(environment: ["WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "1"])
        #expect(notifier.watchdogInterval == nil || getpid() == 1)
    }

    @Test func missingSocketIsAClearError() {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/nonexistent/notify"])
        #expect {
            try notifier.ready()
        } throws: { error in
            "\(error)".contains("/nonexistent/notify")
        }
    }

    @Test func keepalivesComeAtHalfTheWatchdogIntervalUntilCancelled() async throws {
        let systemd = try FakeSystemd()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": systemd.path, "WATCHDOG_USEC": "200000"])
        let keepalives = Task { await notifier.sendKeepalives() }
        #expect(systemd.receive() == "WATCHDOG=1")
        #expect(systemd.receive() == "WATCHDOG=1")
        keepalives.cancel()
        await keepalives.value
    }

    @Test func noKeepalivesWithoutAWatchdog() async {
        await SystemdNotifier(environment: ["NOTIFY_SOCKET": "/nonexistent/notify"]).sendKeepalives()
    }
}
