// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import NIOCore
import Testing

@Suite("ATLineDecoder")
struct ATLineDecoderTests {
    /// Should split CR LF terminated lines and drop the blank lines around them.
    @Test(arguments: chunkSizes)
    func splitsCRLFLinesAndDropsBlankLines(chunkSize: Int) throws {
        // Given
        let input = "\r\n+CSQ: 17,99\r\n\r\nOK\r\n"
        // When
        let frames = try decodeFrames(input, chunkSize: chunkSize)
        // Then
        #expect(frames == [.line("+CSQ: 17,99"), .line("OK")])
    }

    /// Should treat lone LF, lone CR and LF CR as line ends too.
    @Test(arguments: chunkSizes)
    func acceptsLoneLFAndLoneCRTerminators(chunkSize: Int) throws {
        let frames = try decodeFrames("RDY\n+CFUN: 1\r+CPIN: READY\n\rSMS DONE\r\r\n\n\nOK\n", chunkSize: chunkSize)
        #expect(lineTexts(frames) == ["RDY", "+CFUN: 1", "+CPIN: READY", "SMS DONE", "OK"])
    }

    /// Should produce the prompt, which has no terminator, as soon as `>` and space have arrived.
    @Test(arguments: chunkSizes)
    func recognisesPromptWithoutTerminator(chunkSize: Int) throws {
        let frames = try decodeFrames("AT+CMGS=23\r\r\n> ", chunkSize: chunkSize)
        #expect(frames == [.line("AT+CMGS=23"), .prompt])
    }

    /// Should recognise the prompt even when the echoed PDU follows in the same read.
    @Test(arguments: chunkSizes)
    func recognisesPromptFollowedByEchoedPDU(chunkSize: Int) throws {
        let input = "\r\n> 0011000C914477009001230000AA01C8\u{1A}\r\n+CMGS: 7\r\n\r\nOK\r\n"
        let frames = try decodeFrames(input, chunkSize: chunkSize)
        #expect(
            frames == [
                .prompt, .line(ATLine("0011000C914477009001230000AA01C8\u{1A}")), .line("+CMGS: 7"), .line("OK"),
            ]
        )
    }

    /// Should not mistake `>` that is not followed by a space, or that is not at a line start, for the prompt.
    @Test(arguments: chunkSizes)
    func doesNotTreatOtherGreaterThanSignsAsPrompt(chunkSize: Int) throws {
        let frames = try decodeFrames(">>boot\r\na > b\r\n", chunkSize: chunkSize)
        #expect(lineTexts(frames) == [">>boot", "a > b"])
    }

    /// Should flush a final unterminated line at end of input.
    @Test(arguments: chunkSizes)
    func flushesUnterminatedLastLine(chunkSize: Int) throws {
        let frames = try decodeFrames("OK\r\n+CMTI: \"SM\",4", chunkSize: chunkSize)
        #expect(frames == [.line("OK"), .line("+CMTI: \"SM\",4")])
    }

    /// Should flush a lone `>` at end of input as a line, since it never became a prompt.
    @Test(arguments: chunkSizes)
    func flushesLoneGreaterThanAsLine(chunkSize: Int) throws {
        #expect(try decodeFrames("OK\r\n>", chunkSize: chunkSize) == [.line("OK"), .line(">")])
    }

    /// Should skip NUL bytes between lines and keep bytes that are not UTF-8 inside a line.
    @Test(arguments: chunkSizes)
    func keepsRawBytesAndSkipsLeadingNULs(chunkSize: Int) throws {
        // Given: SIM800-style power-on noise, then a line holding 0xFF and a NUL.
        let input: [UInt8] = [0x00, 0x00, 0x0D, 0x0A, 0xFF, 0x41, 0x00, 0x42, 0x0D, 0x0A] + Array("RDY\r\n".utf8)
        // When
        let frames = try decodeFrames(input, chunkSize: chunkSize)
        // Then
        #expect(frames == [.line(ATLine(bytes: [0xFF, 0x41, 0x00, 0x42])), .line("RDY")])
        guard case .line(let noisy) = frames.first else { return }
        #expect(!noisy.isValidUTF8)
        #expect(noisy.text == "\u{FFFD}A\u{0}B")
        #expect(noisy.description == "\\xFFA\\x00B")
    }

    /// Should cut an overlong line to the maximum length, discard its tail, and carry on after it.
    @Test(arguments: chunkSizes)
    func reportsOverlongLineAndRecovers(chunkSize: Int) throws {
        // Given: a 40-byte line with a 16-byte limit.
        let long = String(repeating: "0123456789", count: 4)
        let input = Array("OK\r\n\(long)\r\n+CSQ: 9,99\r\n".utf8)
        // When
        let frames = try decodeFrames(input, chunkSize: chunkSize, maximumLineLength: 16)
        // Then
        #expect(frames == [.line("OK"), .overlong(ATLine(String(long.prefix(16)))), .line("+CSQ: 9,99")])
    }

    /// Should accept a line of exactly the maximum length and reject one byte more, whatever the chunking.
    @Test(arguments: chunkSizes)
    func appliesLengthLimitExactly(chunkSize: Int) throws {
        let exact = String(repeating: "A", count: 16)
        let input = Array("\(exact)\r\n\(exact)B\r\n".utf8)
        let frames = try decodeFrames(input, chunkSize: chunkSize, maximumLineLength: 16)
        #expect(frames == [.line(ATLine(exact)), .overlong(ATLine(exact))])
    }

    /// Should keep memory bounded when a modem streams garbage without any line end.
    @Test(arguments: chunkSizes)
    func boundsBufferWithoutTerminators(chunkSize: Int) throws {
        // Given: 1000 bytes with no terminator, far over a 32-byte limit and a 96-byte buffer cap.
        let input = [UInt8](repeating: 0x55, count: 1000) + Array("\r\nOK\r\n".utf8)
        // When
        let frames = try decodeFrames(input, chunkSize: chunkSize, maximumLineLength: 32)
        // Then: one overlong frame, and the decoder resynchronises on the next line.
        #expect(frames == [.overlong(ATLine(bytes: [UInt8](repeating: 0x55, count: 32))), .line("OK")])
    }

    /// Should produce nothing for input made only of separators.
    @Test(arguments: chunkSizes)
    func producesNothingForBlankInput(chunkSize: Int) throws {
        #expect(try decodeFrames("\r\n\r\n\n\r\u{0}", chunkSize: chunkSize).isEmpty)
    }

    /// Should decode through the async sequence adapter with a bounded buffer, as the engine will.
    @Test func decodesThroughAsyncSequence() async throws {
        // Given
        let chunks = ["\r\n+CMTI: \"S", "M\",3\r\n\r\n", "> "].map { ByteBuffer(string: $0) }
        let stream = AsyncStream<ByteBuffer> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        // When
        var frames: [ATFrame] = []
        for try await frame in stream.decode(using: ATLineDecoder(), maximumBufferSize: 8192) {
            frames.append(frame)
        }
        // Then
        #expect(frames == [.line("+CMTI: \"SM\",3"), .prompt])
    }
}
