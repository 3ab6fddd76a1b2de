// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import ModemTesting
import NIOCore

/// Replays a transcript's modem bytes through ``ATLineDecoder`` in fixed-size chunks and sorts the lines
/// the way the engine will: echo, responses per command, unsolicited result codes (with the PDU line
/// that follows `+CMT`/`+CDS`), prompts and unexpected lines.
struct TranscriptReplay {
    struct CommandOutcome: Equatable {
        var command: ATCommand
        var response: ATResponse
    }

    struct Unsolicited: Equatable {
        var result: UnsolicitedResult
        var followingLine: ATLine?
    }

    var frames: [ATFrame] = []
    var outcomes: [CommandOutcome] = []
    var unsolicited: [Unsolicited] = []
    var unexpected: [ATLine] = []
    var echoes = 0
    var prompts = 0

    private var pending: ATCommand?
    private var lines: [ATLine] = []
    private var echoSeen = false
    private var lastPayloadHex: String?
    private var awaitingFollowingLine: UnsolicitedResult?

    init(_ transcript: Transcript, chunkSize: Int) throws {
        let processor = NIOSingleStepByteToMessageProcessor(ATLineDecoder(), maximumBufferSize: 8192)
        for entry in transcript.entries {
            switch entry.direction {
            case .host:
                self.hostWrote(entry.bytes)
            case .modem:
                var start = 0
                while start < entry.bytes.count {
                    let end = min(start + chunkSize, entry.bytes.count)
                    try processor.process(buffer: ByteBuffer(bytes: entry.bytes[start..<end])) { self.received($0) }
                    start = end
                }
            }
        }
        try processor.finishProcessing(seenEOF: true) { self.received($0) }
    }

    /// The outcome of the commands with `text`, in order.
    func outcomes(of text: String) -> [ATResponse] {
        self.outcomes.filter { $0.command.text == text }.map(\.response)
    }

    private mutating func hostWrote(_ bytes: [UInt8]) {
        if bytes.last == 0x0D, bytes.starts(with: Array("AT".utf8)) {
            self.pending = ATCommand(String(decoding: bytes.dropLast(), as: UTF8.self))
            self.lines = []
            self.echoSeen = false
            self.lastPayloadHex = nil
        } else {
            self.lastPayloadHex = String(decoding: bytes.filter { $0 != 0x1A && $0 != 0x1B }, as: UTF8.self)
        }
    }

    private mutating func received(_ frame: ATFrame) {
        self.frames.append(frame)
        switch frame {
        case .prompt:
            self.prompts += 1
        case .overlong(let line):
            self.unexpected.append(line)
        case .line(let line):
            self.received(line)
        }
    }

    private mutating func received(_ line: ATLine) {
        if let result = self.awaitingFollowingLine {
            self.unsolicited.append(Unsolicited(result: result, followingLine: line))
            self.awaitingFollowingLine = nil
            return
        }
        if let payload = self.lastPayloadHex, ATCommand.isPDUEcho(line, pduHex: payload) {
            self.echoes += 1
            return
        }
        if !self.echoSeen, let command = self.pending, command.isEcho(line) {
            self.echoSeen = true
            self.echoes += 1
            return
        }
        switch ATLineRole.classify(line, pendingCommand: self.pending) {
        case .echo, .response:
            self.lines.append(line)
        case .finalResult(let result):
            if let command = self.pending {
                self.outcomes.append(
                    CommandOutcome(command: command, response: ATResponse(lines: self.lines, finalResult: result))
                )
                self.pending = nil
            } else {
                self.unexpected.append(line)
            }
        case .unsolicited(let result):
            if result.requiresFollowingLine {
                self.awaitingFollowingLine = result
            } else {
                self.unsolicited.append(Unsolicited(result: result, followingLine: nil))
            }
        case .unexpected:
            self.unexpected.append(line)
        }
    }
}
