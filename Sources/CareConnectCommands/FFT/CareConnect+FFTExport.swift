// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import Foundation
import MessageStore

extension CareConnect.FFTCommand {
    /// `careconnect fft export --month YYYY-MM`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print one month's FFT counts per ward in the shape NHS England collects.",
            discussion: """
                One row per trust, site and ward: the six answer counts (1 Very Good … 6 Dont Know), Total \
                Responses, and the responses by mode (Mode SMS, Mode Electronic Discharge, …), with the \
                percentages positive ((1+2)/total) and negative ((4+5)/total) that NHS England publishes, \
                "Don't know" counted in the total. Kiosk answers count under their own ward and mode; scored \
                texts count under this device's [ward] with mode SMS. Answers flagged as suspected repeats \
                (a second rating within seconds of the previous one) are kept in the database but left out \
                unless --include-suspect. The month runs from midnight on its first day to midnight on the \
                first day of the next, in --time-zone.
                """
        )

        /// The modes NHS England's collection lists, in its order.
        static let modes = [
            "SMS", "Electronic Discharge", "Electronic Home", "Paper Discharge", "Paper Home", "Telephone", "Online",
            "Other",
        ]

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, json
        }

        @OptionGroup var device: DeviceOptions

        @Option(help: "The month to export, as YYYY-MM.")
        var month: String

        @Option(help: "csv (with a header row) or json (one object per ward).")
        var format: Format = .csv

        @Flag(help: "Count answers flagged as suspected repeats too.")
        var includeSuspect = false

        @Option(help: "The time zone that months are counted in.")
        var timeZone = "Europe/London"

        func run() throws {
            guard let zone = TimeZone(identifier: timeZone) else {
                throw CommandError("--time-zone \(timeZone): not a time zone name such as Europe/London")
            }
            guard let (start, end) = Self.monthRange(month, in: zone) else {
                throw CommandError("--month \(month): expected a month as YYYY-MM, such as 2026-11")
            }
            let configuration = try device.load()
            let path = configuration.storage.databasePath
            guard FileManager.default.fileExists(atPath: path) else {
                throw CommandError("no database at \(path): nothing recorded yet (--state-dir to look elsewhere)")
            }
            let store = try MessageStore(path: path)
            let ward = FFTWard(
                trustCode: configuration.ward.trustODSCode,
                siteCode: configuration.ward.siteCode,
                ward: configuration.ward.name
            )
            let counts = try store.fftCounts(
                from: start,
                to: end,
                smsWard: ward,
                includingSuspectRepeats: includeSuspect
            )
            switch format {
            case .csv: print(Self.csv(counts, month: month), terminator: "")
            case .json: print(try Self.json(counts, month: month))
            }
        }

        /// The first instant of `month` and of the month after, in `zone`.
        static func monthRange(_ month: String, in zone: TimeZone) -> (Date, Date)? {
            let parts = month.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
                let number = Int(parts[1]), (1...12).contains(number)
            else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            guard let start = calendar.date(from: DateComponents(year: year, month: number, day: 1)),
                let end = calendar.date(byAdding: .month, value: 1, to: start)
            else { return nil }
            return (start, end)
        }

        static func csv(_ counts: [FFTMonthlyCount], month: String) -> String {
            var header = ["Org code", "Site code", "Ward name", "Yearnumber", "Periodname"]
            header += ["1 Very Good", "2 Good", "3 Neither good nor poor", "4 Poor", "5 Very poor", "6 Dont Know"]
            header += ["Total Responses"] + modes.map { "Mode \($0)" } + ["Percentage Positive", "Percentage Negative"]
            var lines = [header.map(quoted).joined(separator: ",")]
            for count in counts {
                var fields = [count.trustCode, count.siteCode, count.ward, String(month.prefix(4)), month]
                fields += count.ratings.map(String.init) + [String(count.total)]
                // A mode outside NHS England's list (a misconfigured kiosk) is counted under Other.
                let unlisted = count.modes.filter { !modes.contains($0.key) }.values.reduce(0, +)
                fields += modes.map { mode in
                    String(count.modes[mode, default: 0] + (mode == "Other" ? unlisted : 0))
                }
                fields += [percentage(count.percentagePositive), percentage(count.percentageNegative)]
                lines.append(fields.map(quoted).joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        }

        static func json(_ counts: [FFTMonthlyCount], month: String) throws -> String {
            let objects: [[String: Any]] = counts.map { count in
                [
                    "trust_code": count.trustCode, "site_code": count.siteCode, "ward": count.ward, "month": month,
                    "very_good": count.ratings[0], "good": count.ratings[1], "neither": count.ratings[2],
                    "poor": count.ratings[3], "very_poor": count.ratings[4], "dont_know": count.ratings[5],
                    "total": count.total, "modes": count.modes,
                    "percentage_positive": count.percentagePositive as Any? ?? NSNull(),
                    "percentage_negative": count.percentageNegative as Any? ?? NSNull(),
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])
            return String(decoding: data, as: UTF8.self)
        }

        static func percentage(_ value: Double?) -> String {
            value.map { String(format: "%.1f", $0) } ?? ""
        }

        static func quoted(_ field: String) -> String {
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
