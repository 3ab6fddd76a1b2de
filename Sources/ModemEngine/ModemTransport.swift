// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import NIOCore

/// A byte pipe to a modem's AT port: the only thing the engine needs from the hardware.
///
/// `SerialTransport` implements it over a tty; ``ScriptedTransport`` is its in-memory twin for tests.
///
/// ### Contract
/// - ``inbound`` delivers the modem's bytes in order, in chunks of any size. It is iterated once, by
///   ``Modem/run()``.
/// - When the port goes away (a read fails with `EIO` because the USB device was unplugged or the pty's
///   other side closed), ``inbound`` **throws**, preferably a ``ModemError`` with code
///   ``ModemError/Code/portLost``; the engine reports any other error, and a stream that simply ends,
///   as port lost too. It must never just stop delivering.
/// - ``write(_:)`` returns once the bytes are handed to the operating system, and throws if the port is
///   gone.
/// - ``close()`` releases the port and finishes ``inbound``; calling it twice is harmless.
public protocol ModemTransport: Sendable {
    /// The bytes the modem sends.
    var inbound: AsyncThrowingStream<ByteBuffer, any Error> { get }

    /// Writes bytes to the modem.
    func write(_ bytes: ByteBuffer) async throws

    /// Closes the port.
    func close() async
}
