// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An error from drawing, reading or writing images.
///
/// The code says what went wrong; the message says it in words, and the path names the file when there is one.
public struct RenderingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable {
            case fileNotFound
            case invalidImage
            case writeFailed
            case sizeMismatch
            case surfaceFailed
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// The file does not exist or cannot be opened.
        public static let fileNotFound = Code(.fileNotFound)
        /// The file exists but is not a PNG image that can be decoded.
        public static let invalidImage = Code(.invalidImage)
        /// The image could not be written to the file.
        public static let writeFailed = Code(.writeFailed)
        /// Two images that had to be the same size were not.
        public static let sizeMismatch = Code(.sizeMismatch)
        /// Cairo could not make a drawing surface over an image's memory.
        public static let surfaceFailed = Code(.surfaceFailed)

        public var description: String {
            switch kind {
            case .fileNotFound: "file not found"
            case .invalidImage: "invalid image"
            case .writeFailed: "write failed"
            case .sizeMismatch: "size mismatch"
            case .surfaceFailed: "surface failed"
            }
        }
    }

    /// What went wrong.
    public var code: Code
    /// A sentence describing the failure.
    public var message: String
    /// The file involved, if any.
    public var path: String?

    public init(code: Code, message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String {
        if let path {
            return "\(code): \(message) (\(path))"
        }
        return "\(code): \(message)"
    }
}
