// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

/// How a modem tells how many SIM PIN attempts are left before the SIM wants its PUK.
///
/// 3GPP TS 27.007 §8.65 defines `AT+CPINR`, but many modules answer only their vendor's command, so each
/// quirk profile names one (``ModemQuirks/pinRetries``) and the engine falls back to ``standard``.
public struct PINRetriesQuery: Hashable, Sendable {
    /// The command to send.
    public var command: ATCommand
    /// The information response's name (`+QPINC`).
    public var responseName: String
    /// When set, only a response whose first parameter is this text counts (`SC`, `SIM PIN`).
    public var label: String?
    /// The position of the PIN count among the response's parameters, counting from 0.
    public var field: Int

    public init(command: ATCommand, responseName: String, label: String? = nil, field: Int) {
        self.command = command
        self.responseName = responseName
        self.label = label
        self.field = field
    }

    /// The PIN attempts left, from the information lines of ``command``'s response; nil when no line says.
    public func attemptsLeft(in lines: [ATLine]) -> Int? {
        for line in lines {
            guard let parameters = ATParameters(line: line, name: self.responseName) else { continue }
            if let label = self.label {
                guard let first = parameters.parameter(at: 0)?.value.trimmingSpacesAndQuotes(),
                    first.uppercased() == label.uppercased()
                else { continue }
            }
            if let count = parameters.parameter(at: self.field)?.value.trimmingSpacesAndQuotes(),
                let attempts = Int(count), attempts >= 0
            {
                return attempts
            }
        }
        return nil
    }

    /// `AT+CPINR="SIM PIN"`, answered `+CPINR: SIM PIN,<retries>,<default retries>` (3GPP TS 27.007 §8.65).
    public static let standard = PINRetriesQuery(
        command: ATCommand("AT+CPINR=\"SIM PIN\""),
        responseName: "+CPINR",
        label: "SIM PIN",
        field: 1
    )

    /// Quectel's `AT+QPINC="SC"`, answered `+QPINC: "SC",<PIN retries>,<PUK retries>`.
    public static let quectel = PINRetriesQuery(
        command: ATCommand("AT+QPINC=\"SC\""),
        responseName: "+QPINC",
        label: "SC",
        field: 1
    )

    /// SIMCom's `AT+SPIC`, answered `+SPIC: <PIN1 retries>,…` (the later fields differ between SIM800 and
    /// SIM7600; the first is the SIM PIN on both).
    public static let simcom = PINRetriesQuery(
        command: ATCommand("AT+SPIC"),
        responseName: "+SPIC",
        field: 0
    )

    /// Huawei's `AT^CPIN?`, answered `^CPIN: <code>,[<times>],<PUK times>,<PIN times>,<PUK2 times>,<PIN2 times>`.
    public static let huawei = PINRetriesQuery(
        command: ATCommand("AT^CPIN?"),
        responseName: "^CPIN",
        field: 3
    )

    /// u-blox's `AT+UPINCNT`, answered `+UPINCNT: <PIN attempts>,<PIN2 attempts>,<PUK attempts>,<PUK2 attempts>`.
    public static let ublox = PINRetriesQuery(
        command: ATCommand("AT+UPINCNT"),
        responseName: "+UPINCNT",
        field: 0
    )
}

extension String {
    fileprivate func trimmingSpacesAndQuotes() -> String {
        let unwanted: Set<Character> = [" ", "\""]
        return String(self.drop { unwanted.contains($0) }.reversed().drop { unwanted.contains($0) }.reversed())
    }
}
