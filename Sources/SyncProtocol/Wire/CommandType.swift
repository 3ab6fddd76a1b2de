// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The kind of a command from the hub. Unknown kinds decode, so the device can refuse them one by one.
public struct CommandType: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Send a text message (`SMSSendPayload`).
    public static let smsSend = CommandType(rawValue: "sms.send")
    /// Apply a configuration change.
    public static let configUpdate = CommandType(rawValue: "config.update")

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
