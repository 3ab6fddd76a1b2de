// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// Every check of one `careconnect doctor` run, and the exit status they add up to.
public struct HealthReport: Hashable, Sendable, Codable {
    public var checks: [HealthCheck]
    /// When the checks ran.
    public var checkedAt: Date

    public init(checks: [HealthCheck], checkedAt: Date) {
        self.checks = checks
        self.checkedAt = checkedAt
    }

    /// The worst verdict: `ok` when every check passed or could not be run.
    public var overall: HealthCheck.Verdict {
        let worst = checks.map(\.verdict).max() ?? .ok
        return worst == .notChecked ? .ok : worst
    }

    /// 0 when all is well, 1 when something needs attention soon (warnings only), 2 when something is broken.
    public var exitStatus: Int32 {
        switch overall {
        case .ok, .notChecked: 0
        case .warning: 1
        case .failure: 2
        }
    }

    /// The check with this id, if it ran.
    public subscript(id: String) -> HealthCheck? {
        checks.first { $0.id == id }
    }

    /// One line per check (`✓ Modem answers AT commands`), the fix indented below warnings and failures.
    public var text: String {
        var lines: [String] = []
        for check in checks {
            lines.append("\(check.verdict.symbol) \(check.summary)")
            if let fix = check.fix, check.verdict == .warning || check.verdict == .failure {
                lines.append("    Fix: \(fix)")
            }
        }
        let failures = checks.filter { $0.verdict == .failure }.count
        let warnings = checks.filter { $0.verdict == .warning }.count
        switch overall {
        case .ok, .notChecked: lines.append("\nAll checks passed.")
        case .warning: lines.append("\n\(warnings) warning\(warnings == 1 ? "" : "s"); the device is working.")
        case .failure:
            lines.append(
                "\n\(failures) problem\(failures == 1 ? "" : "s") to fix"
                    + (warnings > 0 ? " and \(warnings) warning\(warnings == 1 ? "" : "s")" : "") + "."
            )
        }
        return lines.joined(separator: "\n")
    }

    /// One JSON object for fleet tools: `{"status": "warning", "exit_status": 1, "checks": [...]}`.
    public func json() throws -> String {
        struct Document: Encodable {
            var status: HealthCheck.Verdict
            var exitStatus: Int32
            var checkedAt: Date
            var checks: [HealthCheck]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        let document = Document(status: overall, exitStatus: exitStatus, checkedAt: checkedAt, checks: checks)
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
