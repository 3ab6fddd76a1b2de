// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import NIOCore

/// Splits the byte stream from a modem's AT port into ``ATFrame`` values.
///
/// The decoder works on bytes only. It never looks at `Character`s, because `"\r\n"` is a single
/// `Character` in Swift and modems mix CR LF, lone LF and lone CR freely.
///
/// ### Rules
/// - A line ends at CR or at LF. CR LF, LF CR, lone CR, lone LF and runs of blank lines all just separate
///   lines: empty lines are never produced.
/// - NUL bytes at the start of a line are skipped like blank lines (some modems emit them at power-on).
///   Any other byte, including NUL or invalid UTF-8 inside a line, is kept in ``ATLine/bytes``.
/// - `>` followed by a space at the start of a line is the SMS prompt (``ATFrame/prompt``). The modem sends
///   it without a terminator, so it is produced as soon as both bytes are buffered, whatever follows.
///   In PDU mode (`AT+CMGF=0`) no response line can start with `> `, because PDU lines are hexadecimal.
/// - A line longer than ``maximumLineLength`` produces one ``ATFrame/overlong(_:)`` frame holding the
///   first ``maximumLineLength`` bytes; the rest of that line is discarded. The buffer never grows beyond
///   about ``maximumLineLength`` bytes, whatever the modem sends.
/// - ``decodeLast(buffer:seenEOF:)`` flushes a final unterminated line.
///
/// The result does not depend on how the input is split into chunks.
///
/// Use it with `AsyncSequence.decode(using:maximumBufferSize:)`, always giving a `maximumBufferSize`,
/// or with a `ByteToMessageHandler` in a channel pipeline.
public struct ATLineDecoder: NIOSingleStepByteToMessageDecoder, Sendable {
    public typealias InboundOut = ATFrame

    /// The default for ``maximumLineLength``: 4096 bytes, well above the longest SMS PDU line (about 360).
    public static let defaultMaximumLineLength = 4096

    /// The longest line, in bytes and excluding its terminator, that is produced as ``ATFrame/line(_:)``.
    public let maximumLineLength: Int

    /// Bytes at the front of the buffer already searched for a terminator without finding one.
    private var scannedCount = 0

    /// Whether the decoder is dropping the tail of an overlong line until the next terminator.
    private var isDiscarding = false

    /// Creates a decoder.
    ///
    /// - Parameter maximumLineLength: The longest line accepted; must be at least 2.
    public init(maximumLineLength: Int = ATLineDecoder.defaultMaximumLineLength) {
        precondition(maximumLineLength >= 2, "maximumLineLength must be at least 2")
        self.maximumLineLength = maximumLineLength
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> ATFrame? {
        if self.isDiscarding {
            guard let terminator = Self.firstTerminator(in: buffer, from: 0) else {
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
                return nil
            }
            buffer.moveReaderIndex(forwardBy: terminator)
            self.isDiscarding = false
        }

        if self.scannedCount == 0 {
            Self.skipSeparators(in: &buffer)
            guard let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else {
                return nil
            }
            if first == .greaterThan {
                guard let second = buffer.getInteger(at: buffer.readerIndex + 1, as: UInt8.self) else {
                    return nil
                }
                if second == .space {
                    buffer.moveReaderIndex(forwardBy: 2)
                    return .prompt
                }
            }
        }

        if let terminator = Self.firstTerminator(in: buffer, from: self.scannedCount) {
            let bytes = buffer.readBytes(length: terminator) ?? []
            buffer.moveReaderIndex(forwardBy: 1)
            self.scannedCount = 0
            if bytes.count > self.maximumLineLength {
                return .overlong(ATLine(bytes: Array(bytes.prefix(self.maximumLineLength))))
            }
            return .line(ATLine(bytes: bytes))
        }

        if buffer.readableBytes > self.maximumLineLength {
            let bytes = buffer.readBytes(length: self.maximumLineLength) ?? []
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            self.scannedCount = 0
            self.isDiscarding = true
            return .overlong(ATLine(bytes: bytes))
        }

        self.scannedCount = buffer.readableBytes
        return nil
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> ATFrame? {
        if let frame = try self.decode(buffer: &buffer) {
            return frame
        }
        self.scannedCount = 0
        if self.isDiscarding {
            self.isDiscarding = false
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return nil
        }
        Self.skipSeparators(in: &buffer)
        guard buffer.readableBytes > 0, let bytes = buffer.readBytes(length: buffer.readableBytes) else {
            return nil
        }
        return .line(ATLine(bytes: bytes))
    }

    private static func isTerminator(_ byte: UInt8) -> Bool {
        byte == .cr || byte == .lf
    }

    private static func skipSeparators(in buffer: inout ByteBuffer) {
        let count = buffer.readableBytesView.prefix { isTerminator($0) || $0 == .nul }.count
        buffer.moveReaderIndex(forwardBy: count)
    }

    /// The offset from the reader index of the first CR or LF at or after `start`.
    private static func firstTerminator(in buffer: ByteBuffer, from start: Int) -> Int? {
        let view = buffer.readableBytesView
        guard start < view.count else { return nil }
        let searched = view.dropFirst(start)
        guard let index = searched.firstIndex(where: isTerminator) else { return nil }
        return index - view.startIndex
    }
}
