// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A serial port that could not be opened or set up.
///
/// ``message`` says what to do about it, for example to add the service's user to the `dialout` group.
public struct SerialPortError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: Hashable, Sendable {
            case noSuchDevice
            case permissionDenied
            case deviceBusy
            case notATerminal
            case unsupportedBaudRate
            case configurationFailed
        }

        private let backing: Backing

        /// The device node does not exist: the modem is unplugged or the udev rule did not run.
        public static let noSuchDevice = Self(backing: .noSuchDevice)
        /// The process may not open the device.
        public static let permissionDenied = Self(backing: .permissionDenied)
        /// Another process has the port open exclusively.
        public static let deviceBusy = Self(backing: .deviceBusy)
        /// The path is not a terminal device.
        public static let notATerminal = Self(backing: .notATerminal)
        /// The baud rate is not one of ``SerialPortConfiguration/BaudRate/supported``.
        public static let unsupportedBaudRate = Self(backing: .unsupportedBaudRate)
        /// Opening or setting up the port failed for another reason; see ``SerialPortError/errno``.
        public static let configurationFailed = Self(backing: .configurationFailed)

        public var description: String {
            switch self.backing {
            case .noSuchDevice: "no such device"
            case .permissionDenied: "permission denied"
            case .deviceBusy: "device busy"
            case .notATerminal: "not a terminal"
            case .unsupportedBaudRate: "unsupported baud rate"
            case .configurationFailed: "configuration failed"
            }
        }
    }

    /// What went wrong.
    public var code: Code
    /// The device path.
    public var path: String
    /// The `errno` of the failing call, if one failed.
    public var errno: Int32?
    /// What happened and what to do about it.
    public var message: String

    public init(code: Code, path: String, errno: Int32? = nil, message: String) {
        self.code = code
        self.path = path
        self.errno = errno
        self.message = message
    }

    public var description: String {
        "\(self.path): \(self.code): \(self.message)" + (self.errno.map { " (errno \($0))" } ?? "")
    }
}
