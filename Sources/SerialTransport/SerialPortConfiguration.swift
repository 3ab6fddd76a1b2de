// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// How to set up a serial port: speed, flow control and exclusive use. Framing is always 8N1.
public struct SerialPortConfiguration: Hashable, Sendable {
    /// A line speed in bits per second.
    public struct BaudRate: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: Int

        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        public static let b9600 = Self(rawValue: 9600)
        public static let b19200 = Self(rawValue: 19200)
        public static let b38400 = Self(rawValue: 38400)
        public static let b57600 = Self(rawValue: 57600)
        public static let b115200 = Self(rawValue: 115_200)
        public static let b230400 = Self(rawValue: 230_400)
        public static let b460800 = Self(rawValue: 460_800)
        public static let b921600 = Self(rawValue: 921_600)

        /// The speeds ``SerialTransport`` can set.
        public static let supported: [BaudRate] = [
            .b9600, .b19200, .b38400, .b57600, .b115200, .b230400, .b460800, .b921600,
        ]

        public var description: String { "\(self.rawValue) baud" }
    }

    /// The line speed; 115200 by default, which USB modems ignore and UART modules such as the SIM800
    /// autobaud to.
    public var baudRate: BaudRate
    /// RTS/CTS hardware flow control (`CRTSCTS`), for UART modules wired with those lines.
    public var hardwareFlowControl: Bool
    /// Whether to claim the port exclusively (`TIOCEXCL` and an advisory lock), so that a second process,
    /// ModemManager included, cannot open it and steal responses.
    public var isExclusive: Bool

    public init(baudRate: BaudRate = .b115200, hardwareFlowControl: Bool = false, isExclusive: Bool = true) {
        self.baudRate = baudRate
        self.hardwareFlowControl = hardwareFlowControl
        self.isExclusive = isExclusive
    }
}
