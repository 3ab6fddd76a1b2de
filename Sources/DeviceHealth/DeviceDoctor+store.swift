// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import MessageStore

extension DeviceDoctor {
    /// Unsent events older than these are a warning and a failure.
    static let backlogWarning: TimeInterval = 3_600
    static let backlogFailure: TimeInterval = 86_400

    func storeChecks(_ configuration: DeviceConfiguration) -> [HealthCheck] {
        let path = (stateDirectory(configuration) as NSString).appendingPathComponent("careconnect.sqlite")
        let snapshot: StoreSnapshot
        do {
            guard let read = try StoreSnapshot.read(path: path) else {
                return [
                    HealthCheck(
                        id: "store",
                        .warning,
                        "No database yet at \(path)",
                        fix: "start the services: systemctl start careconnect-smsd careconnect-kiosk"
                    )
                ]
            }
            snapshot = read
        } catch {
            return [
                HealthCheck(
                    id: "store",
                    .failure,
                    "The database cannot be read: \(error)",
                    fix: "check the disk is not full (df -h); run the doctor as root"
                )
            ]
        }
        return Self.storeChecks(snapshot, hubConfigured: configuration.sync.hub != nil, now: now())
    }

    /// Turns the database's queues into checks; pure.
    static func storeChecks(_ snapshot: StoreSnapshot, hubConfigured: Bool, now: Date) -> [HealthCheck] {
        let status = snapshot.status
        let nowMilliseconds = Int64(now.timeIntervalSince1970 * 1_000)
        func age(_ milliseconds: Int64) -> TimeInterval { TimeInterval(nowMilliseconds - milliseconds) / 1_000 }
        var checks: [HealthCheck] = []

        let queued = status.outboundByState["queued", default: 0] + status.outboundByState["sending", default: 0]
        if let oldest = snapshot.oldestQueuedReplyAt, age(oldest) > 600 {
            checks.append(
                HealthCheck(
                    id: "queue.replies",
                    .warning,
                    "\(queued) repl\(queued == 1 ? "y" : "ies") waiting to be texted, the oldest for \(duration(age(oldest)))",
                    fix: "check the modem lines above; careconnect-smsd sends them once the modem works"
                )
            )
        } else {
            checks.append(
                HealthCheck(id: "queue.replies", .ok, "\(queued) repl\(queued == 1 ? "y" : "ies") waiting to be texted")
            )
        }

        if let oldest = snapshot.oldestUnsentAt {
            let waited = age(oldest)
            let verdict: HealthCheck.Verdict =
                waited > backlogFailure ? .failure : waited > backlogWarning ? .warning : .ok
            checks.append(
                HealthCheck(
                    id: "sync.backlog",
                    verdict,
                    "\(status.syncBacklog) event\(status.syncBacklog == 1 ? "" : "s") waiting for the hub, the oldest for \(duration(waited))",
                    fix: verdict == .ok ? nil : "check the hub lines above and: systemctl status careconnect-sync"
                )
            )
        } else {
            checks.append(HealthCheck(id: "sync.backlog", .ok, "Nothing waiting for the hub"))
        }

        if let last = snapshot.lastSyncSuccessAt {
            let since = age(last)
            let verdict: HealthCheck.Verdict =
                snapshot.oldestUnsentAt == nil
                ? .ok : since > backlogFailure ? .failure : since > backlogWarning ? .warning : .ok
            let error = snapshot.lastSyncError.flatMap { $0.isEmpty ? nil : $0 }
            checks.append(
                HealthCheck(
                    id: "sync.last_success",
                    verdict,
                    "Last successful sync \(duration(since)) ago" + (error.map { "; last error: \($0)" } ?? ""),
                    fix: verdict == .ok ? nil : "check the hub lines above and: journalctl -u careconnect-sync -n 50"
                )
            )
        } else if hubConfigured {
            checks.append(
                HealthCheck(
                    id: "sync.last_success",
                    snapshot.oldestUnsentAt == nil ? .ok : .warning,
                    "Never synced with the hub yet",
                    fix: "check the device is enrolled (careconnect provision --enrol CODE) and careconnect-sync runs"
                )
            )
        }

        if let refusal = snapshot.simPINRefusals.first {
            // careconnect-smsd records a refused PIN and never enters it again; this shows even while it owns
            // the modem port.
            checks.append(
                HealthCheck(
                    id: "modem.pin_refused",
                    .failure,
                    "The configured SIM PIN was refused: \(refusal); it will not be entered again",
                    fix: "correct [modem] sim_pin from the SIM's paperwork (careconnect provision --sim-pin PIN), "
                        + "then: systemctl restart careconnect-smsd"
                )
            )
        }
        let problems = status.outboundByState["unconfirmed", default: 0] + status.outboundByState["failed", default: 0]
        if status.deadLetters > 0 || status.undecodableParts > 0 || problems > 0 {
            var parts: [String] = []
            if status.deadLetters > 0 {
                parts.append("\(status.deadLetters) dead letter\(status.deadLetters == 1 ? "" : "s")")
            }
            if status.undecodableParts > 0 {
                parts.append("\(status.undecodableParts) undecodable text\(status.undecodableParts == 1 ? "" : "s")")
            }
            if problems > 0 { parts.append("\(problems) repl\(problems == 1 ? "y" : "ies") failed or unconfirmed") }
            checks.append(
                HealthCheck(
                    id: "errors",
                    .warning,
                    "Errors kept for review: " + parts.joined(separator: ", "),
                    fix: "nothing is lost; run careconnect status for the details and report them to the project"
                )
            )
        } else {
            checks.append(HealthCheck(id: "errors", .ok, "No dead letters or undecodable texts"))
        }
        return checks
    }
}
