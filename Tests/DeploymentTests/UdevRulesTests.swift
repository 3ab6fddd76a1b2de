// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import KioskUI
import ModemDiscovery
import ModemEngine
import Testing

/// The shipped udev rules, parsed against udev's grammar and applied to `udevadm info` dumps of every supported
/// modem's interfaces, a non-modem serial adapter, the board's UART, a touchscreen, a keyboard and the framebuffer.
@Suite struct UdevRulesTests {
    static let symlink = "careconnect-modem"

    @Test func everyShippedRuleFileFollowsUdevGrammar() throws {
        let files = try DeploymentFiles.ruleFiles()
        #expect(files.map(\.name) == ["60-careconnect-modem.rules", "61-careconnect-touchscreen.rules"])
        for file in files {
            let rules = try UdevRuleParser.parse(file.text, file: file.name)
            #expect(rules.count >= 5, "\(file.name): \(rules.count) rules")
        }
    }

    @Test(arguments: [
        ("ATTRS{idVendor}=\"2c7c\"", "ATTRS{idVendor} is a match key; use == or !=, not ="),
        ("KERNEL+=\"ttyUSB*\"", "KERNEL is a match key; use == or !=, not +="),
        ("GROUP==\"dialout\"", "GROUP is an assignment key; == cannot match it"),
        ("GROUP+=\"dialout\"", "GROUP does not take += (allowed: == != := =)"),
        ("ENV{ID_MM_DEVICE_IGNORE}-=\"1\"", "ENV{ID_MM_DEVICE_IGNORE} does not take -= (allowed: == != += =)"),
        ("ENV{id_mm}=\"1\"", "ENV{id_mm}: property names are upper case, digits, _ (and a leading . for private)"),
        ("SYMLNK+=\"careconnect-modem\"", "unknown key SYMLNK"),
        ("ATTRS==\"2c7c\"", "ATTRS needs an {attribute}"),
        ("KERNEL{x}==\"tty\"", "KERNEL takes no {attribute}"),
        ("MODE=\"rw-rw----\"", "MODE \"rw-rw----\" is not an octal mode"),
        ("SYMLINK+=\"/dev/careconnect-modem\"", "SYMLINK is relative to /dev, not \"/dev/careconnect-modem\""),
        ("KERNEL==ttyUSB0", "the value of KERNEL must be in double quotes"),
        ("KERNEL==\"ttyUSB0", "the value of KERNEL has no closing quote"),
        ("KERNEL==\"ttyUSB0\" GROUP=\"dialout\"", "a comma must separate KERNEL from what follows"),
        ("KERNEL==\"ttyUSB0\",", "a rule ends with a comma"),
        ("KERNEL==\"ttyUSB0\", GOTO=\"nowhere\"", "GOTO \"nowhere\" has no LABEL after it in this file"),
        ("KERNEL==\"ttyUSB0\", \\\n# comment\nGROUP=\"dialout\"", "a comment inside a continued line"),
    ])
    func grammarRefusesMistakes(rule: String, message: String) {
        let error = #expect(throws: UdevRuleError.self) {
            _ = try UdevRuleParser.parse(rule, file: "test.rules")
        }
        #expect(error?.message == message)
    }

    @Test func continuedLinesAndCommentsParseAsOneRule() throws {
        let text = """
            # a comment
            SUBSYSTEM=="tty", \\
              ATTRS{idVendor}=="2c7c",\t\\
              ENV{X}="a \\"quoted\\" word", GOTO="end"

            LABEL="end"
            """
        let rules = try UdevRuleParser.parse(text, file: "test.rules")
        #expect(rules.count == 2)
        #expect(rules[0].line == 2)
        #expect(rules[0].tokens.map(\.name) == ["SUBSYSTEM", "ATTRS{idVendor}", "ENV{X}", "GOTO"])
        #expect(rules[0].tokens[2].value == "a \"quoted\" word")
        #expect(rules[1].label == "end")
    }

    // MARK: - The modem rules against recorded devices

    static func outcome(_ dump: UdevDeviceDump) throws -> UdevRuleSet.Outcome {
        try UdevRuleSet(files: try DeploymentFiles.ruleFiles()).apply(to: dump)
    }

    @Test func theFixturesCoverEverySupportedModemAndSomeNonModems() throws {
        let dumps = try DeploymentFiles.dumps()
        let modems = dumps.filter { $0.expectation.hasPrefix("modem") }
        let untouchedSerial = dumps.filter { $0.expectation == "untouched" && $0.properties["SUBSYSTEM"] == "tty" }
        #expect(modems.count == KnownModem.all.count)
        #expect(untouchedSerial.count >= 20)
        #expect(dumps.allSatisfy { !$0.expectation.isEmpty }, "every fixture says what to expect")
    }

    @Test func theATInterfaceOfEachSupportedModemIsNamedMarkedAndHandedToTheGateway() throws {
        for dump in try DeploymentFiles.dumps() where dump.expectation.hasPrefix("modem") {
            let profile = String(dump.expectation.split(separator: "=").last ?? "")
            let result = try Self.outcome(dump)
            #expect(result.symlinks == [Self.symlink], "\(dump.name)")
            #expect(result.group == "dialout", "\(dump.name)")
            #expect(result.mode == "0660", "\(dump.name)")
            #expect(result.tags.contains("systemd"), "\(dump.name)")
            #expect(result.properties["ID_MM_DEVICE_IGNORE"] == "1", "\(dump.name)")
            #expect(result.properties["CARECONNECT_MODEM"] == "1", "\(dump.name)")
            #expect(result.properties[ModemConfiguration.profileEnvironmentKey] == profile, "\(dump.name)")
            #expect(result.properties["SYSTEMD_WANTS"] == "careconnect-smsd.service", "\(dump.name)")
            #expect(!result.properties.keys.contains { $0.hasPrefix(".") }, "\(dump.name): private properties leak")
        }
    }

    @Test func everyOtherSerialPortIsLeftAlone() throws {
        for dump in try DeploymentFiles.dumps() where dump.expectation == "untouched" {
            let result = try Self.outcome(dump)
            #expect(result.symlinks.isEmpty, "\(dump.name)")
            #expect(result.group == nil && result.mode == nil && result.owner == nil, "\(dump.name)")
            #expect(result.tags.isEmpty, "\(dump.name)")
            #expect(result.properties == dump.properties, "\(dump.name): properties changed")
        }
    }

    @Test func aRemovedModemIsNotMatched() throws {
        let dump = try #require(try DeploymentFiles.dumps().first { $0.name == "quectel-ec25-if2.txt" })
        let result = try UdevRuleSet(files: try DeploymentFiles.ruleFiles()).apply(to: dump, action: "remove")
        #expect(result.symlinks.isEmpty)
        #expect(result.properties == dump.properties)
    }

    @Test func everyModemTheDiscoveryTableKnowsHasARuleWithTheSameInterfaceAndProfile() throws {
        let dumps = try DeploymentFiles.dumps()
        for known in KnownModem.all {
            let atPort = dumps.first {
                $0.properties["ID_VENDOR_ID"] == known.vendorID && $0.properties["ID_MODEL_ID"] == known.productID
                    && $0.properties["ID_USB_INTERFACE_NUM"].flatMap { Int($0, radix: 16) } == known.atInterface
            }
            let dump = try #require(atPort, "no fixture for \(known.name)'s AT interface")
            let result = try Self.outcome(dump)
            #expect(result.properties[ModemConfiguration.profileEnvironmentKey] == known.profile, "\(known.name)")
            #expect(result.symlinks == [Self.symlink], "\(known.name)")
        }
    }

    @Test func everyProfileTheRulesNameIsOneTheEngineHas() throws {
        let rules = try UdevRuleSet(files: try DeploymentFiles.ruleFiles()).rules
        let named = rules.flatMap(\.tokens).filter {
            $0.key == "ENV" && $0.attribute == ModemConfiguration.profileEnvironmentKey && !$0.op.isMatch
        }
        #expect(Set(named.map(\.value)) == ["quectel", "simcom", "huawei", "ublox"])
        for token in named {
            #expect(ModemQuirks.named(token.value) != nil, "profile \(token.value)")
        }
    }

    @Test func theSymlinkIsTheConfiguredDefaultAndTheWantedUnitShips() throws {
        #expect(DeviceConfiguration().modem.device == "/dev/\(Self.symlink)")
        let units = try DeploymentFiles.units()
        let rules = try UdevRuleSet(files: try DeploymentFiles.ruleFiles()).rules
        let wanted = rules.flatMap(\.tokens).filter { $0.key == "ENV" && $0.attribute == "SYSTEMD_WANTS" }
        #expect(!wanted.isEmpty)
        for token in wanted {
            #expect(units.contains(token.value), "SYSTEMD_WANTS names \(token.value), which is not in systemd/")
        }
    }

    @Test func everyModemRuleCarriesACommentNamingTheModem() throws {
        let file = try #require(try DeploymentFiles.ruleFiles().first { $0.name == "60-careconnect-modem.rules" })
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for rule in try UdevRuleParser.parse(file.text, file: file.name)
        where rule.tokens.contains(where: { $0.attribute == ModemConfiguration.profileEnvironmentKey }) {
            let comment = lines[rule.line - 2]
            #expect(comment.hasPrefix("# "), "line \(rule.line) has no comment above it")
            #expect(comment.contains("interface"), "line \(rule.line - 1): \(comment)")
        }
    }

    // MARK: - Kiosk rules

    @Test func theTouchscreenIsForTheInputGroupOnlyAndTheKeyboardIsLeftAlone() throws {
        let dumps = try DeploymentFiles.dumps()
        let touch = try Self.outcome(try #require(dumps.first { $0.expectation == "touchscreen" }))
        #expect(touch.group == "input")
        #expect(touch.mode == "0660")
        #expect(touch.symlinks.isEmpty)
        let keyboard = try #require(dumps.first { $0.name == "keyboard-event1.txt" })
        let result = try Self.outcome(keyboard)
        #expect(result.group == nil && result.mode == nil)
    }

    @Test func theFramebufferIsForTheVideoGroup() throws {
        let dump = try #require(try DeploymentFiles.dumps().first { $0.expectation == "framebuffer" })
        let result = try Self.outcome(dump)
        #expect(result.group == "video")
        #expect(result.mode == "0660")
    }

    /// The calibration examples, uncommented as the rules file tells staff to, give the kiosk a matrix it reads and
    /// that turns the panel's corners the way each comment says.
    @Test func eachCalibrationExampleGivesTheKioskTheMatrixItsCommentDescribes() throws {
        var files = try DeploymentFiles.ruleFiles()
        let index = try #require(files.firstIndex { $0.name == "61-careconnect-touchscreen.rules" })
        let lines = files[index].text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let examples = lines.indices.filter { lines[$0].hasPrefix("#ATTRS{name}==") }
        #expect(examples.count == 4)
        let touch = try #require(try DeploymentFiles.dumps().first { $0.expectation == "touchscreen" })
        // Where the top-left corner of the touch panel lands on the picture for each comment.
        let topLeft: [String: (Double, Double)] = [
            "90°": (1, 0), "180°": (1, 1), "270°": (0, 1), "mirrored": (1, 0),
        ]
        for line in examples {
            var edited = lines
            edited[line].removeFirst()
            files[index].text = edited.joined(separator: "\n")
            let result = try UdevRuleSet(files: files).apply(to: touch)
            let text = try #require(result.properties[TouchCalibrationProperty.name], "line \(line + 1)")
            let matrix = try #require(CalibrationMatrix(parsing: text), "line \(line + 1): \(text)")
            let comment = lines[line - 1]
            let expected = try #require(topLeft.first { comment.contains($0.key) }?.value, "\(comment)")
            let corner = matrix.apply(x: 0, y: 0)
            #expect(corner.x == expected.0 && corner.y == expected.1, "\(comment) → \(text)")
            #expect(result.group == "input")
        }
    }
}

/// The udev property the kiosk reads its calibration from (KioskLinux's `TouchCalibration.udevProperty`).
enum TouchCalibrationProperty {
    static let name = "LIBINPUT_CALIBRATION_MATRIX"
}
