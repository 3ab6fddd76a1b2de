// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import Testing
import WardConversation

@Suite struct DeviceConfigurationTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Documentation/careconnect.example.toml").path

    @Test func missingFileGivesDefaults() throws {
        let configuration = try DeviceConfiguration.load(path: "/nonexistent/careconnect.toml")
        #expect(configuration == DeviceConfiguration())
        #expect(configuration.modem.baud == 115_200)
        #expect(configuration.conversation.templates.keys.sorted() == ["en", "pl", "ur"])
    }

    @Test func exampleFileLoads() throws {
        let configuration = try DeviceConfiguration.load(path: Self.example)
        #expect(configuration.ward.name == "Ward 7")
        #expect(configuration.conversation.wardName == "Ward 7")
        #expect(configuration.ward.trustODSCode == "RXX")
        #expect(configuration.conversation.languageKeywords["cymraeg"] == "cy")
        #expect(configuration.conversation.templates["cy"]?.stopped.hasPrefix("Ni fyddwch") == true)
        #expect(
            InboundIntent.classify("Cymraeg", languages: configuration.conversation.languageKeywords) == .language("cy")
        )
    }

    @Test func kioskSectionLoads() throws {
        let configuration = try DeviceConfiguration.parse(
            """
            [kiosk]
            framebuffer = "/dev/fb1"
            rotation = 90
            width_mm = 154.2
            height_mm = 86
            calibration = "0 -1 1 1 0 0"
            specialty_codes = ["300", "420"]
            languages = ["en", "ur", "bn"]
            audience = "easy-read"
            staff_pin = "2468"
            mount_height_mm = 900
            """
        )
        #expect(configuration.kiosk.framebuffer == "/dev/fb1")
        #expect(configuration.kiosk.rotation == 90)
        #expect(configuration.kiosk.widthMillimetres == 154.2)
        #expect(configuration.kiosk.heightMillimetres == 86)
        #expect(configuration.kiosk.specialtyCodes == ["300", "420"])
        #expect(configuration.kiosk.languages == ["en", "ur", "bn"])
        #expect(configuration.kiosk.audience == "easy-read")
        #expect(configuration.kiosk.staffPIN == "2468")
        #expect(configuration.kiosk.mode == "Electronic Discharge")
    }

    @Test(arguments: [
        ("[modem]\nbaud = \"fast\"\n", "modem.baud: must be a whole number"),
        ("[modem]\nbuad = 9600\n", "modem.buad: unknown key"),
        ("[modem]\nbaud = 12\n", "modem.baud: must be between 300 and 4000000, got 12"),
        ("[ward]\ntrust_ods = \"RX\"\n", "ward.trust_ods: an ODS code has 3 or 5"),
        ("[modem]\nsim_pin = \"12a4\"\n", "modem.sim_pin: a SIM PIN is 4 to 8 digits"),
        ("[conversation.languages]\ngaeilge = \"ga\"\n", "conversation.languages.gaeilge: no reply texts for 'ga'"),
        ("[templates.ga]\nhelp = \"x\"\n", "templates.ga."),
        ("[ward\nname = 1\n", "line 1:"),
        ("[kiosk]\nrotation = 45\n", "kiosk.rotation: must be 0, 90, 180 or 270"),
        ("[kiosk]\ncalibration = \"1 0 0\"\n", "kiosk.calibration: six numbers"),
        ("[kiosk]\naudience = \"adults\"\n", "kiosk.audience: one of standard, children, easy-read"),
        ("[kiosk]\nstaff_pin = \"12\"\n", "kiosk.staff_pin: a PIN is 4 to 8 digits"),
        ("[kiosk]\nspecialty_codes = \"300\"\n", "kiosk.specialty_codes: must be a list of strings"),
        ("[kiosk]\nwidth_mm = \"wide\"\n", "kiosk.width_mm: must be a number"),
    ])
    func badFilesNameTheKey(text: String, message: String) {
        do {
            _ = try DeviceConfiguration.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
