// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A rung of the ladder the engine climbs when the modem stops answering.
///
/// 1. ``resync``: ESC (which abandons a half-sent PDU at the `> ` prompt), a pause, then `AT`; repeated
///    ``RecoveryPolicy/resyncAttempts`` times.
/// 2. ``softReset``: `ATZ`.
/// 3. ``modemReset``: the profile's reset command (``ModemQuirks/resetCommand``, usually
///    `AT+CFUN=1,1`), a wait of ``ModemQuirks/restartDelay`` or until `RDY`, then `AT` again.
///
/// When the last rung fails the engine reports ``ModemEvent/needsPowerCycle(_:)``.
public enum RecoveryStep: Hashable, Sendable, CustomStringConvertible {
    /// ESC and `AT`.
    case resync
    /// `ATZ`.
    case softReset
    /// The profile's reset command and a restart.
    case modemReset

    public var description: String {
        switch self {
        case .resync: "resync"
        case .softReset: "soft reset"
        case .modemReset: "modem reset"
        }
    }
}
