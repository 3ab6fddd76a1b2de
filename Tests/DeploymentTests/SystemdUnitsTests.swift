// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import Testing

/// The shipped systemd units and drop-ins, checked with systemd's own tools (`systemd-analyze verify`,
/// `systemd-analyze security --offline=true`, `systemd-sysusers --dry-run`, `systemd-escape`) and against what the
/// `careconnect` binary and its configuration expect.
@Suite(.serialized) struct SystemdUnitsTests {
    static let expectedUnits = [
        "careconnect-hub.service", "careconnect-kiosk.service", "careconnect-smsd.service", "careconnect-sync.service",
    ]
    /// The highest `systemd-analyze security` exposure allowed for any unit.
    static let exposureLimit = 2.0

    static func tool(_ name: String) throws -> String {
        try #require(ToolResult.tool(name), "\(name) is missing: `make deps` installs systemd")
    }

    static func unit(_ name: String) throws -> UnitFile {
        UnitFile(name: name, text: try DeploymentFiles.text(DeploymentFiles.systemd.appendingPathComponent(name)))
    }

    /// A scratch root holding this system's units, the shipped ones where the package installs them
    /// (/usr/lib/systemd/system) and an executable /usr/bin/careconnect, for `systemd-analyze verify --root`.
    static func scratchRoot(extra: [String: String] = [:]) throws -> URL {
        let manager = FileManager.default
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "careconnect-units-\(UUID().uuidString.prefix(8))"
        )
        let units = root.appendingPathComponent("usr/lib/systemd/system")
        try manager.createDirectory(at: units.deletingLastPathComponent(), withIntermediateDirectories: true)
        let stock = ["/usr/lib/systemd/system", "/lib/systemd/system"].first { manager.fileExists(atPath: $0) }
        try manager.copyItem(atPath: try #require(stock, "no systemd units on this system"), toPath: units.path)
        for name in try DeploymentFiles.units() {
            let target = units.appendingPathComponent(name)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.copyItem(at: DeploymentFiles.systemd.appendingPathComponent(name), to: target)
        }
        for (name, text) in extra {
            try text.write(to: units.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let bin = root.appendingPathComponent("usr/bin")
        try manager.createDirectory(at: bin, withIntermediateDirectories: true)
        let launcher = bin.appendingPathComponent("careconnect")
        try "#!/bin/sh\nexec '\(DeploymentFiles.binary.path)' \"$@\"\n".write(
            to: launcher,
            atomically: true,
            encoding: .utf8
        )
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: launcher.path)
        return root
    }

    static func verify(_ unit: String, root: URL) throws -> ToolResult {
        try ToolResult.run(
            try tool("systemd-analyze"),
            ["verify", "--man=no", "--generators=no", "--root=\(root.path)", unit]
        )
    }

    @Test func theFourServicesShip() throws {
        #expect(try DeploymentFiles.units() == Self.expectedUnits)
    }

    @Test func everyUnitPassesSystemdAnalyzeVerifyWithoutAWord() throws {
        let root = try Self.scratchRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        for unit in try DeploymentFiles.units() {
            let result = try Self.verify(unit, root: root)
            #expect(result.status == 0, "\(unit): \(result)")
            #expect(result.output.trimmingWhitespace().isEmpty, "\(unit): \(result)")
        }
    }

    /// The same check on a unit with a misspelt key and a missing program, to show it can fail.
    @Test func verifyComplainsAboutABrokenUnit() throws {
        let broken = try DeploymentFiles.text(
            DeploymentFiles.systemd.appendingPathComponent("careconnect-smsd.service")
        )
        .replacingOccurrences(of: "ExecStart=/usr/bin/careconnect ", with: "ExecStart=/usr/bin/careconnect-old ")
        .replacingOccurrences(of: "WatchdogSec=", with: "WatchDogSec=")
        let root = try Self.scratchRoot(extra: ["careconnect-broken.service": broken])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.verify("careconnect-broken.service", root: root)
        #expect(result.status != 0)
        #expect(result.output.contains("Unknown key 'WatchDogSec'"), "\(result)")
        #expect(result.output.contains("/usr/bin/careconnect-old is not executable"), "\(result)")
    }

    @Test func everyUnitIsExposedLessThanTheLimit() throws {
        for unit in try DeploymentFiles.units() {
            let path = DeploymentFiles.systemd.appendingPathComponent(unit).path
            let result = try ToolResult.run(
                try Self.tool("systemd-analyze"),
                ["security", "--offline=true", "--no-pager", path]
            )
            #expect(result.status == 0, "\(unit): \(result)")
            let exposure = try #require(
                Self.overallExposure(result.output),
                "\(unit): no overall exposure in \(result)"
            )
            #expect(exposure <= Self.exposureLimit, "\(unit): exposure \(exposure)\n\(result.output)")
        }
    }

    /// `→ Overall exposure level for careconnect-smsd.service: 0.8 SAFE 😀` → 0.8.
    static func overallExposure(_ output: String) -> Double? {
        output.split(separator: "\n").first { $0.contains("Overall exposure level for") }
            .flatMap { line in line.split(separator: ":").last?.split(separator: " ").first }
            .flatMap { Double($0) }
    }

    @Test func everyServiceNotifiesSystemdAndIsRestartedAndWatched() throws {
        for name in Self.expectedUnits {
            let unit = try Self.unit(name)
            #expect(unit.value("Type") == "notify", "\(name)")
            #expect(unit.value("NotifyAccess") == "main", "\(name)")
            let watchdog = try #require(unit.value("WatchdogSec"), "\(name) has no WatchdogSec")
            let span = try ToolResult.run(try Self.tool("systemd-analyze"), ["timespan", watchdog])
            #expect(span.status == 0, "\(name): WatchdogSec=\(watchdog): \(span)")
            #expect(["always", "on-failure"].contains(unit.value("Restart") ?? ""), "\(name)")
            #expect(unit.value("RestartSec") != nil, "\(name)")
            #expect(unit.value("StartLimitIntervalSec", in: "Unit") != nil, "\(name)")
            #expect(unit.value("StartLimitBurst", in: "Unit") != nil, "\(name)")
            #expect(unit.value("WantedBy", in: "Install") == "multi-user.target", "\(name)")
        }
    }

    @Test func everyServiceIsLockedDown() throws {
        let common: [String: String] = [
            "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes", "NoNewPrivileges": "yes",
            "CapabilityBoundingSet": "", "SystemCallArchitectures": "native", "SystemCallFilter": "@system-service",
            "ProtectKernelTunables": "yes", "ProtectKernelModules": "yes", "ProtectKernelLogs": "yes",
            "ProtectControlGroups": "yes", "ProtectClock": "yes", "ProtectHostname": "yes", "LockPersonality": "yes",
            "MemoryDenyWriteExecute": "yes", "RestrictRealtime": "yes", "RestrictSUIDSGID": "yes",
            "RestrictNamespaces": "yes", "UMask": "0077", "ProtectProc": "invisible", "ProcSubset": "pid",
            "DevicePolicy": "closed", "StateDirectoryMode": "0700",
        ]
        for name in Self.expectedUnits {
            let unit = try Self.unit(name)
            for (key, value) in common {
                #expect(unit.value(key) == value, "\(name): \(key)=\(unit.value(key) ?? "(unset)")")
            }
            #expect(unit.value("User") != "root" && unit.value("User") != nil, "\(name)")
            #expect(unit.value("ExecStart")?.hasPrefix("/usr/bin/careconnect ") == true, "\(name)")
        }
        let smsd = try Self.unit("careconnect-smsd.service")
        // Started by the modem's device unit (the udev rule's SYSTEMD_WANTS) and stopped once it is gone.
        #expect(smsd.values("After", in: "Unit").contains("dev-careconnect\\x2dmodem.device"))
        #expect(smsd.value("StopWhenUnneeded", in: "Unit") == "yes")
        #expect(smsd.value("PrivateNetwork") == "yes")
        #expect(smsd.value("IPAddressDeny") == "any")
        #expect(smsd.value("RestrictAddressFamilies") == "AF_UNIX AF_NETLINK")
        #expect(smsd.values("DeviceAllow") == ["char-ttyUSB rw", "char-ttyACM rw"])
        #expect(smsd.value("SupplementaryGroups") == "dialout")
        let kiosk = try Self.unit("careconnect-kiosk.service")
        #expect(kiosk.value("PrivateNetwork") == "yes")
        #expect(kiosk.value("IPAddressDeny") == "any")
        #expect(kiosk.value("RestrictAddressFamilies") == "AF_UNIX AF_NETLINK")
        #expect(kiosk.values("DeviceAllow") == ["char-fb rw", "char-input r", "/dev/tty1 rw", "char-alsa rw"])
        for name in ["careconnect-sync.service", "careconnect-hub.service"] {
            let unit = try Self.unit(name)
            #expect(unit.value("PrivateDevices") == "yes", "\(name)")
            #expect(unit.values("DeviceAllow").isEmpty, "\(name)")
            #expect(unit.value("RestrictAddressFamilies") == "AF_INET AF_INET6 AF_UNIX", "\(name)")
        }
    }

    @Test func theDeviceUnitsShareTheDatabaseAndTheHubKeepsItsOwn() throws {
        for name in ["careconnect-smsd.service", "careconnect-kiosk.service", "careconnect-sync.service"] {
            let unit = try Self.unit(name)
            #expect(unit.value("User") == "careconnect", "\(name)")
            #expect(unit.value("StateDirectory") == "careconnect", "\(name)")
            #expect(unit.value("ExecStart")?.contains("--config /etc/careconnect/careconnect.toml") == true, "\(name)")
        }
        #expect(DeviceConfiguration().storage.stateDirectory == "/var/lib/careconnect")
        let hub = try Self.unit("careconnect-hub.service")
        #expect(hub.value("User") == "careconnect-hub")
        #expect(hub.value("StateDirectory") == "careconnect-hub")
        #expect(hub.value("ExecStart")?.contains("/var/lib/careconnect-hub/") == true)
    }

    @Test func theKioskOwnsTheConsoleItIsConfiguredFor() throws {
        let kiosk = try Self.unit("careconnect-kiosk.service")
        let console = DeviceConfiguration().kiosk.console
        #expect(kiosk.value("TTYPath") == console)
        let getty = "getty@\(console.split(separator: "/").last ?? "").service"
        #expect(kiosk.words("Conflicts").contains(getty))
        #expect(kiosk.words("After").contains(getty))
        #expect(kiosk.value("StandardInput") == "tty-fail")
        #expect(kiosk.values("DeviceAllow").contains("\(console) rw"))
    }

    @Test func theGatewayIsOrderedAfterTheModemTheRuleNames() throws {
        let escaped = try ToolResult.run(
            try Self.tool("systemd-escape"),
            ["--path", "--suffix=device", DeviceConfiguration().modem.device]
        )
        #expect(escaped.status == 0)
        let deviceUnit = escaped.output.trimmingWhitespace().replacingOccurrences(of: "\n", with: "")
        #expect(deviceUnit == "dev-careconnect\\x2dmodem.device")
        #expect(try Self.unit("careconnect-smsd.service").words("After").contains(deviceUnit))
        let sync = try Self.unit("careconnect-sync.service")
        #expect(sync.words("After").contains("network-online.target"))
        #expect(sync.words("Wants").contains("network-online.target"))
    }

    /// Every option an ExecStart= line passes is one its subcommand's --help lists.
    @Test func execStartLinesUseOptionsTheBinaryHas() throws {
        for name in Self.expectedUnits {
            let exec = try #require(try Self.unit(name).value("ExecStart"))
            let words = exec.split(separator: " ").map(String.init).dropFirst()
            let subcommand = Array(words.prefix { !$0.hasPrefix("-") })
            let help = try ToolResult.run(DeploymentFiles.binary.path, subcommand + ["--help"])
            #expect(help.status == 0, "\(name): careconnect \(subcommand.joined(separator: " ")) --help: \(help)")
            for option in words where option.hasPrefix("--") {
                #expect(help.output.contains(option), "\(name): \(option) is not in careconnect \(subcommand) --help")
            }
        }
    }

    @Test func theServiceUsersAreDeclaredForSystemdSysusers() throws {
        let file = DeploymentFiles.systemd.appendingPathComponent("sysusers.d/careconnect.conf")
        let result = try ToolResult.run(try Self.tool("systemd-sysusers"), ["--dry-run", file.path])
        #expect(result.status == 0, "\(result)")
        #expect(
            !result.output.contains("Failed") && !result.output.localizedCaseInsensitiveContains("invalid"),
            "\(result)"
        )
        let declared = try DeploymentFiles.text(file).split(separator: "\n")
            .filter { $0.hasPrefix("u ") }
            .compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init) }
        for name in Self.expectedUnits {
            let user = try #require(try Self.unit(name).value("User"))
            #expect(declared.contains(user), "\(name) runs as \(user), which sysusers.d does not create")
        }
    }

    /// Each drop-in key is one the installed systemd documents in its stock file (`#Key=default`), in the same
    /// section, and each time span parses.
    @Test(arguments: [
        ("system.conf.d/60-careconnect-watchdog.conf", "/etc/systemd/system.conf"),
        ("journald.conf.d/60-careconnect.conf", "/etc/systemd/journald.conf"),
    ])
    func dropInsUseKeysTheInstalledSystemdKnows(dropIn: String, stock: String) throws {
        let ours = UnitFile(
            name: dropIn,
            text: try DeploymentFiles.text(DeploymentFiles.systemd.appendingPathComponent(dropIn))
        )
        let stockText = try String(contentsOfFile: stock, encoding: .utf8)
        let documented = UnitFile(
            name: stock,
            text: stockText.split(separator: "\n").map { $0.hasPrefix("#") && $0.contains("=") ? $0.dropFirst() : $0 }
                .joined(separator: "\n")
        )
        #expect(!ours.entries.isEmpty)
        for entry in ours.entries {
            #expect(
                documented.entries.contains { $0.section == entry.section && $0.key == entry.key },
                "\(dropIn): [\(entry.section)] \(entry.key) is not in \(stock)"
            )
            if entry.key.hasSuffix("Sec") {
                let span = try ToolResult.run(try Self.tool("systemd-analyze"), ["timespan", entry.value])
                #expect(span.status == 0, "\(dropIn): \(entry.key)=\(entry.value): \(span)")
            }
        }
    }

    @Test func theHardwareWatchdogFitsTheRaspberryPiAndTheJournalAnSDCard() throws {
        let watchdog = UnitFile(
            name: "watchdog",
            text: try DeploymentFiles.text(
                DeploymentFiles.systemd.appendingPathComponent("system.conf.d/60-careconnect-watchdog.conf")
            )
        )
        // The BCM2835 watchdog counts at most 15 s; a longer RuntimeWatchdogSec= is refused by its driver.
        #expect(watchdog.value("RuntimeWatchdogSec", in: "Manager") == "15s")
        let journal = UnitFile(
            name: "journald",
            text: try DeploymentFiles.text(
                DeploymentFiles.systemd.appendingPathComponent("journald.conf.d/60-careconnect.conf")
            )
        )
        #expect(journal.value("Storage", in: "Journal") == "persistent")
        #expect(journal.value("SystemMaxUse", in: "Journal") == "200M")
    }
}
