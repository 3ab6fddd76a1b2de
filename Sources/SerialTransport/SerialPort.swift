// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening a tty and putting it in raw mode: the POSIX part of ``SerialTransport``.
enum SerialPort {
    /// Opens `path` non-blocking, claims it if asked, and sets raw 8N1 at the configured speed.
    ///
    /// - Returns: The descriptor, owned by the caller.
    static func open(path: String, configuration: SerialPortConfiguration) throws -> CInt {
        guard let speed = Self.speed(configuration.baudRate) else {
            throw SerialPortError(
                code: .unsupportedBaudRate,
                path: path,
                message: "\(configuration.baudRate) is not supported; use one of "
                    + SerialPortConfiguration.BaudRate.supported.map { String($0.rawValue) }.joined(separator: ", ")
            )
        }
        let descriptor = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { throw Self.openError(path: path, errno: errno) }
        do {
            guard isatty(descriptor) == 1 else {
                throw SerialPortError(
                    code: .notATerminal,
                    path: path,
                    errno: errno,
                    message: "not a serial device; check that the udev rule's link points at the modem's AT port"
                )
            }
            if configuration.isExclusive { try Self.claim(descriptor, path: path) }
            try Self.configure(descriptor, path: path, speed: speed, configuration: configuration)
            return descriptor
        } catch {
            _ = Glibc.close(descriptor)
            throw error
        }
    }

    /// `TIOCEXCL` stops later opens by other users; the advisory lock also stops root and processes that
    /// opened the port earlier and lock it too.
    private static func claim(_ descriptor: CInt, path: String) throws {
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK else {
                throw SerialPortError(code: .configurationFailed, path: path, errno: code, message: "flock failed")
            }
            throw Self.busy(path: path, errno: code)
        }
        guard ioctl(descriptor, UInt(TIOCEXCL)) == 0 else {
            throw SerialPortError(
                code: .configurationFailed,
                path: path,
                errno: errno,
                message: "could not claim the port exclusively (TIOCEXCL)"
            )
        }
    }

    private static func configure(
        _ descriptor: CInt,
        path: String,
        speed: speed_t,
        configuration: SerialPortConfiguration
    ) throws {
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else {
            throw SerialPortError(
                code: .notATerminal,
                path: path,
                errno: errno,
                message: "not a serial device; check the udev rule's SYMLINK points at the modem's AT port"
            )
        }
        cfmakeraw(&settings)
        settings.c_cflag &= ~tcflag_t(CSIZE | PARENB | CSTOPB)
        settings.c_cflag |= tcflag_t(CS8 | CLOCAL | CREAD)
        if configuration.hardwareFlowControl {
            settings.c_cflag |= tcflag_t(CRTSCTS)
        } else {
            settings.c_cflag &= ~tcflag_t(CRTSCTS)
        }
        settings.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        withUnsafeMutableBytes(of: &settings.c_cc) { controlCharacters in
            controlCharacters[Int(VMIN)] = 1
            controlCharacters[Int(VTIME)] = 0
        }
        guard cfsetispeed(&settings, speed) == 0, cfsetospeed(&settings, speed) == 0,
            tcsetattr(descriptor, TCSANOW, &settings) == 0
        else {
            throw SerialPortError(
                code: .configurationFailed,
                path: path,
                errno: errno,
                message: "could not set raw mode at \(configuration.baudRate)"
            )
        }
        _ = tcflush(descriptor, TCIOFLUSH)
    }

    private static func speed(_ rate: SerialPortConfiguration.BaudRate) -> speed_t? {
        switch rate {
        case .b9600: speed_t(B9600)
        case .b19200: speed_t(B19200)
        case .b38400: speed_t(B38400)
        case .b57600: speed_t(B57600)
        case .b115200: speed_t(B115200)
        case .b230400: speed_t(B230400)
        case .b460800: speed_t(B460800)
        case .b921600: speed_t(B921600)
        default: nil
        }
    }

    private static func openError(path: String, errno code: Int32) -> SerialPortError {
        switch code {
        case ENOENT, ENODEV, ENXIO:
            SerialPortError(
                code: .noSuchDevice,
                path: path,
                errno: code,
                message: "the device does not exist; is the modem plugged in and the udev rule installed?"
            )
        case EACCES, EPERM:
            SerialPortError(
                code: .permissionDenied,
                path: path,
                errno: code,
                message: "permission denied; add the service's user to the dialout group (usermod -aG dialout USER)"
            )
        case EBUSY:
            Self.busy(path: path, errno: code)
        default:
            SerialPortError(code: .configurationFailed, path: path, errno: code, message: "could not open the device")
        }
    }

    private static func busy(path: String, errno code: Int32) -> SerialPortError {
        SerialPortError(
            code: .deviceBusy,
            path: path,
            errno: code,
            message: "another process has the port open; stop it, and keep ModemManager away (ID_MM_DEVICE_IGNORE=1)"
        )
    }
}
