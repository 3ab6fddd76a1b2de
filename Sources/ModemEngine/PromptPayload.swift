// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// What the engine writes when a command's `> ` prompt arrives (`AT+CMGS`, `AT+CMGW`).
public struct PromptPayload: Hashable, Sendable {
    /// The bytes to write, including the terminating Ctrl-Z.
    public var bytes: [UInt8]
    /// The text the modem repeats when echo is on (the PDU's hex), so the engine can recognise and drop
    /// that echo; `nil` if there is nothing to recognise.
    public var echoText: String?

    public init(bytes: [UInt8], echoText: String?) {
        self.bytes = bytes
        self.echoText = echoText
    }
}
