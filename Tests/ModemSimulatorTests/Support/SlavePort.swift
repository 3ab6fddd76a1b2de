// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Glibc

/// The host side of the pseudo-terminal, opened with plain POSIX calls as a serial program would.
struct SlavePort: ~Copyable {
    let descriptor: Int32

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(path: String) throws {
        let descriptor = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { throw Failure(description: "open \(path): errno \(errno)") }
        var settings = termios()
        tcgetattr(descriptor, &settings)
        cfmakeraw(&settings)
        tcsetattr(descriptor, TCSANOW, &settings)
        self.descriptor = descriptor
    }

    deinit {
        close(self.descriptor)
    }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(self.descriptor, $0.baseAddress, $0.count) }
    }

    /// Reads until the text received ends with `terminator` (or contains it), or the timeout passes.
    func read(until terminator: String, timeout: Duration = .seconds(5)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains(terminator) {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else {
                throw Failure(description: "timed out waiting for \(terminator.debugDescription); got \(received)")
            }
            var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, Int32(remaining.components.seconds * 1000 + 10))
            let count = Glibc.read(self.descriptor, &buffer, buffer.count)
            if count > 0 {
                received += buffer[..<count]
            } else if count < 0 && errno != EAGAIN {
                throw Failure(description: "read: errno \(errno)")
            }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// The events poll reports right now.
    func pollEvents() -> Int16 {
        var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN | POLLOUT), revents: 0)
        _ = poll(&descriptor, 1, 0)
        return descriptor.revents
    }

    /// Writes and returns the byte count, or -errno.
    func writeResult(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        let count = bytes.withUnsafeBytes { Glibc.write(self.descriptor, $0.baseAddress, $0.count) }
        return count >= 0 ? count : -Int(errno)
    }

    /// One read after waiting for the descriptor to become readable: the byte count, or -errno.
    func readOnce(timeout: Duration) -> Int {
        var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, Int32(timeout.components.seconds * 1000 + 100))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = Glibc.read(self.descriptor, &buffer, buffer.count)
        return count >= 0 ? count : -Int(errno)
    }
}

/// A scratch directory under /tmp (short, so Unix socket paths fit), removed by the caller.
func makeScratchDirectory() throws -> String {
    let path = "/tmp/ccsim-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

extension ModemSimulatorHostWaiting {
    static func waitUntil(timeout: Duration = .seconds(5), _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { throw SlavePort.Failure(description: "condition not met") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

enum ModemSimulatorHostWaiting {}
