// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A response that a command's parser could not understand.
///
/// It names the command (`+CPMS`), the offending line when there is one, and what was wrong.
public struct ATParseError: Error, Hashable, Sendable {
    /// What kind of problem was found.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: Hashable, Sendable {
            case missingLine
            case unexpectedLine
            case missingParameter
            case invalidParameter
        }

        private let backing: Backing

        /// The response lacked a line the command always sends.
        public static let missingLine = Self(backing: .missingLine)
        /// A line had the wrong prefix or shape for this command.
        public static let unexpectedLine = Self(backing: .unexpectedLine)
        /// A line had too few parameters.
        public static let missingParameter = Self(backing: .missingParameter)
        /// A parameter had a value that is not allowed, or not a number where one was needed.
        public static let invalidParameter = Self(backing: .invalidParameter)

        public var description: String {
            switch self.backing {
            case .missingLine: "missing line"
            case .unexpectedLine: "unexpected line"
            case .missingParameter: "missing parameter"
            case .invalidParameter: "invalid parameter"
            }
        }
    }

    /// What kind of problem was found.
    public var code: Code
    /// The command whose response was parsed, for example `+CPMS`.
    public var command: String
    /// The offending line, if the problem is in a line.
    public var line: ATLine?
    /// A short explanation.
    public var message: String

    public init(code: Code, command: String, line: ATLine?, message: String) {
        self.code = code
        self.command = command
        self.line = line
        self.message = message
    }
}

extension ATParseError: CustomStringConvertible {
    public var description: String {
        var result = "\(self.command): \(self.code): \(self.message)"
        if let line = self.line { result += " in line \"\(line)\"" }
        return result
    }
}
