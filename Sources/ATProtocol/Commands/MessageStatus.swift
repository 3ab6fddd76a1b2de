// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The `<stat>` of a stored message in PDU mode, as used by `+CMGL` and `+CMGR`.
///
/// Related specification: 3GPP TS 27.005 §3.1 (`<stat>`)
public struct MessageStatus: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// `0` ("REC UNREAD"): received, not yet read.
    public static let receivedUnread = Self(rawValue: 0)
    /// `1` ("REC READ"): received and read.
    public static let receivedRead = Self(rawValue: 1)
    /// `2` ("STO UNSENT"): stored, not yet sent.
    public static let storedUnsent = Self(rawValue: 2)
    /// `3` ("STO SENT"): stored and sent.
    public static let storedSent = Self(rawValue: 3)
    /// `4` ("ALL"): every message; only as the filter of `AT+CMGL`.
    public static let all = Self(rawValue: 4)

    /// Creates a status from its text-mode name, such as `REC UNREAD`, which some modems report even in
    /// PDU mode.
    public init?(textModeName: String) {
        switch textModeName.uppercased() {
        case "REC UNREAD": self = .receivedUnread
        case "REC READ": self = .receivedRead
        case "STO UNSENT": self = .storedUnsent
        case "STO SENT": self = .storedSent
        case "ALL": self = .all
        default: return nil
        }
    }

    /// Whether the message was received (rather than stored for sending).
    public var isReceived: Bool {
        self == .receivedUnread || self == .receivedRead
    }
}

extension ResponseLine {
    /// A `<stat>` parameter, numeric or (as some modems send even in PDU mode) a text-mode name.
    func messageStatus(_ index: Int) throws -> MessageStatus {
        guard let parameter = self.parameters.parameter(at: index), !parameter.isEmpty else {
            throw self.error(.missingParameter, "missing <stat>")
        }
        if let value = parameter.intValue { return MessageStatus(rawValue: value) }
        if let status = MessageStatus(textModeName: parameter.value) { return status }
        throw self.error(.invalidParameter, "<stat> is not a status: \"\(parameter.value)\"")
    }
}
