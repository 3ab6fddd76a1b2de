// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Glibc

/// A pseudo-terminal pair: the simulator holds the master; programs open the slave as if it were
/// `/dev/ttyUSB2`.
///
/// The simulator also keeps the slave open itself. Without that, every time the host program closes the
/// port (gammu opens and closes it several times) reads on the master fail with EIO and poll reports a
/// hang-up until someone opens it again. The slave is put in raw mode once, so that the line discipline
/// neither echoes the modem's output back nor translates CR and LF; a program that opens it sets its own
/// settings on top, as it would on a real serial port.
struct PseudoTerminal: Sendable {
    /// The master side: what the modem writes here, the host reads from the slave, and back.
    let master: Int32
    /// The simulator's own descriptor of the slave, kept open for the reason above.
    let slaveHolder: Int32
    /// The slave's path, such as `/dev/pts/3`.
    let slavePath: String

    static func open() throws(SimulatorError) -> PseudoTerminal {
        // posix_openpt, unlockpt and ptsname_r are hidden behind _XOPEN_SOURCE in the Glibc module; on Linux
        // they are /dev/ptmx and two ioctls (grantpt has nothing to do with devpts).
        let master = Glibc.open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Self.failure("open /dev/ptmx") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            let error = Self.failure("unlock pseudo-terminal")
            Glibc.close(master)
            throw error
        }
        let path = "/dev/pts/\(number)"
        let holder = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK)
        guard holder >= 0 else {
            let error = Self.failure("open \(path)")
            Glibc.close(master)
            throw error
        }
        var settings = termios()
        if tcgetattr(holder, &settings) == 0 {
            cfmakeraw(&settings)
            cfsetispeed(&settings, speed_t(B115200))
            cfsetospeed(&settings, speed_t(B115200))
            _ = tcsetattr(holder, TCSANOW, &settings)
        }
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(holder, F_SETFD, FD_CLOEXEC)
        return PseudoTerminal(master: master, slaveHolder: holder, slavePath: path)
    }

    /// `TIOCSPTLCK`, `_IOW('T', 0x31, int)` (the same number on every Linux architecture Swift supports).
    static let setLock: UInt = 0x4004_5431
    /// `TIOCGPTN`, `_IOR('T', 0x30, unsigned int)`.
    static let getNumber: UInt = 0x8004_5430

    /// Closes both descriptors: a program with the slave open now reads EIO, as from an unplugged modem.
    func close() {
        Glibc.close(self.master)
        Glibc.close(self.slaveHolder)
    }

    static func failure(_ call: String) -> SimulatorError {
        let code = errno
        let text = String(cString: strerror(code))
        return SimulatorError(.systemCall, "\(call): \(text) (errno \(code))")
    }
}
