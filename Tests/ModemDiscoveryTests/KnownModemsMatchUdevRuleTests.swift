// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import ModemDiscovery
import Testing

/// The fallback table of known modems and the udev rule name the same modems, AT interfaces and profiles, so a
/// modem the rule would mark is also found when the rule is not installed.
@Suite struct KnownModemsMatchUdevRuleTests {
    struct Entry: Hashable, CustomStringConvertible {
        var vendorID: String
        var productID: String
        var atInterface: Int
        var profile: String
        var description: String { "\(vendorID):\(productID) interface \(atInterface) (\(profile))" }
    }

    /// The `(id, interface, profile)` triples of `60-careconnect-modem.rules`, one per alternative of each
    /// `ENV{.CARECONNECT_USB_ID}=="a:b|c:d"` match.
    static func ruleEntries() throws -> Set<Entry> {
        let rules = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("udev-rules/60-careconnect-modem.rules")
        let text = try String(contentsOf: rules, encoding: .utf8)
        var entries: Set<Entry> = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && line.contains("CARECONNECT_MODEM_PROFILE")
        {
            guard let ids = Self.value(of: #"ENV{.CARECONNECT_USB_ID}==""#, in: line),
                let interface = Self.value(of: #"ENV{.CARECONNECT_USB_IF}==""#, in: line).flatMap({ Int($0) }),
                let profile = Self.value(of: #"ENV{CARECONNECT_MODEM_PROFILE}=""#, in: line)
            else {
                Issue.record("cannot read the rule line \(line)")
                continue
            }
            for id in ids.split(separator: "|") {
                let parts = id.split(separator: ":").map(String.init)
                #expect(parts.count == 2, "USB id \(id) in \(line)")
                guard parts.count == 2 else { continue }
                entries.insert(
                    Entry(vendorID: parts[0], productID: parts[1], atInterface: interface, profile: profile)
                )
            }
        }
        return entries
    }

    private static func value(of prefix: String, in line: Substring) -> String? {
        guard let start = line.range(of: prefix)?.upperBound, let end = line[start...].firstIndex(of: "\"") else {
            return nil
        }
        return String(line[start..<end])
    }

    /// Every modem the rule marks is in KnownModem.all with the same AT interface and profile, and back.
    @Test func tableAndRuleNameTheSameModems() throws {
        let rule = try Self.ruleEntries()
        let table = Set(
            KnownModem.all.map {
                Entry(vendorID: $0.vendorID, productID: $0.productID, atInterface: $0.atInterface, profile: $0.profile)
            }
        )
        #expect(rule.count >= 10)
        #expect(
            rule.subtracting(table).isEmpty,
            "in the udev rule but not in KnownModem.all: \(rule.subtracting(table))"
        )
        #expect(
            table.subtracting(rule).isEmpty,
            "in KnownModem.all but not in the udev rule: \(table.subtracting(rule))"
        )
    }

    /// A LARA-R6 01B or LARA-L6 AT port is found without the rule, in each USB mode, and its other
    /// interfaces are not taken for it.
    @Test(arguments: ["1311", "1312", "1313", "1341", "1342", "1343"])
    func findsUBloxLARAWithoutTheRule(productID: String) throws {
        let diagnostics = ModemCandidate(
            devnode: "/dev/ttyACM0",
            vendorID: "1546",
            productID: productID,
            interfaceNumber: 0
        )
        let at = ModemCandidate(devnode: "/dev/ttyACM1", vendorID: "1546", productID: productID, interfaceNumber: 1)
        let found = try StaticModemFinder([diagnostics, at]).locate(configuredPath: "/nonexistent/careconnect-modem")
        #expect(found?.devnode == "/dev/ttyACM1")
        #expect(found?.profile == "ublox")
    }
}
