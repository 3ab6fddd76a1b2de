// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Logging
public import ModemEngine
public import NIOCore
public import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``ModemTransport`` over a serial device such as `/dev/ttyUSB2` or the udev rule's
/// `/dev/careconnect/modem`.
///
/// The port is opened with `O_RDWR | O_NOCTTY | O_NONBLOCK`, claimed exclusively, set to raw 8N1 at the
/// configured speed with `CLOCAL | CREAD` (and `CRTSCTS` if asked), and then driven by SwiftNIO through
/// `NIOPipeBootstrap`, so reads and writes never block a thread.
///
/// When the device goes away (the USB modem is unplugged, a pty's other side closes) reads fail with
/// `EIO`; ``inbound`` then throws ``ModemError`` with code `portLost` at once, and ``write(_:)`` throws the
/// same code.
///
/// ```swift
/// let transport = try await SerialTransport.open(path: "/dev/careconnect/modem")
/// let modem = Modem(transport: transport, configuration: .fromEnvironment(udevProperties))
/// ```
public final class SerialTransport: ModemTransport {
    /// The device path.
    public let path: String
    /// The settings the port was opened with.
    public let configuration: SerialPortConfiguration
    public let inbound: AsyncThrowingStream<ByteBuffer, any Error>
    private let sink: AsyncThrowingStream<ByteBuffer, any Error>.Continuation
    private let channel: any Channel

    private init(
        path: String,
        configuration: SerialPortConfiguration,
        channel: any Channel,
        inbound: AsyncThrowingStream<ByteBuffer, any Error>,
        sink: AsyncThrowingStream<ByteBuffer, any Error>.Continuation
    ) {
        self.path = path
        self.configuration = configuration
        self.channel = channel
        self.inbound = inbound
        self.sink = sink
    }

    /// Opens and sets up the serial device at `path`.
    ///
    /// - Throws: ``SerialPortError``: ``SerialPortError/Code/noSuchDevice``,
    ///   ``SerialPortError/Code/permissionDenied`` (the message suggests the `dialout` group),
    ///   ``SerialPortError/Code/deviceBusy`` (another process holds the port), and so on.
    public static func open(
        path: String,
        configuration: SerialPortConfiguration = SerialPortConfiguration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "careconnect.serial")
    ) async throws -> SerialTransport {
        let descriptor = try SerialPort.open(path: path, configuration: configuration)
        let (inbound, sink) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        let channel: any Channel
        do {
            channel = try await NIOPipeBootstrap(group: eventLoopGroup)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(InboundBridge(path: path, continuation: sink))
                    }
                }
                .takingOwnershipOfDescriptor(inputOutput: descriptor)
                .get()
        } catch {
            _ = Glibc.close(descriptor)
            sink.finish()
            throw SerialPortError(
                code: .configurationFailed,
                path: path,
                message: "could not start non-blocking I/O on the device: \(error)"
            )
        }
        logger.info(
            "serial port open",
            metadata: ["path": "\(path)", "baud": "\(configuration.baudRate.rawValue)"]
        )
        return SerialTransport(path: path, configuration: configuration, channel: channel, inbound: inbound, sink: sink)
    }

    public func write(_ bytes: ByteBuffer) async throws {
        do {
            try await self.channel.writeAndFlush(bytes).get()
        } catch {
            throw ModemError(code: .portLost, message: "writing to \(self.path) failed", cause: error)
        }
    }

    public func close() async {
        self.sink.finish()
        try? await self.channel.close().get()
    }
}
