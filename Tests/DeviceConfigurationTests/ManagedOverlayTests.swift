// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import Testing
import WardConversation

/// The managed settings written beside a real configuration file and merged over it by `load(path:)`.
@Suite struct ManagedOverlayTests {
    /// A configuration file in a fresh directory, naming that directory as its state directory.
    struct Device {
        let directory: String
        var configurationPath: String { directory + "/careconnect.toml" }
        var overlayPath: String { DeviceConfiguration.managedSettingsPath(stateDirectory: directory) }

        init(_ body: String = Device.file) throws {
            directory =
                FileManager.default.temporaryDirectory.appendingPathComponent("managed-\(UUID().uuidString)")
                .path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try write(body)
        }

        static let file = """
            [ward]
            name = "Ward 7"
            trust_ods = "RXX"
            [conversation]
            max_replies_per_hour = 4
            [conversation.languages]
            cymraeg = "cy"
            [templates.cy]
            thanks_and_follow_up = "Diolch am eich sgôr o {ward}."
            thanks_for_comment = "Diolch."
            stopped = "Ni fyddwch yn cael negeseuon."
            started = "Croeso'n ôl."
            help = "Atebwch 1–6."
            language_chosen = "Byddwn yn ateb yn Gymraeg."
            [modem]
            device = "/dev/ttyUSB2"
            [kiosk]
            idle_seconds = 60
            rotation = 90
            """

        func write(_ body: String) throws {
            try DeviceConfiguration.writeFile(
                "[storage]\nstate_directory = \"\(directory)\"\n" + body + "\n",
                to: configurationPath,
                group: nil
            )
        }

        func apply(_ json: String, etag: String) throws {
            try DeviceConfiguration.applyManagedSettings(
                ManagedSettings(etag: etag, json: Data(json.utf8)),
                configurationPath: configurationPath
            )
        }

        func load() throws -> DeviceConfiguration { try DeviceConfiguration.load(path: configurationPath) }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// Should let each managed key win over the file, keep the file's other keys, and fall back to the file for a
    /// key the next document leaves out.
    @Test func overlayWinsAndKeysLeftOutFallBack() throws {
        let device = try Device()
        defer { device.remove() }
        #expect(try device.load().managed == nil)
        #expect(DeviceConfiguration.appliedManagedSettings(configurationPath: device.configurationPath) == nil)

        try device.apply(
            #"{"ward": {"name": "Ward 9"}, "kiosk": {"idle_seconds": 90}, "conversation": {"max_replies_per_day": 6}}"#,
            etag: "\"v3\""
        )
        var configuration = try device.load()
        #expect(configuration.ward.name == "Ward 9")
        #expect(configuration.conversation.wardName == "Ward 9")
        #expect(configuration.kiosk.idleSeconds == 90)
        #expect(configuration.conversation.maximumRepliesPerDay == 6)
        #expect(configuration.conversation.maximumRepliesPerHour == 4, "from the file")
        #expect(configuration.ward.trustODSCode == "RXX", "from the file")
        #expect(configuration.kiosk.rotation == 90, "from the file")
        #expect(configuration.modem.device == "/dev/ttyUSB2", "from the file")
        let keys = ["conversation.max_replies_per_day", "kiosk.idle_seconds", "ward.name"]
        #expect(configuration.managed == ManagedStatus(path: device.overlayPath, etag: "\"v3\"", keys: keys))
        let applied = try #require(
            DeviceConfiguration.appliedManagedSettings(configurationPath: device.configurationPath)
        )
        #expect(applied.etag == "\"v3\"")
        #expect(applied.keys == keys)

        // A new document replaces the previous one entirely: the ward name it leaves out comes from the file again
        try device.apply(#"{"kiosk": {"idle_seconds": 90}}"#, etag: "\"v4\"")
        configuration = try device.load()
        #expect(configuration.ward.name == "Ward 7")
        #expect(configuration.conversation.maximumRepliesPerDay == ConversationSettings().maximumRepliesPerDay)
        #expect(configuration.kiosk.idleSeconds == 90)
        #expect(configuration.managed?.keys == ["kiosk.idle_seconds"])

        // An empty document: every value is the file's
        try device.apply("{}", etag: "\"v0\"")
        configuration = try device.load()
        #expect(configuration.managed == ManagedStatus(path: device.overlayPath, etag: "\"v0\"", keys: []))
        var withoutOverlay = configuration
        withoutOverlay.managed = nil
        #expect(
            withoutOverlay
                == (try DeviceConfiguration.parse(String(contentsOfFile: device.configurationPath, encoding: .utf8)))
        )
    }

    /// Should merge reply texts and language keywords one by one over the file's.
    @Test func templatesAndKeywordsMergeTextByText() throws {
        let device = try Device()
        defer { device.remove() }
        try device.apply(
            #"{"templates": {"cy": {"help": "Atebwch gyda rhif."}}, "conversation": {"languages": {"welsh": "cy"}, "default_language": "cy"}}"#,
            etag: "\"v5\""
        )
        let configuration = try device.load()
        let welsh = try #require(configuration.conversation.templates["cy"])
        #expect(welsh.help == "Atebwch gyda rhif.")
        #expect(welsh.stopped == "Ni fyddwch yn cael negeseuon.", "from the file")
        #expect(configuration.conversation.languageKeywords["welsh"] == "cy")
        #expect(configuration.conversation.languageKeywords["cymraeg"] == "cy", "from the file")
        #expect(configuration.conversation.defaultLanguage == "cy")
    }

    /// Should refuse a document that does not fit the file, naming the key, and leave the overlay in force as it was.
    @Test func documentThatDoesNotFitTheFileIsRefused() throws {
        let device = try Device()
        defer { device.remove() }
        try device.apply(#"{"ward": {"name": "Ward 9"}}"#, etag: "\"v3\"")
        let before = try String(contentsOfFile: device.overlayPath, encoding: .utf8)

        func refusal(_ json: String) -> ConfigurationError? {
            do {
                try device.apply(json, etag: "\"v4\"")
                return nil
            } catch {
                return error as? ConfigurationError
            }
        }
        // A default language with no reply texts in the file or the document
        #expect(refusal(#"{"conversation": {"default_language": "de"}}"#)?.key == "conversation.default_language")
        // A keyword for a language with none
        #expect(
            refusal(#"{"conversation": {"languages": {"deutsch": "de"}}}"#)?.key == "conversation.languages.deutsch"
        )
        // A new language must give every text
        #expect(
            refusal(#"{"templates": {"de": {"help": "Antworten Sie 1–6."}}}"#)?.key
                == "templates.de.thanks_and_follow_up"
        )
        #expect(try String(contentsOfFile: device.overlayPath, encoding: .utf8) == before)
        #expect(try device.load().ward.name == "Ward 9")
        // The same language given whole is accepted
        try device.apply(
            #"{"templates": {"de": {"thanks_and_follow_up": "a", "thanks_for_comment": "b", "stopped": "c", "started": "d", "help": "e", "language_chosen": "f"}}, "conversation": {"default_language": "de"}}"#,
            etag: "\"v6\""
        )
        #expect(try device.load().conversation.templates(for: nil).help == "e")
    }

    /// Should write the overlay atomically with its header, mode 0640 and no temporary file left; the same document
    /// again leaves the file as it is.
    @Test func overlayIsWrittenAtomicallyWithHeaderAndMode() throws {
        let device = try Device()
        defer { device.remove() }
        try device.apply(#"{"ward": {"name": "Ward 9"}}"#, etag: "\"v3\"")
        let text = try String(contentsOfFile: device.overlayPath, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines[0]
                == "# Settings managed by the hub for this ward; replaced by the next update. Edit them on the hub, not here."
        )
        #expect(lines[1] == "# etag: \"v3\"")
        #expect(text.contains("[ward]"))
        let files = try FileManager.default.contentsOfDirectory(atPath: device.directory).sorted()
        #expect(files == ["careconnect.toml", "managed-settings.toml"])
        let attributes = try FileManager.default.attributesOfItem(atPath: device.overlayPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value

        try device.apply(#"{"ward": {"name": "Ward 9"}}"#, etag: "\"v3\"")
        let again = try FileManager.default.attributesOfItem(atPath: device.overlayPath)
        #expect((again[.systemFileNumber] as? NSNumber)?.uint64Value == inode, "the same document is not rewritten")
        try device.apply(#"{"ward": {"name": "Ward 10"}}"#, etag: "\"v4\"")
        let replaced = try FileManager.default.attributesOfItem(atPath: device.overlayPath)
        #expect(
            (replaced[.systemFileNumber] as? NSNumber)?.uint64Value != inode,
            "a new document is renamed into place"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: device.directory).count == 2)
    }

    /// Should run on the file's values and say what is wrong when the overlay cannot be used, never failing to load.
    @Test func unusableOverlayGivesFileValuesAndProblem() throws {
        let device = try Device()
        defer { device.remove() }
        let header =
            "# Settings managed by the hub for this ward; replaced by the next update. Edit them on the hub, not here.\n"

        // Not TOML at all
        try DeviceConfiguration.writeFile(
            header + "# etag: \"v3\"\n[ward\nname = 1",
            to: device.overlayPath,
            group: nil
        )
        var configuration = try device.load()
        #expect(configuration.ward.name == "Ward 7")
        #expect(configuration.managed?.etag == "\"v3\"")
        #expect(configuration.managed?.keys == [])
        #expect(
            configuration.managed?.problem?.hasPrefix("line 3:") == true,
            "\(String(describing: configuration.managed))"
        )
        #expect(DeviceConfiguration.appliedManagedSettings(configurationPath: device.configurationPath) == nil)

        // Edited by hand to set a local key: refused as a whole, naming the key
        try DeviceConfiguration.writeFile(
            header + "# etag: \"v3\"\n[ward]\nname = \"Ward 9\"\n[modem]\ndevice = \"/dev/ttyACM0\"\n",
            to: device.overlayPath,
            group: nil
        )
        configuration = try device.load()
        #expect(configuration.ward.name == "Ward 7")
        #expect(configuration.modem.device == "/dev/ttyUSB2")
        #expect(configuration.managed?.problem?.hasPrefix("modem.device: not a setting the hub may change") == true)

        // No etag line
        try DeviceConfiguration.writeFile("[ward]\nname = \"Ward 9\"\n", to: device.overlayPath, group: nil)
        configuration = try device.load()
        #expect(configuration.ward.name == "Ward 7")
        #expect(configuration.managed?.etag == nil)
        #expect(configuration.managed?.problem != nil)

        // Valid when applied, but the file changed since: the Welsh texts it relies on are gone
        try device.apply(#"{"conversation": {"default_language": "cy"}}"#, etag: "\"v7\"")
        #expect(try device.load().conversation.defaultLanguage == "cy")
        try device.write("[ward]\nname = \"Ward 8\"\n")
        configuration = try device.load()
        #expect(configuration.ward.name == "Ward 8")
        #expect(configuration.conversation.defaultLanguage == "en")
        #expect(
            configuration.managed?.problem?.hasPrefix("conversation.default_language: no reply texts for 'cy'") == true
        )
        #expect(configuration.managed?.summary.hasPrefix("version \"v7\" from the hub not applied: ") == true)
    }

    /// Should keep `parse` to the text it is given.
    @Test func parseIgnoresTheOverlay() throws {
        let device = try Device()
        defer { device.remove() }
        try device.apply(#"{"ward": {"name": "Ward 9"}}"#, etag: "\"v3\"")
        let parsed = try DeviceConfiguration.parse(String(contentsOfFile: device.configurationPath, encoding: .utf8))
        #expect(parsed.ward.name == "Ward 7")
        #expect(parsed.managed == nil)
    }

    /// Should name the device's own file when it is the one at fault.
    @Test func mistakeInTheFileIsNamedAsSuch() throws {
        let device = try Device("[modem]\nbaud = 7\n")
        defer { device.remove() }
        do {
            try device.apply(#"{"ward": {"name": "Ward 9"}}"#, etag: "\"v3\"")
            Issue.record("applied over a broken file")
        } catch let error as ConfigurationError {
            #expect(error.key == "modem.baud")
            #expect(error.message.hasSuffix("(in the device's own file \(device.configurationPath))"))
        }
        #expect(!FileManager.default.fileExists(atPath: device.overlayPath))
    }
}
