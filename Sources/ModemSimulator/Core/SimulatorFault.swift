// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A misbehaviour of real modems and serial lines, injected on purpose.
public enum SimulatorFault: Hashable, Sendable {
    /// Read everything, answer nothing (no echo, no results, no indications) for this long.
    case silence(Duration)
    /// Write this many random bytes (NUL, 0xFF, invalid UTF-8, stray CR/LF); with `midResponse`, wait and
    /// put them in the middle of the next response instead.
    case garbage(count: Int, midResponse: Bool)
    /// Reset as a real modem does: settings are lost, the modem is deaf until it has booted and printed its
    /// boot indications again; stored messages survive.
    case reboot
    /// Close the port (the host reads EIO) and reset the modem; a new port appears after the delay, if any.
    case closePort(reopenAfter: Duration?)
    /// Pace output as a serial line at this many bits per second does (10 bits per byte); nil for full speed.
    case lineRate(baud: Int?)
    /// Drop (`true`) or stop dropping `+CMTI` and `+CDSI` indications; messages are still stored.
    case dropIndications(Bool)
    /// Hold the next arriving message until the host lists messages, then store it and put its indication
    /// between two `+CMGL` entries.
    case indicationMidResponse
}
