// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
import MessageStore

/// The device's gauges in the Prometheus text exposition format, for node_exporter's textfile collector: no
/// listening port, just a file replaced atomically.
///
/// Timestamps are seconds since 1970; 0 means "never".
public struct MetricsTextfile: Sendable {
    /// One gauge family: name, help and samples (labels, value).
    public struct Gauge: Sendable {
        public var name: String
        public var help: String
        public var samples: [Sample]

        public struct Sample: Sendable {
            public var labels: [(String, String)]
            public var value: Double

            public init(labels: [(String, String)] = [], value: Double) {
                self.labels = labels
                self.value = value
            }
        }
    }

    public var gauges: [Gauge]

    /// The gauges for a database snapshot (and the modem's signal, when known) at `now`.
    public init(snapshot: StoreSnapshot, signalBars: Int?, now: Date) {
        let status = snapshot.status
        let nowSeconds = now.timeIntervalSince1970
        func seconds(_ milliseconds: Int64?) -> Double { milliseconds.map { Double($0) / 1_000 } ?? 0 }
        let states = ["queued", "sending", "sent", "delivered", "failed", "unconfirmed"]
        var gauges = [
            Gauge(
                name: "careconnect_outbound_messages",
                help: "Replies in the outbound queue, by state.",
                samples: states.map {
                    .init(labels: [("state", $0)], value: Double(status.outboundByState[$0, default: 0]))
                }
            ),
            Gauge(
                name: "careconnect_inbound_unhandled_messages",
                help: "Received texts not yet handled by the conversation.",
                samples: [.init(value: Double(status.unhandledMessages))]
            ),
            Gauge(
                name: "careconnect_inbound_pending_parts",
                help: "Parts of long texts waiting for the rest.",
                samples: [.init(value: Double(status.pendingParts))]
            ),
            Gauge(
                name: "careconnect_sync_backlog_events",
                help: "Events waiting in the sync outbox for the hub.",
                samples: [.init(value: Double(status.syncBacklog))]
            ),
            Gauge(
                name: "careconnect_sync_oldest_unsent_age_seconds",
                help: "Age of the oldest event waiting for the hub; 0 when none waits.",
                samples: [.init(value: snapshot.oldestUnsentAt.map { max(0, nowSeconds - seconds($0)) } ?? 0)]
            ),
            Gauge(
                name: "careconnect_dead_letters",
                help: "Items set aside for review (never dropped).",
                samples: [.init(value: Double(status.deadLetters))]
            ),
            Gauge(
                name: "careconnect_undecodable_pdus",
                help: "Received PDUs that could not be decoded, kept raw.",
                samples: [.init(value: Double(status.undecodableParts))]
            ),
            Gauge(
                name: "careconnect_last_message_received_timestamp_seconds",
                help: "When the newest text arrived; 0 for never.",
                samples: [.init(value: seconds(status.lastReceivedAt))]
            ),
            Gauge(
                name: "careconnect_last_message_sent_timestamp_seconds",
                help: "When the newest reply was sent; 0 for never.",
                samples: [.init(value: seconds(status.lastSentAt))]
            ),
            Gauge(
                name: "careconnect_sync_last_success_timestamp_seconds",
                help: "When the hub last took a batch; 0 for never.",
                samples: [.init(value: seconds(snapshot.lastSyncSuccessAt))]
            ),
        ]
        if let signalBars {
            gauges.append(
                Gauge(
                    name: "careconnect_modem_signal_bars",
                    help: "Mobile signal, 0 to 5 bars, as the modem service last reported it.",
                    samples: [.init(value: Double(signalBars))]
                )
            )
        }
        self.gauges = gauges
    }

    /// The exposition text: `# HELP`, `# TYPE … gauge`, then the samples, each family once.
    public var text: String {
        var lines: [String] = []
        for gauge in gauges {
            lines.append("# HELP \(gauge.name) \(Self.escapeHelp(gauge.help))")
            lines.append("# TYPE \(gauge.name) gauge")
            for sample in gauge.samples {
                let labels =
                    sample.labels.isEmpty
                    ? ""
                    : "{" + sample.labels.map { "\($0.0)=\"\(Self.escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
                lines.append("\(gauge.name)\(labels) \(Self.format(sample.value))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the text to `path` through a temporary file in the same directory and `rename`, so node_exporter
    /// never reads half a file. The file is mode 0644 (the numbers hold no personal data).
    public func write(to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary =
            (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let data = Data(text.utf8)
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o644])
        else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CocoaError(
                .fileWriteUnknown,
                userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot replace \(path): \(reason)"]
            )
        }
    }

    /// Integers without a decimal point; others as Swift prints them.
    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func escapeHelp(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func escapeLabel(_ text: String) -> String {
        escapeHelp(text).replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// The bars in smsd's systemd status text ("modem ready, signal 3/5"), if it says.
    public static func signalBars(fromStatus text: String?) -> Int? {
        guard let text, let range = text.range(of: "signal ") else { return nil }
        let rest = text[range.upperBound...]
        guard let slash = rest.firstIndex(of: "/"), let bars = Int(rest[..<slash]), (0...5).contains(bars) else {
            return nil
        }
        return bars
    }
}
