// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Glibc
import Synchronization

/// A pseudo-terminal pair whose master side plays a tiny modem: it answers each command line from a
/// table of replies.
final class PseudoTerminal: Sendable {
    struct SetupError: Error {
        var call: String
        var errno: Int32
    }

    /// `TIOCSPTLCK`, `_IOW('T', 0x31, int)`; function-like macros are not imported into Swift.
    private static let setLock: UInt = 0x4004_5431
    /// `TIOCGPTN`, `_IOR('T', 0x30, unsigned int)`.
    private static let getNumber: UInt = 0x8004_5430

    /// The path of the slave side, which the transport under test opens.
    let slavePath: String
    private let master: Mutex<CInt>
    private let received = Mutex<[String]>([])

    init() throws {
        // posix_openpt, unlockpt and ptsname, as Linux implements them: open the multiplexer, clear the
        // slave's lock (TIOCSPTLCK) and ask for its number (TIOCGPTN). grantpt is a no-op with devpts.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw SetupError(call: "open /dev/ptmx", errno: errno) }
        var unlock: CInt = 0
        guard ioctl(master, Self.setLock, &unlock) == 0 else { throw SetupError(call: "TIOCSPTLCK", errno: errno) }
        var number: CUnsignedInt = 0
        guard ioctl(master, Self.getNumber, &number) == 0 else { throw SetupError(call: "TIOCGPTN", errno: errno) }
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
        self.slavePath = "/dev/pts/\(number)"
        self.master = Mutex(master)
    }

    deinit {
        self.closeMaster()
    }

    /// Every command line the "modem" received, without its CR.
    var commands: [String] { self.received.withLock { $0 } }

    /// Answers command lines (without CR) from `replies` until the task is cancelled or the master is
    /// closed. Lines with no reply get none.
    func serve(_ replies: [String: String]) async {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while !Task.isCancelled {
            let descriptor = self.master.withLock { $0 }
            guard descriptor >= 0 else { return }
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                pending += buffer[0..<count]
                while let end = pending.firstIndex(of: 0x0D) {
                    let line = String(decoding: pending[..<end], as: UTF8.self)
                    pending.removeSubrange(...end)
                    self.received.withLock { $0.append(line) }
                    if let reply = replies[line] { self.send(reply) }
                }
            } else {
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
    }

    /// Writes bytes from the "modem".
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        self.master.withLock { descriptor in
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        }
    }

    /// Closes the master side, as unplugging the modem would: the slave then reads `EIO`.
    func closeMaster() {
        self.master.withLock { descriptor in
            if descriptor >= 0 { _ = close(descriptor) }
            descriptor = -1
        }
    }
}
