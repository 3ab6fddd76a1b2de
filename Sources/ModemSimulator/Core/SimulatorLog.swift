// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Everything the modem received and sent, with the simulator time, in order.
///
/// The newest ``maximumCount`` entries are kept; ``totalCount`` keeps counting, so a reader can ask for
/// what it has not seen yet with ``entries(since:)``.
public struct SimulatorLog: Hashable, Sendable {
    /// One thing that happened.
    public struct Entry: Hashable, Sendable, CustomStringConvertible {
        /// Which way the bytes went, or a note.
        public enum Kind: Hashable, Sendable {
            /// Bytes the host wrote.
            case received([UInt8])
            /// Bytes the modem wrote.
            case sent([UInt8])
            /// Something that happened inside the simulator (a fault, an arrival).
            case note(String)
        }

        /// Simulator time since power-on.
        public var time: Duration
        public var kind: Kind

        public init(time: Duration, kind: Kind) {
            self.time = time
            self.kind = kind
        }

        /// One line such as `   4.316 RX AT+CSCA?<CR>`; control bytes are shown as `<CR>`, `<LF>`, `<^Z>`,
        /// `<ESC>` or `<xx>`.
        public var description: String {
            let (seconds, attoseconds) = self.time.components
            let millis = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
            var stamp = String(millis / 1000) + "." + String(millis % 1000 + 1000).dropFirst()
            while stamp.count < 8 { stamp = " " + stamp }
            switch self.kind {
            case .received(let bytes): return stamp + " RX " + Self.render(bytes)
            case .sent(let bytes): return stamp + " TX " + Self.render(bytes)
            case .note(let text): return stamp + " -- " + text
            }
        }

        /// Shows bytes as text with control and non-ASCII bytes spelled out.
        public static func render(_ bytes: [UInt8]) -> String {
            var text = ""
            for byte in bytes {
                switch byte {
                case 0x0D: text += "<CR>"
                case 0x0A: text += "<LF>"
                case 0x1A: text += "<^Z>"
                case 0x1B: text += "<ESC>"
                case 0x20...0x7E: text.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    let digits = String(byte, radix: 16, uppercase: true)
                    text += "<" + (digits.count == 1 ? "0" + digits : digits) + ">"
                }
            }
            return text
        }
    }

    /// How many entries are kept.
    public static let maximumCount = 50_000

    /// The kept entries, oldest first.
    public private(set) var entries: [Entry] = []
    /// How many entries were ever appended.
    public private(set) var totalCount = 0

    public init() {}

    mutating func append(_ entry: Entry) {
        self.entries.append(entry)
        self.totalCount += 1
        if self.entries.count > Self.maximumCount {
            self.entries.removeFirst(self.entries.count - Self.maximumCount)
        }
    }

    /// The entries appended after the first `count` ever appended (as many as are still kept).
    public func entries(since count: Int) -> ArraySlice<Entry> {
        let firstKept = self.totalCount - self.entries.count
        let start = max(count, firstKept) - firstKept
        return self.entries[min(start, self.entries.count)...]
    }

    /// Everything the host wrote, concatenated.
    public var receivedBytes: [UInt8] {
        self.entries.flatMap { entry -> [UInt8] in
            if case .received(let bytes) = entry.kind { return bytes }
            return []
        }
    }

    /// Everything the modem wrote, concatenated.
    public var sentBytes: [UInt8] {
        self.entries.flatMap { entry -> [UInt8] in
            if case .sent(let bytes) = entry.kind { return bytes }
            return []
        }
    }
}
