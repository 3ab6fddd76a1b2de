// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension ATCommand {
    /// Whether `line` is the modem's echo of this command.
    ///
    /// With echo on (`ATE1`, the power-on default of most modems) the modem repeats each command line it
    /// receives, for example `AT+CMGL=4\r`, before any response. ``ATLineDecoder`` strips the CR, so the echo
    /// arrives as a line equal to ``text``. The comparison ignores ASCII case (the command name is
    /// case-insensitive, V.250 §5.1) and surrounding spaces, but nothing else: a response line never equals
    /// the command that produced it, so this cannot swallow a real response.
    ///
    /// Only the first matching line after sending is the echo; the engine should stop checking once one has
    /// been seen.
    public func isEcho(_ line: ATLine) -> Bool {
        Self.asciiCaseInsensitiveEquals(line.trimmedText, self.text)
    }

    /// Whether `line` is the modem's echo of a PDU written after the `> ` prompt.
    ///
    /// With echo on, the modem repeats the hexadecimal PDU, usually followed by the Ctrl-Z (0x1A) that ended
    /// it, and the decoder reports that as a line after ``ATFrame/prompt``.
    public static func isPDUEcho(_ line: ATLine, pduHex: String) -> Bool {
        var bytes = line.bytes[...]
        while let last = bytes.last, last == .ctrlZ || last == .space { bytes = bytes.dropLast() }
        return Self.asciiCaseInsensitiveEquals(String(decoding: bytes, as: UTF8.self), pduHex)
    }

    static func asciiCaseInsensitiveEquals(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count
            && zip(lhs.utf8, rhs.utf8).allSatisfy { Self.foldCase($0) == Self.foldCase($1) }
    }

    private static func foldCase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
