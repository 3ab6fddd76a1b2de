// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// One line of `careconnect doctor`: what was checked, how it went, and what to do about it.
public struct HealthCheck: Hashable, Sendable, Codable {
    /// How a check went.
    public enum Verdict: String, Hashable, Sendable, Codable, Comparable {
        /// Working.
        case ok
        /// Working for now, but needs attention soon.
        case warning
        /// Not working: the device cannot do its job until this is fixed.
        case failure
        /// Could not be checked here (for example no systemd, or another process owns the modem).
        case notChecked = "not_checked"

        /// The line's mark: ✓, !, ✗ or -.
        public var symbol: String {
            switch self {
            case .ok: "✓"
            case .warning: "!"
            case .failure: "✗"
            case .notChecked: "-"
            }
        }

        private var rank: Int {
            switch self {
            case .notChecked: 0
            case .ok: 1
            case .warning: 2
            case .failure: 3
            }
        }

        public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable name for fleet tools, such as `modem.signal`.
    public var id: String
    /// What was found, in plain words.
    public var summary: String
    public var verdict: Verdict
    /// One line saying what to do, for warnings and failures.
    public var fix: String?

    public init(id: String, _ verdict: Verdict, _ summary: String, fix: String? = nil) {
        self.id = id
        self.verdict = verdict
        self.summary = summary
        self.fix = fix
    }
}
