// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// What a line from the modem is, given the command (if any) that is waiting for its response.
///
/// ### Rules, in order
/// 1. A final result code (`OK`, `ERROR`, `+CME ERROR: …`, `NO CARRIER`, …) is ``finalResult(_:)``.
/// 2. With a command pending, a line equal to its text is its ``echo`` (`ATE1`).
/// 3. A line named like the pending command (`+CPMS: …` while `AT+CPMS?` runs) is a ``response``, with
///    one exception: `+CREG`, `+CGREG`, `+CEREG`, `+CPIN` and `+CFUN` are also unsolicited result codes.
///    For those the line is a response only to the read (`?`) or test (`=?`) command, and for the
///    registration commands only if it has the read response's shape
///    (``NetworkRegistration/isReadResponseShape(_:)``): `+CREG: 1,"00A1","0B2C",7` arriving while
///    `AT+CREG?` runs is still unsolicited.
/// 4. Otherwise a line that parses as an ``UnsolicitedResult`` is ``unsolicited(_:)``, so `+CMTI: "SM",3`
///    in the middle of an `AT+CMGL` listing is reported as unsolicited, not as part of the listing.
/// 5. Any remaining line is a ``response`` when a command is pending (plain text such as `Quectel`, an
///    IMEI, a PDU line) and ``unexpected`` when none is.
///
/// This classification looks at one line at a time. Two things need the caller's state: the line after
/// an unsolicited `+CMT`/`+CDS` header is its PDU (``UnsolicitedResult/requiresFollowingLine``), not a
/// response; and only the first line matching the echo is the echo.
public enum ATLineRole: Hashable, Sendable {
    /// The echo of the pending command.
    case echo
    /// A final result code, which ends the pending command's response.
    case finalResult(FinalResult)
    /// An unsolicited result code.
    case unsolicited(UnsolicitedResult)
    /// An information response line of the pending command.
    case response
    /// A line that is neither unsolicited nor expected, because no command is pending.
    case unexpected

    /// Result code names that are both unsolicited result codes and information responses.
    static let sharedNames: Set<String> = ["+CREG", "+CGREG", "+CEREG", "+CPIN", "+CFUN"]

    /// Classifies `line`; see the type's discussion for the rules.
    public static func classify(_ line: ATLine, pendingCommand: ATCommand?) -> ATLineRole {
        if let result = FinalResult(line: line) {
            return .finalResult(result)
        }
        if let pending = pendingCommand, pending.isEcho(line) {
            return .echo
        }
        if let pending = pendingCommand, let name = line.responseName, name == pending.extendedName {
            guard Self.sharedNames.contains(name) else { return .response }
            switch pending.mode {
            case .test:
                return .response
            case .read:
                guard NetworkRegistration.Domain(commandName: name) != nil else { return .response }
                let parameters = ATParameters(line: line, name: name) ?? ATParameters([])
                if NetworkRegistration.isReadResponseShape(parameters) { return .response }
            case .execute, .set:
                break
            }
        }
        if let unsolicited = UnsolicitedResult(line: line) {
            return .unsolicited(unsolicited)
        }
        return pendingCommand == nil ? .unexpected : .response
    }
}
