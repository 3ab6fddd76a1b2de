// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An error from opening or drawing to a display, naming the device it came from.
public struct DisplayError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as an open set of codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable {
            case cannotOpen, queryFailed, unsupportedFormat, invalidGeometry, mappingFailed, panFailed, blankFailed
            case sizeMismatch
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// The device or file could not be opened or created.
        public static let cannotOpen = Code(.cannotOpen)
        /// Reading the framebuffer's screen information failed.
        public static let queryFailed = Code(.queryFailed)
        /// The framebuffer's pixel format is neither RGB565 nor XRGB8888.
        public static let unsupportedFormat = Code(.unsupportedFormat)
        /// The resolution, line length or memory size do not fit together.
        public static let invalidGeometry = Code(.invalidGeometry)
        /// Mapping the framebuffer's memory failed.
        public static let mappingFailed = Code(.mappingFailed)
        /// Panning to the other page failed.
        public static let panFailed = Code(.panFailed)
        /// Blanking or unblanking the panel failed.
        public static let blankFailed = Code(.blankFailed)
        /// The presented image is not the panel's logical size.
        public static let sizeMismatch = Code(.sizeMismatch)

        public var description: String { "\(kind)" }
    }

    public var code: Code
    /// The device path or file the error is about, such as `/dev/fb0`.
    public var device: String
    public var message: String
    /// The `errno` value of the failed system call, when there was one.
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
