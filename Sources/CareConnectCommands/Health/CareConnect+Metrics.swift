// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import DeviceHealth
import Foundation

extension CareConnect {
    /// `careconnect metrics`: the device's gauges as a node_exporter textfile.
    struct Metrics: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the device's gauges for node_exporter's textfile collector (no listening port).",
            discussion: """
                Reads the database and writes queue depths, the sync backlog and the age of its oldest event, \
                dead letters, undecodable PDUs, the last text in and out, the last successful sync and (when \
                careconnect-smsd has reported it) the signal in bars, in the Prometheus text format. The file is \
                replaced atomically (a temporary file and rename), so it is safe to run from a timer every \
                minute. Timestamps are seconds since 1970; 0 means never. Without --textfile it prints to \
                standard output.
                """
        )

        @OptionGroup var device: DeviceOptions

        @Option(help: "Write here, for example /var/lib/prometheus/node-exporter/careconnect.prom.")
        var textfile: String?

        func run() async throws {
            let configuration = try device.load()
            let path = configuration.storage.databasePath
            guard let snapshot = try StoreSnapshot.read(path: path) else {
                throw CommandError(
                    "no database at \(path): has careconnect smsd run yet? (--state-dir to look elsewhere)"
                )
            }
            let status = await SystemctlServices().statusText(of: DeviceDoctor.smsdUnit)
            let metrics = MetricsTextfile(
                snapshot: snapshot,
                signalBars: MetricsTextfile.signalBars(fromStatus: status),
                now: Date()
            )
            guard let textfile else {
                print(metrics.text, terminator: "")
                return
            }
            do {
                try metrics.write(to: textfile)
            } catch {
                throw CommandError("cannot write \(textfile): \(error.localizedDescription)")
            }
        }
    }
}
