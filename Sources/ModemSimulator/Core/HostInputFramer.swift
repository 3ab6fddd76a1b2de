// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Splits what the host writes into command lines and PDUs, byte by byte.
///
/// In command mode a line ends with CR (S3); LF is ignored, backspace (S5) removes the previous byte and
/// other control bytes (the ESC gammu sends to wake a modem, NULs from a noisy line) are dropped. After a
/// `> ` prompt the framer is in PDU mode: hex digits up to Ctrl-Z (send) or ESC (cancel).
///
/// Related specification: ITU-T V.250 §5.2 (command line editing) and 3GPP TS 27.005 §3.5.1 (`<ctrl-Z>`,
/// `<ESC>`).
struct HostInputFramer: Sendable {
    enum Frame: Hashable, Sendable {
        /// A command line without its terminating CR.
        case commandLine([UInt8])
        /// The text typed at the prompt, ended by Ctrl-Z.
        case pdu([UInt8])
        /// ESC at the prompt.
        case cancelled
        /// The line grew past ``maximumLength`` and was thrown away.
        case overflow
    }

    /// What to do with one byte.
    struct Step: Hashable, Sendable {
        /// Whether the modem echoes the byte (when echo is on).
        var echo: Bool
        /// A completed frame, if this byte ended one.
        var frame: Frame?
    }

    /// The longest command line or PDU kept.
    static let maximumLength = 4096

    private(set) var isExpectingPDU = false
    private var buffer: [UInt8] = []
    private var overflowed = false

    /// Switches to PDU mode after the modem has printed its prompt.
    mutating func expectPDU() {
        self.isExpectingPDU = true
        self.buffer.removeAll(keepingCapacity: true)
        self.overflowed = false
    }

    /// Forgets any partial line and returns to command mode.
    mutating func reset() {
        self.isExpectingPDU = false
        self.buffer.removeAll(keepingCapacity: true)
        self.overflowed = false
    }

    mutating func feed(_ byte: UInt8) -> Step {
        if self.isExpectingPDU {
            switch byte {
            case 0x1A:
                let pdu = self.buffer
                let overflowed = self.overflowed
                self.reset()
                return Step(echo: false, frame: overflowed ? .overflow : .pdu(pdu))
            case 0x1B:
                self.reset()
                return Step(echo: false, frame: .cancelled)
            case 0x0D, 0x0A, 0x20:
                return Step(echo: true, frame: nil)
            case 0x08:
                if !self.buffer.isEmpty { self.buffer.removeLast() }
                return Step(echo: true, frame: nil)
            default:
                self.append(byte)
                return Step(echo: true, frame: nil)
            }
        }
        switch byte {
        case 0x0D:
            let line = self.buffer
            let overflowed = self.overflowed
            self.buffer.removeAll(keepingCapacity: true)
            self.overflowed = false
            return Step(echo: true, frame: overflowed ? .overflow : .commandLine(line))
        case 0x0A:
            return Step(echo: false, frame: nil)
        case 0x08:
            if !self.buffer.isEmpty { self.buffer.removeLast() }
            return Step(echo: true, frame: nil)
        case 0x00..<0x20, 0x7F:
            return Step(echo: false, frame: nil)
        default:
            self.append(byte)
            return Step(echo: true, frame: nil)
        }
    }

    private mutating func append(_ byte: UInt8) {
        if self.buffer.count < Self.maximumLength {
            self.buffer.append(byte)
        } else {
            self.overflowed = true
        }
    }
}
