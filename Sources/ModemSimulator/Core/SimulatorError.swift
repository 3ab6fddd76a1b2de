// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Something the simulator could not do: a message it cannot encode, a pseudo-terminal it cannot open.
public struct SimulatorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable {
            case invalidMessage
            case invalidCommand
            case systemCall
            case notRunning
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// A message to inject could not be encoded (bad sender, bad class, unparseable JSON).
        public static let invalidMessage = Code(.invalidMessage)
        /// A control command was not understood.
        public static let invalidCommand = Code(.invalidCommand)
        /// A system call failed (opening the pseudo-terminal, the control socket, a file).
        public static let systemCall = Code(.systemCall)
        /// The simulator has shut down.
        public static let notRunning = Code(.notRunning)

        public var description: String {
            switch self.kind {
            case .invalidMessage: "invalid message"
            case .invalidCommand: "invalid command"
            case .systemCall: "system call failed"
            case .notRunning: "not running"
            }
        }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A sentence for people.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}
