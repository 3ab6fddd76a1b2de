// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An error from a touchscreen or a touch recording, naming the device or file.
public struct TouchInputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as an open set of codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable {
            case cannotOpen, notATouchscreen, ioctlFailed, readFailed, invalidRecording
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// The device or file could not be opened.
        public static let cannotOpen = Code(.cannotOpen)
        /// The device has no touchscreen axes.
        public static let notATouchscreen = Code(.notATouchscreen)
        /// An evdev ioctl (grab, clock, state query) failed.
        public static let ioctlFailed = Code(.ioctlFailed)
        /// Reading events or a file failed.
        public static let readFailed = Code(.readFailed)
        /// A recording's files are malformed.
        public static let invalidRecording = Code(.invalidRecording)

        public var description: String { "\(kind)" }
    }

    public var code: Code
    /// The device path or file, such as `/dev/input/event3`.
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
