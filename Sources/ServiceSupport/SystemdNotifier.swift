// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Tells systemd about the service's state over `$NOTIFY_SOCKET` (the `sd_notify` datagram protocol), for
/// `Type=notify` units with `WatchdogSec=`.
///
/// Does nothing when the variable is unset, so the same binary runs by hand. Abstract socket names (starting
/// with `@`) are supported.
///
/// Related documentation: sd_notify(3), "Notes" (the protocol is a datagram of newline-separated
/// `KEY=VALUE` assignments).
public struct SystemdNotifier: Sendable {
    /// The socket path, or nil when not running under systemd.
    public let socketPath: String?
    /// Half the watchdog interval from `$WATCHDOG_USEC` (when the watchdog is for this process), in seconds.
    public let watchdogInterval: Double?

    /// Reads `$NOTIFY_SOCKET`, `$WATCHDOG_USEC` and `$WATCHDOG_PID` from the environment.
    public init(environment: [String: String]) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        if let usec = environment["WATCHDOG_USEC"].flatMap(Double.init), usec > 0,
            environment["WATCHDOG_PID"].map({ Int32($0) == getpid() }) ?? true
        {
            watchdogInterval = usec / 2_000_000
        } else {
            watchdogInterval = nil
        }
    }

    /// `READY=1` with an optional status line.
    public func ready(status: String? = nil) throws {
        try send(["READY=1"] + (status.map { ["STATUS=\($0)"] } ?? []))
    }

    /// `WATCHDOG=1`: the service is alive.
    public func watchdog() throws {
        try send(["WATCHDOG=1"])
    }

    /// `STATUS=…`: one line shown by `systemctl status`.
    public func status(_ text: String) throws {
        try send(["STATUS=\(text)"])
    }

    /// `STOPPING=1`.
    public func stopping() throws {
        try send(["STOPPING=1"])
    }

    /// Sends the assignments as one datagram.
    public func send(_ assignments: [String]) throws {
        guard let socketPath else { return }
        let message = assignments.map { $0.replacingNewlines() }.joined(separator: "\n")
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw NotifyError(errno: errno, path: socketPath) }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        if pathBytes.first == UInt8(ascii: "@") {
            pathBytes[0] = 0
        }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { throw NotifyError(errno: ENAMETOOLONG, path: socketPath) }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: pathBytes)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count + (pathBytes.first == 0 ? 0 : 1))
        let sent = message.withCString { text in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    sendto(fd, text, strlen(text), Int32(MSG_NOSIGNAL), socketAddress, length)
                }
            }
        }
        guard sent >= 0 else { throw NotifyError(errno: errno, path: socketPath) }
    }
}

/// Sending to the notification socket failed.
public struct NotifyError: Error, CustomStringConvertible {
    public var errno: Int32
    public var path: String

    public var description: String {
        "cannot notify systemd at \(path): \(String(cString: strerror(errno)))"
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(map { $0 == "\n" ? " " : $0 })
    }
}
