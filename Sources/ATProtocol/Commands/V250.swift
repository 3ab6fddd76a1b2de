// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Basic commands from ITU-T V.250 that every AT modem understands.
///
/// Related specification: ITU-T V.250 §6.1 and §6.2
public enum V250 {
    /// `AT`: checks that the modem answers; the response is just `OK`.
    public static let attention = ATCommand("AT")

    /// `ATZ`: restores the stored profile (soft reset of settings, not of the radio).
    public static let reset = ATCommand("ATZ")

    /// `ATE1` or `ATE0`: turns the echo of command lines on or off.
    ///
    /// Most modems start with echo on; see ATCommand/isEcho(_:).
    public static func echo(_ enabled: Bool) -> ATCommand {
        ATCommand(enabled ? "ATE1" : "ATE0")
    }

    /// `ATV1`: verbose result codes (`OK` rather than `0`), which FinalResult requires.
    public static let verboseResults = ATCommand("ATV1")
}
