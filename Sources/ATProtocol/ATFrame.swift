// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// One unit of modem output produced by ``ATLineDecoder``.
public enum ATFrame: Hashable, Sendable {
    /// A non-empty line that ended with CR, LF or CR LF (or was flushed at end of input).
    case line(ATLine)

    /// The `> ` prompt that asks for the PDU or text of `AT+CMGS` / `AT+CMGW`.
    ///
    /// The modem sends the prompt without a line terminator, so it is recognised at the start of a line
    /// as soon as the two bytes `>` and space have arrived.
    case prompt

    /// A line longer than the decoder's maximum line length.
    ///
    /// The associated line holds only the first `maximumLineLength` bytes; the rest of that line, up to the
    /// next terminator, is discarded.
    case overlong(ATLine)
}

extension ATFrame: CustomStringConvertible {
    public var description: String {
        switch self {
        case .line(let line): "line(\(line))"
        case .prompt: "prompt"
        case .overlong(let prefix): "overlong(\(prefix.bytes.count) bytes kept)"
        }
    }
}
