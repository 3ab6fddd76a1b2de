// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An unsolicited result code: a line the modem sends on its own, not in answer to a command.
///
/// Parse one with ``init(line:)``. Whether a line is unsolicited *at all* can depend on the command in
/// progress (`+CREG: 1,1` answers `AT+CREG?`; `+CREG: 1` does not): use
/// ``ATLineRole/classify(_:pendingCommand:)`` or ``isUnsolicited(line:pendingCommand:)`` for that.
///
/// Two result codes are followed by a second line that belongs to them: `+CMT` and `+CDS` carry the
/// PDU on the next line (``requiresFollowingLine``).
public enum UnsolicitedResult: Hashable, Sendable {
    /// `+CMTI: "SM",3`: a new message was stored.
    case newMessage(MessageStorageIndication)
    /// `+CDSI: "SR",1`: a new status report was stored.
    case newStatusReport(MessageStorageIndication)
    /// `+CMT: ,23`: a message routed straight to the host; the PDU is on the next line.
    case messageDelivery(IncomingPDUHeader)
    /// `+CDS: 25`: a status report routed straight to the host; the PDU is on the next line.
    case statusReportDelivery(IncomingPDUHeader)
    /// `+CREG: 1`, `+CGREG: 5,"00A1","0B2C",2`, `+CEREG: 1,"0B2C","01A2D101",7`: registration changed.
    case registration(NetworkRegistration)
    /// `RING`: an incoming call.
    case ring
    /// `+CLIP: "+447700900123",145,,,,0`: the caller's number.
    case callingLine(CallingLineIdentification)
    /// `+CPIN: READY` (or another state) sent at start-up or when the SIM changes.
    case simStatus(CPIN.State)
    /// `+CFUN: 1` sent at start-up.
    case functionality(Int)
    /// `RDY`: the modem has started and accepts commands.
    case modemReady
    /// `SMS DONE`, `SMS Ready` or Quectel `+QIND: SMS DONE`: SMS storage is initialised.
    case smsReady
    /// `PB DONE` or Quectel `+QIND: PB DONE`: the phonebook is initialised.
    case phonebookReady
    /// `Call Ready` (SIMCom): voice calls can be made.
    case callReady
    /// A manufacturer's status report such as `^RSSI: 17` or `^MODE: 5,4`.
    case vendor(VendorIndication)
    /// Any other line shaped like a result code (`+NAME: …`, `^NAME: …`), or a known one whose
    /// parameters could not be parsed.
    case unknown(ATLine)

    /// Whether the next line from the modem is part of this result code (the PDU of `+CMT` and `+CDS`).
    public var requiresFollowingLine: Bool {
        switch self {
        case .messageDelivery, .statusReportDelivery: true
        default: false
        }
    }

    /// Whether `line` is unsolicited while `pendingCommand` is waiting for its response.
    ///
    /// This is ``ATLineRole/classify(_:pendingCommand:)`` reduced to a yes or no; see it for the rules.
    public static func isUnsolicited(line: ATLine, pendingCommand: ATCommand?) -> Bool {
        if case .unsolicited = ATLineRole.classify(line, pendingCommand: pendingCommand) { return true }
        return false
    }
}
