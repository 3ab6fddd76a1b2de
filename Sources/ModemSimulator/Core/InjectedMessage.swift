// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A text message the simulated network delivers to the modem, as one or more SMS-DELIVER parts.
///
/// As a JSON line (the `--inject` file and the control socket's `inject` command):
/// `{"from":"+447700900123","text":"Ward 7 was great 😀","at":2.5,"class":0,"ucs2":false,
/// "reference":66,"reference16":false,"timestamp":1704164645}`. Only `from` and `text` are required.
public struct InjectedMessage: Hashable, Sendable, Codable {
    /// The sender: a phone number (`+447700900123`, `07700900123`) or an alphanumeric name (`NHSTrust`).
    public var from: String
    /// The text; long texts become concatenated parts, text outside GSM 7-bit goes as UCS-2.
    public var text: String
    /// Seconds after the simulator started (or after the message was handed over) to deliver it.
    public var delay: Double?
    /// Message class 0–3; 0 is a flash message.
    public var messageClass: Int?
    /// Send as UCS-2 even when GSM 7-bit would do.
    public var forceUCS2: Bool
    /// The concatenation reference for a long message; chosen by the simulator when nil.
    public var concatenationReference: Int?
    /// Use a 16-bit concatenation reference.
    public var reference16Bit: Bool
    /// The service centre time stamp in seconds since 1970; the simulator's clock when nil.
    public var timestamp: Int64?

    public init(
        from: String,
        text: String,
        delay: Double? = nil,
        messageClass: Int? = nil,
        forceUCS2: Bool = false,
        concatenationReference: Int? = nil,
        reference16Bit: Bool = false,
        timestamp: Int64? = nil
    ) {
        self.from = from
        self.text = text
        self.delay = delay
        self.messageClass = messageClass
        self.forceUCS2 = forceUCS2
        self.concatenationReference = concatenationReference
        self.reference16Bit = reference16Bit
        self.timestamp = timestamp
    }

    enum CodingKeys: String, CodingKey {
        case from
        case text
        case delay = "at"
        case messageClass = "class"
        case forceUCS2 = "ucs2"
        case concatenationReference = "reference"
        case reference16Bit = "reference16"
        case timestamp
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.from = try container.decode(String.self, forKey: .from)
        self.text = try container.decode(String.self, forKey: .text)
        self.delay = try container.decodeIfPresent(Double.self, forKey: .delay)
        self.messageClass = try container.decodeIfPresent(Int.self, forKey: .messageClass)
        self.forceUCS2 = try container.decodeIfPresent(Bool.self, forKey: .forceUCS2) ?? false
        self.concatenationReference = try container.decodeIfPresent(Int.self, forKey: .concatenationReference)
        self.reference16Bit = try container.decodeIfPresent(Bool.self, forKey: .reference16Bit) ?? false
        self.timestamp = try container.decodeIfPresent(Int64.self, forKey: .timestamp)
    }
}
