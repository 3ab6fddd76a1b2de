// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

/// Something the modem or the engine reports without being asked, delivered on ``Modem/events``.
///
/// Unsolicited result codes arrive in the order the modem sent them, including those that interrupted
/// a command's response. None is dropped: the stream buffers without limit until it is read.
public enum ModemEvent: Sendable {
    /// An unsolicited result code: `+CMTI` (``UnsolicitedResult/newMessage(_:)``), `+CDSI`, `+CREG`,
    /// `RING`, `RDY`, a vendor's report, …
    case unsolicited(UnsolicitedResult)
    /// `+CMT`: a message routed straight to the host, with the PDU from the line that followed.
    /// With `AT+CSMS=1` acknowledge it with ``Modem/acknowledgeDelivery()``.
    case messageDelivery(IncomingPDU)
    /// `+CDS`: a status report routed straight to the host, with its PDU.
    case statusReportDelivery(IncomingPDU)
    /// The modem stopped answering and the engine started this step of its recovery ladder.
    case recovering(RecoveryStep)
    /// The modem answers again after this recovery step. After ``RecoveryStep/softReset`` or
    /// ``RecoveryStep/modemReset`` its settings are lost: call ``Modem/initialise(pin:)`` again.
    case recovered(RecoveryStep)
    /// Every recovery step failed; commands now fail with ``ModemError/Code/needsPowerCycle``.
    case needsPowerCycle(ModemError)
    /// The port was closed or unplugged; ``Modem/run()`` is about to throw the same error.
    case portLost(ModemError)
}
