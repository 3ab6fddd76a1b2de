// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

/// An error from the modem engine: a command that failed, timed out or could not be sent.
///
/// Switch on ``code`` to decide what to do. A command the modem refused carries the modem's
/// ``finalResult``, so ``cmeError`` and ``cmsError`` give the 3GPP error code with the specification's
/// names (`error.cmsError == .memoryFull`).
///
/// ```swift
/// do {
///     try await modem.sendMessage(part)
/// } catch let error as ModemError where error.code == .commandFailed {
///     if error.cmsError?.isRetryable == true { … }
/// }
/// ```
public struct ModemError: Error, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: Hashable, Sendable {
            case timeout
            case portLost
            case commandFailed
            case unexpectedResponse
            case needsPowerCycle
            case cancelled
            case stopped
            case simNotReady
            case simPINRefused
            case invalidMessage
            case modemRestarted
            case modemRestartedAfterPayload
        }

        private let backing: Backing

        /// The modem did not finish its response within the command's timeout.
        public static let timeout = Self(backing: .timeout)
        /// The port was closed or unplugged (a read failed with `EIO`, or the transport ended).
        public static let portLost = Self(backing: .portLost)
        /// The modem answered with a final result other than `OK`: `ERROR`, `+CME ERROR`, `+CMS ERROR`, …
        /// See ``ModemError/finalResult``.
        public static let commandFailed = Self(backing: .commandFailed)
        /// The modem answered `OK`, but the response could not be understood; ``ModemError/cause`` holds the
        /// parser's error.
        public static let unexpectedResponse = Self(backing: .unexpectedResponse)
        /// The modem stopped answering and every step of the recovery ladder failed: only cutting its power
        /// can help now.
        public static let needsPowerCycle = Self(backing: .needsPowerCycle)
        /// The caller's task was cancelled before the response arrived.
        public static let cancelled = Self(backing: .cancelled)
        /// The modem's ``Modem/run()`` has returned, or has not been called again after returning.
        public static let stopped = Self(backing: .stopped)
        /// The SIM is missing, blocked or waiting for a PIN that was not given.
        public static let simNotReady = Self(backing: .simNotReady)
        /// The SIM refused the configured PIN, now or before (see ``SIMPINMemory``), or too few attempts are
        /// left to risk it: the engine does not enter that PIN again, so the SIM is never blocked by it.
        public static let simPINRefused = Self(backing: .simPINRefused)
        /// A message could not be encoded for sending; ``ModemError/cause`` holds the codec's error.
        public static let invalidMessage = Self(backing: .invalidMessage)
        /// The modem restarted (`RDY`) before it carried out the command: nothing was done, so it may be
        /// sent again once the modem is set up.
        public static let modemRestarted = Self(backing: .modemRestarted)
        /// The modem restarted after the payload (for example an SMS PDU) was written: it may or may not
        /// have acted on it.
        public static let modemRestartedAfterPayload = Self(backing: .modemRestartedAfterPayload)

        public var description: String {
            switch self.backing {
            case .timeout: "timeout"
            case .portLost: "port lost"
            case .commandFailed: "command failed"
            case .unexpectedResponse: "unexpected response"
            case .needsPowerCycle: "needs power cycle"
            case .cancelled: "cancelled"
            case .stopped: "stopped"
            case .simNotReady: "SIM not ready"
            case .simPINRefused: "SIM PIN refused"
            case .invalidMessage: "invalid message"
            case .modemRestarted: "modem restarted"
            case .modemRestartedAfterPayload: "modem restarted after the payload"
            }
        }
    }

    /// Where in the engine an error was made.
    public struct Location: Hashable, Sendable, CustomStringConvertible {
        /// The file, as `#fileID` gives it.
        public var file: String
        /// The line.
        public var line: Int

        public init(file: String, line: Int) {
            self.file = file
            self.line = line
        }

        public var description: String { "\(self.file):\(self.line)" }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A sentence for logs and the admin tools.
    public var message: String
    /// The command concerned, if any.
    public var command: ATCommand?
    /// The final result the modem answered with, for ``Code/commandFailed``.
    public var finalResult: FinalResult?
    /// The underlying error: a transport error, an ATParseError, a codec error, or the error that started
    /// a recovery.
    public var cause: (any Error)?
    /// Where the error was made.
    public var location: Location

    public init(
        code: Code,
        message: String,
        command: ATCommand? = nil,
        finalResult: FinalResult? = nil,
        cause: (any Error)? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.command = command
        self.finalResult = finalResult
        self.cause = cause
        self.location = Location(file: file, line: line)
    }

    /// The `+CME ERROR` code, when the modem answered with one.
    public var cmeError: CMEError? {
        if case .cmeError(let error, _) = self.finalResult { return error }
        return nil
    }

    /// The `+CMS ERROR` code, when the modem answered with one.
    public var cmsError: CMSError? {
        if case .cmsError(let error, _) = self.finalResult { return error }
        return nil
    }

    public var description: String {
        var text = "\(self.code): \(self.message)"
        if let cause = self.cause { text += " (\(cause))" }
        return text
    }
}

extension ModemError {
    static func timeout(_ command: ATCommand, after timeout: Duration) -> ModemError {
        ModemError(code: .timeout, message: "no response to \(command) within \(timeout)", command: command)
    }

    static func commandFailed(_ command: ATCommand, _ result: FinalResult) -> ModemError {
        ModemError(
            code: .commandFailed,
            message: "\(command) failed: \(Self.describe(result))",
            command: command,
            finalResult: result
        )
    }

    static func restarted(_ command: ATCommand, afterPayload: Bool) -> ModemError {
        ModemError(
            code: afterPayload ? .modemRestartedAfterPayload : .modemRestarted,
            message: "the modem restarted during \(command)",
            command: command
        )
    }

    static func cancelled(_ command: ATCommand) -> ModemError {
        ModemError(code: .cancelled, message: "\(command) was cancelled", command: command)
    }

    static func unexpectedResponse(_ command: ATCommand, cause: any Error) -> ModemError {
        ModemError(
            code: .unexpectedResponse,
            message: "could not understand the response to \(command)",
            command: command,
            cause: cause
        )
    }

    /// `error` if it already reports a lost port, else a port-lost error caused by it.
    static func portLost(_ error: any Error, _ message: String) -> ModemError {
        if let error = error as? ModemError, error.code == .portLost { return error }
        return ModemError(code: .portLost, message: message, cause: error)
    }

    /// A final result as text, with the specification's name of a numeric error code.
    static func describe(_ result: FinalResult) -> String {
        switch result {
        case .ok: return "OK"
        case .error: return "ERROR"
        case .cmeError(let error, let verbose):
            return "+CME ERROR: \(verbose ?? String(error.rawValue))" + (error.name.map { " (\($0))" } ?? "")
        case .cmsError(let error, let verbose):
            return "+CMS ERROR: \(verbose ?? String(error.rawValue))" + (error.name.map { " (\($0))" } ?? "")
        case .noCarrier: return "NO CARRIER"
        case .busy: return "BUSY"
        case .noAnswer: return "NO ANSWER"
        case .noDialtone: return "NO DIALTONE"
        case .connect(let text): return "CONNECT" + (text.map { " \($0)" } ?? "")
        case .vendorError(let text): return text
        }
    }
}
