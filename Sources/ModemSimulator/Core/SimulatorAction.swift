// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// What the code driving a ``SimulatedModem`` must do next. The modem itself does no I/O.
public enum SimulatorAction: Hashable, Sendable {
    /// Write these bytes to the host, in order.
    case write([UInt8])
    /// Call ``SimulatedModem/handle(_:now:)`` with the event once this much time has passed.
    case schedule(SimulatorEvent, after: Duration)
    /// Close the port, as a modem that drops off the USB bus does; reopen a new one after the delay, if any.
    case closePort(reopenAfter: Duration?)
    /// Pace output at this many bytes per second (a slow serial line); nil writes as fast as possible.
    case setLineRate(bytesPerSecond: Int?)
}
