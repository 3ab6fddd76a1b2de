// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SyncProtocol

/// The staff page of one ward, as plain HTML with every value escaped.
enum WardPage {
    /// The answers of the FFT question, in order.
    static let ratingNames = ["Very good", "Good", "Neither good nor poor", "Poor", "Very poor", "Don't know"]

    /// The page; times of day are shown in UTC and ages are counted back from `now`.
    static func render(_ summary: HubStore.WardSummary, notice: String?, now: Date = Date()) -> String {
        let e = HTMLText.escape
        let ward = e(summary.ward)
        let action = e("/wards/" + pathComponent(summary.ward) + "/replies")
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(ward) – Care Connect</title>
            <style>body{font-family:sans-serif;max-width:60em;margin:1em auto}td,th{padding:.2em .6em;text-align:left}</style>
            </head><body>
            <h1>\(ward)</h1>

            """
        if let notice { html += "<p role=\"status\"><strong>\(e(notice))</strong></p>\n" }
        html += "<p>Devices: \(summary.devices.isEmpty ? "none" : summary.devices.map(e).joined(separator: ", "))</p>\n"
        html += "<h2>Friends and Family Test</h2>\n<table><tr><th>Answer</th><th>Count</th></tr>\n"
        for (index, name) in ratingNames.enumerated() {
            html += "<tr><td>\(e(name))</td><td>\(summary.fftCounts[index + 1, default: 0])</td></tr>\n"
        }
        html += "</table>\n<h2>Recent feedback and texts</h2>\n<table>\n"
        html += "<tr><th>When (UTC)</th><th>What</th><th>Answer</th><th>Text</th><th>Reply</th></tr>\n"
        for item in summary.recent {
            let rating = item.rating.flatMap { (1...6).contains($0) ? ratingNames[$0 - 1] : nil } ?? ""
            var reply = ""
            if let sender = item.sender {
                reply = """
                    <form method="post" action="\(action)"><input type="hidden" name="to" value="\(e(sender))">\
                    <input type="hidden" name="in_reply_to" value="\(e(item.eventID))">\
                    <input name="text" required maxlength="480" aria-label="Reply to \(e(sender))">\
                    <button type="submit">Send</button></form>
                    """
            }
            html += "<tr><td>\(e(SyncJSON.format(item.occurredAt)))</td><td>\(e(item.sender ?? item.type))</td>"
            html += "<td>\(e(rating))</td><td>\(e(item.text ?? ""))</td><td>\(reply)</td></tr>\n"
        }
        html += "</table>\n<h2>Replies sent from here</h2>\n<table><tr><th>Command</th><th>To</th><th>State</th></tr>\n"
        for command in summary.commands {
            html += "<tr><td>\(e(command.commandID))</td><td>\(e(command.to))</td><td>\(e(command.state))</td></tr>\n"
        }
        html += "</table>\n"
        html += devicesSection(summary.deviceStatuses, settings: summary.configuration.etag, now: now)
        html += settingsSection(summary.configuration)
        html += "</body></html>\n"
        return html
    }

    /// A ward name as one percent-encoded path segment.
    static func pathComponent(_ ward: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return ward.addingPercentEncoding(withAllowedCharacters: allowed) ?? ward
    }
}
