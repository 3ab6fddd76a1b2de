// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CZlib
public import Foundation

/// gzip (RFC 1952) for request bodies, through zlib.
public enum Gzip {
    /// Why a body could not be compressed or expanded.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The kinds of failure.
        public enum Code: Sendable, Hashable {
            /// The data is not a valid gzip stream.
            case corrupt
            /// The expanded data would be larger than allowed.
            case tooLarge
            /// zlib itself failed.
            case library
        }

        public var code: Code
        public var description: String

        init(_ code: Code, _ description: String) {
            self.code = code
            self.description = description
        }
    }

    /// The data compressed into one gzip member.
    public static func compress(_ data: Data, level: Int32 = 6) throws -> Data {
        var stream = z_stream()
        let windowBits: Int32 = 15 + 16
        let status = deflateInit2_(
            &stream,
            level,
            Z_DEFLATED,
            windowBits,
            8,
            Z_DEFAULT_STRATEGY,
            zlibVersion(),
            Int32(MemoryLayout<z_stream>.size)
        )
        guard status == Z_OK else { throw Failure(.library, "deflateInit2 returned \(status)") }
        defer { deflateEnd(&stream) }
        var input = [UInt8](data)
        let bound = Int(deflateBound(&stream, UInt(input.count))) + 32
        var output = [UInt8](repeating: 0, count: bound)
        let result = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END else { throw Failure(.library, "deflate returned \(result)") }
        return Data(output.prefix(Int(stream.total_out)))
    }

    /// The data of a gzip stream, refusing to expand beyond `limit` bytes.
    public static func decompress(_ data: Data, limit: Int) throws -> Data {
        var stream = z_stream()
        let status = inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Failure(.library, "inflateInit2 returned \(status)") }
        defer { inflateEnd(&stream) }
        var input = [UInt8](data)
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var finished = false
        try input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while !finished {
                let (result, produced) = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    let result = inflate(&stream, Z_NO_FLUSH)
                    return (result, chunkBuffer.count - Int(stream.avail_out))
                }
                switch result {
                case Z_STREAM_END: finished = true
                case Z_OK: break
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw Failure(.corrupt, "the gzip stream ends early")
                default:
                    throw Failure(.corrupt, "inflate returned \(result)")
                }
                guard output.count + produced <= limit else {
                    throw Failure(.tooLarge, "the expanded body is larger than \(limit) bytes")
                }
                output.append(contentsOf: chunk.prefix(produced))
                if !finished, produced == 0, stream.avail_in == 0 {
                    throw Failure(.corrupt, "the gzip stream ends early")
                }
            }
        }
        return output
    }
}
