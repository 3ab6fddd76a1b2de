// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SyncProtocol

extension WardPage {
    /// The ward's devices as their heartbeats describe them: last heard, settings version, queue and signal.
    static func devicesSection(_ devices: [HubDeviceStatus], settings etag: String, now: Date) -> String {
        let e = HTMLText.escape
        var html = "<h2>Devices</h2>\n"
        guard !devices.isEmpty else { return html + "<p>No device is enrolled.</p>\n" }
        html += "<table><tr><th>Device</th><th>Kind</th><th>Last heard</th><th>Settings</th>"
        html += "<th>Waiting to sync</th><th>Oldest waiting</th><th>Texts to send</th><th>Signal</th></tr>\n"
        for device in devices {
            var heard = "never"
            if let at = device.lastHeartbeatAt {
                heard = "<time datetime=\"\(e(SyncJSON.format(at)))\" title=\"\(e(SyncJSON.format(at)))\">"
                heard += "\(e(age(of: at, now: now)))</time>"
            }
            var settings = ""
            if let current = device.hasSettings(etag) {
                settings = e(version(device.configETag ?? ConfigurationDocument.emptyETag))
                settings += current ? " (current)" : " <strong>(behind)</strong>"
            }
            let oldest = device.oldestUnsentSeconds.map { duration(seconds: $0) } ?? ""
            let bars = device.signalBars.map { "\($0) of 5" } ?? ""
            html += "<tr><td>\(e(device.deviceID))</td><td>\(e(device.kind))</td><td>\(heard)</td>"
            html += "<td>\(settings)</td><td>\(device.queueDepth.map(String.init) ?? "")</td>"
            html += "<td>\(e(oldest))</td><td>\(device.outgoingTexts.map(String.init) ?? "")</td>"
            html += "<td>\(e(bars))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// The ward's managed settings, read-only: the version and the document.
    static func settingsSection(_ document: ConfigurationDocument) -> String {
        let e = HTMLText.escape
        var html = "<h2>Managed settings</h2>\n"
        guard document.etag != ConfigurationDocument.emptyETag else {
            return html + "<p>None: each device uses its own configuration file.</p>\n"
        }
        html += "<p>Version \(e(version(document.etag)))</p>\n"
        guard document.config != .object([:]) else {
            return html + "<p>Empty: each device uses its own configuration file.</p>\n"
        }
        return html + "<pre>\(e(prettyPrinted(document.config)))</pre>\n"
    }

    /// An entity tag as staff read it: `"v3"` is v3.
    static func version(_ etag: String) -> String {
        var tag = Substring(etag)
        if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
        return tag.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }

    /// How long ago `date` was, in the largest whole unit: "45 s ago", "3 min ago", "2 h ago", "4 days ago".
    static func age(of date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date).rounded(.down))
        guard seconds >= 0 else { return "just now" }
        return duration(seconds: seconds) + " ago"
    }

    /// A length of time in its largest whole unit.
    static func duration(seconds: Int) -> String {
        switch seconds {
        case ..<60: "\(seconds) s"
        case ..<3_600: "\(seconds / 60) min"
        case ..<86_400: "\(seconds / 3_600) h"
        case ..<172_800: "1 day"
        default: "\(seconds / 86_400) days"
        }
    }

    /// A JSON value indented, keys in order.
    static func prettyPrinted(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
