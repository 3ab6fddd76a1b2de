// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import Testing
import WardConversation

/// The hub's managed settings on their own: which keys they may hold, the file's checks on each value, and
/// JSON ↔ TOML.
@Suite struct ManagedSettingsTests {
    /// Every managed key with a valid value.
    static let everyKey = """
        {
          "ward": {"name": "Ward 9", "trust_ods": "RYY", "site_code": "RYY01", "ward_code": "W9"},
          "conversation": {
            "default_language": "cy", "max_replies_per_hour": 3, "max_replies_per_day": 9,
            "duplicate_window_seconds": 60, "thank_for_comments": false, "confirm_stop": false,
            "languages": {"cymraeg": "cy", "welsh": "cy"}
          },
          "templates": {
            "cy": {
              "thanks_and_follow_up": "Diolch am eich sgôr o {ward}.", "thanks_for_comment": "Diolch.",
              "stopped": "Ni fyddwch yn cael negeseuon.", "started": "Croeso'n ôl.", "help": "Atebwch 1–6.",
              "language_chosen": "Byddwn yn ateb yn Gymraeg.\\nDiolch"
            }
          },
          "kiosk": {
            "mode": "Kiosk", "survey_version": "fft-2020.2", "specialty_codes": ["300", "420"],
            "default_language": "pl", "languages": ["en", "pl"], "audience": "children", "staff_pin": "2468",
            "idle_seconds": 45, "free_text_idle_seconds": 90, "suspect_repeat_seconds": 15
          }
        }
        """

    func settings(_ json: String, etag: String = "\"v3\"") throws -> ManagedSettings {
        try ManagedSettings(etag: etag, json: Data(json.utf8))
    }

    func refusal(_ json: String) -> ConfigurationError? {
        do {
            _ = try settings(json)
            return nil
        } catch let error as ConfigurationError {
            return error
        } catch {
            Issue.record("not a ConfigurationError: \(error)")
            return nil
        }
    }

    func object(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    /// Should keep every managed key and value through JSON → TOML → JSON, listing each key it sets.
    @Test func everyManagedKeyRoundTrips() throws {
        let fromJSON = try settings(Self.everyKey)
        var expected: [String] = []
        for (section, keys) in ManagedSettings.managedKeys {
            for key in keys {
                switch (section, key) {
                case ("conversation", "languages"):
                    expected += ["conversation.languages.cymraeg", "conversation.languages.welsh"]
                case ("templates", _): expected.append("templates.cy.\(key)")
                default: expected.append("\(section).\(key)")
                }
            }
        }
        #expect(fromJSON.keys == expected.sorted())
        #expect(fromJSON.etag == "\"v3\"")
        #expect(fromJSON.tomlText.contains("[templates.cy]"))
        let fromTOML = try ManagedSettings(etag: "\"v3\"", toml: fromJSON.tomlText)
        #expect(fromTOML == fromJSON)
        #expect(try object(fromTOML.jsonData) == object(Data(Self.everyKey.utf8)))
        // The values reach the parser unchanged
        let parsed = try DeviceConfiguration.parse(fromJSON.tomlText)
        #expect(parsed.ward.name == "Ward 9")
        #expect(parsed.conversation.maximumRepliesPerHour == 3)
        #expect(parsed.conversation.templates["cy"]?.languageChosen == "Byddwn yn ateb yn Gymraeg.\nDiolch")
        #expect(parsed.kiosk.specialtyCodes == ["300", "420"])
        #expect(parsed.kiosk.staffPIN == "2468")
    }

    /// Should accept an empty document: the device's own values all apply.
    @Test func emptyDocumentSetsNothing() throws {
        let empty = try settings("{}", etag: "\"v0\"")
        #expect(empty.keys.isEmpty)
        #expect(empty.tomlText.isEmpty)
        #expect(try object(empty.jsonData).count == 0)
    }

    /// Should refuse each key that stays with the device, naming it.
    @Test(arguments: [
        (#"{"storage": {"state_directory": "/tmp"}}"#, "storage.state_directory"),
        (#"{"modem": {"device": "/dev/ttyUSB2"}}"#, "modem.device"),
        (#"{"sync": {"hub": "https://hub.example"}}"#, "sync.hub"),
        (#"{"kiosk": {"rotation": 90}}"#, "kiosk.rotation"),
        (#"{"kiosk": {"framebuffer": "/dev/fb1"}}"#, "kiosk.framebuffer"),
        (#"{"kiosk": {"touch": "/dev/input/event3"}}"#, "kiosk.touch"),
        (#"{"kiosk": {"console": "/dev/tty2"}}"#, "kiosk.console"),
        (#"{"kiosk": {"calibration": "1 0 0 0 1 0"}}"#, "kiosk.calibration"),
        (#"{"kiosk": {"width_mm": 150}}"#, "kiosk.width_mm"),
        (#"{"kiosk": {"height_mm": 90}}"#, "kiosk.height_mm"),
        (#"{"kiosk": {"mount_height_mm": 1200}}"#, "kiosk.mount_height_mm"),
        (#"{"kiosk": {"audio_directory": "/tmp"}}"#, "kiosk.audio_directory"),
        (#"{"kiosk": {"audio_player": "rm -rf"}}"#, "kiosk.audio_player"),
    ])
    func localKeysAreRefused(json: String, key: String) throws {
        let refused = try #require(refusal(json))
        #expect(refused.key == key)
        #expect(refused.description == "\(key): not a setting the hub may change; set it in the device's own file")
    }

    /// Should name the first refused key in sorted order, whatever else the document holds.
    @Test func firstRefusedKeyIsNamed() throws {
        let refused = try #require(
            refusal(
                #"{"ward": {"name": "Ward 9"}, "sync": {"hub": "https://x"}, "modem": {"device": "/dev/x", "baud": 9600}}"#
            )
        )
        #expect(refused.key == "modem.baud")
    }

    /// Should refuse keys no configuration has, listing what the hub may set.
    @Test(arguments: [
        (#"{"ward": {"nmae": "Ward 9"}}"#, "ward.nmae"),
        (#"{"templates": {"cy": {"goodbye": "Hwyl"}}}"#, "templates.cy.goodbye"),
        (#"{"wards": {"name": "Ward 9"}}"#, "wards"),
    ])
    func unknownKeysAreRefused(json: String, key: String) throws {
        let refused = try #require(refusal(json))
        #expect(refused.key == key)
        #expect(refused.message.hasPrefix("unknown key; the hub may set: "))
    }

    /// Should refuse a wrong type or value with the file's own checks, naming the key.
    @Test(arguments: [
        (#"{"ward": {"trust_ods": "R"}}"#, "ward.trust_ods", "an ODS code has 3 or 5"),
        (#"{"ward": {"name": 7}}"#, "ward.name", "must be a string"),
        (#"{"ward": {"name": null}}"#, "ward.name", "null is not a value"),
        (#"{"ward": "Ward 9"}"#, "ward", "must be a table"),
        (
            #"{"conversation": {"max_replies_per_hour": 1000}}"#, "conversation.max_replies_per_hour",
            "between 0 and 100"
        ),
        (#"{"conversation": {"max_replies_per_day": "9"}}"#, "conversation.max_replies_per_day", "whole number"),
        (#"{"conversation": {"thank_for_comments": "yes"}}"#, "conversation.thank_for_comments", "true or false"),
        (#"{"conversation": {"languages": {"cymraeg": 3}}}"#, "conversation.languages.cymraeg", "must be a string"),
        (#"{"conversation": {"languages": "cy"}}"#, "conversation.languages", "must be a table"),
        (#"{"templates": {"cy": "Diolch"}}"#, "templates.cy", "must be a table"),
        (#"{"templates": {"pl": {"help": 1}}}"#, "templates.pl.help", "must be a string"),
        (#"{"kiosk": {"audience": "adults"}}"#, "kiosk.audience", "one of standard, children, easy-read"),
        (#"{"kiosk": {"staff_pin": "12"}}"#, "kiosk.staff_pin", "4 to 8 digits"),
        (#"{"kiosk": {"idle_seconds": 5}}"#, "kiosk.idle_seconds", "between 10 and 3600"),
        (#"{"kiosk": {"idle_seconds": 12.5}}"#, "kiosk.idle_seconds", "whole number"),
        (#"{"kiosk": {"specialty_codes": [300]}}"#, "kiosk.specialty_codes", "list of strings"),
        (#"{"kiosk": {"languages": "en"}}"#, "kiosk.languages", "list of strings"),
    ])
    func badValuesAreRefused(json: String, key: String, message: String) throws {
        let refused = try #require(refusal(json))
        #expect(refused.key == key)
        #expect(refused.message.contains(message), "\(refused)")
    }

    /// Should refuse JSON that is not an object, and an entity tag without quotes.
    @Test func notAnObjectOrNotAnETagIsRefused() throws {
        for json in ["[1, 2]", "\"ward\"", "3", "{\"ward\": ", ""] {
            let refused = try #require(refusal(json), "accepted \(json)")
            #expect(refused.key == nil)
            #expect(refused.message.hasPrefix("the managed settings "))
        }
        for etag in ["v3", "\"v3", "\"v\"3\"", "\"v3\"\n# ward", ""] {
            #expect(throws: ConfigurationError.self, "accepted \(etag)") { try settings("{}", etag: etag) }
        }
        #expect(try settings("{}", etag: "W/\"weak-1\"").etag == "W/\"weak-1\"")
    }

    /// Should apply the same rules to TOML an administrator wrote, with the line of a syntax error.
    @Test func tomlFollowsTheSameRules() throws {
        let refused = #expect(throws: ConfigurationError.self) {
            try ManagedSettings(etag: "\"v4\"", toml: "[ward]\nname = \"Ward 9\"\n[modem]\ndevice = \"/dev/x\"\n")
        }
        #expect(refused?.key == "modem.device")
        do {
            _ = try ManagedSettings(etag: "\"v4\"", toml: "[ward]\nname = \"Ward 9\n")
            Issue.record("a syntax error was accepted")
        } catch let error as ConfigurationError {
            #expect(error.line == 2)
        }
        let settings = try ManagedSettings(
            etag: "\"v4\"",
            toml: "[kiosk]\nidle_seconds = 30\n[ward]\nname = \"Ward 9\"\n"
        )
        #expect(settings.keys == ["kiosk.idle_seconds", "ward.name"])
        #expect(try object(settings.jsonData) == ["kiosk": ["idle_seconds": 30], "ward": ["name": "Ward 9"]])
    }
}
