// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import ModemDiscovery
import Testing

@Suite struct ModemDiscoveryTests {
    /// libudev lists the same tty devices sysfs shows (the machine's consoles and virtual terminals).
    @Test func udevListsTheMachinesTTYs() throws {
        let candidates = try UdevModemFinder().candidates()
        let sysfs = try FileManager.default.contentsOfDirectory(atPath: "/sys/class/tty")
        let nodes = Set(candidates.map { ($0.devnode as NSString).lastPathComponent })
        let withNodes = sysfs.filter { FileManager.default.fileExists(atPath: "/dev/\($0)") }
        #expect(!candidates.isEmpty)
        #expect(Set(withNodes).isSubset(of: nodes.union(["console", "ptmx", "tty"])))
    }

    @Test func prefersTheConfiguredPath() throws {
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("modem-\(UUID().uuidString)").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        defer { try? FileManager.default.removeItem(atPath: link) }
        let finder = StaticModemFinder([
            ModemCandidate(devnode: "/dev/ttyUSB2", vendorID: "2c7c", productID: "0125", interfaceNumber: 2)
        ])
        #expect(try finder.locate(configuredPath: link)?.devnode == link)
    }

    @Test func fallsBackToRuleMarkThenKnownModem() throws {
        let quectelAT = ModemCandidate(devnode: "/dev/ttyUSB2", vendorID: "2c7c", productID: "0125", interfaceNumber: 2)
        let quectelGNSS = ModemCandidate(
            devnode: "/dev/ttyUSB1",
            vendorID: "2c7c",
            productID: "0125",
            interfaceNumber: 1
        )
        let marked = ModemCandidate(devnode: "/dev/ttyACM0", profile: "ublox", markedByRule: true)
        let missing = "/nonexistent/careconnect-modem"
        #expect(
            try StaticModemFinder([quectelGNSS, quectelAT]).locate(configuredPath: missing)?.devnode == "/dev/ttyUSB2"
        )
        #expect(try StaticModemFinder([quectelGNSS, quectelAT]).locate(configuredPath: missing)?.profile == "quectel")
        #expect(try StaticModemFinder([quectelAT, marked]).locate(configuredPath: missing)?.devnode == "/dev/ttyACM0")
        #expect(try StaticModemFinder([quectelGNSS]).locate(configuredPath: missing) == nil)
    }
}
