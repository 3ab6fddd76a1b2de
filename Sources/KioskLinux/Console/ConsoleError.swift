// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An error from switching the virtual terminal between text and graphics.
public struct ConsoleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as an open set of codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable {
            case cannotOpen, modeChangeFailed, crashHandlerFailed
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// The terminal device could not be opened.
        public static let cannotOpen = Code(.cannotOpen)
        /// `KDSETMODE` failed.
        public static let modeChangeFailed = Code(.modeChangeFailed)
        /// The crash handlers could not be installed.
        public static let crashHandlerFailed = Code(.crashHandlerFailed)

        public var description: String { "\(kind)" }
    }

    public var code: Code
    /// The terminal, such as `/dev/tty1`.
    public var device: String
    public var message: String
    public var systemError: Int32?

    public init(code: Code, device: String, message: String, systemError: Int32? = nil) {
        self.code = code
        self.device = device
        self.message = message
        self.systemError = systemError
    }

    public var description: String {
        var text = "\(device): \(message)"
        if let systemError { text += " (\(SystemErrorText.describe(systemError)))" }
        return text
    }
}
