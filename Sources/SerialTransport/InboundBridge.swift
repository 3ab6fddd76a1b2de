// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ModemEngine
import NIOCore

/// Passes the bytes a serial channel reads into ``SerialTransport/inbound``, and ends that stream with a
/// port-lost error when a read fails (`EIO` from an unplugged USB modem or a closed pty) or the channel
/// closes.
final class InboundBridge: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let path: String
    private let continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation

    init(path: String, continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation) {
        self.path = path
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.continuation.yield(Self.unwrapInboundIn(data))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.continuation.finish(
            throwing: ModemError(code: .portLost, message: "reading \(self.path) failed", cause: error)
        )
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.continuation.finish(throwing: ModemError(code: .portLost, message: "\(self.path) was closed"))
        context.fireChannelInactive()
    }
}
