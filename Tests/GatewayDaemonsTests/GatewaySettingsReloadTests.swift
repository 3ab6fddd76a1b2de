// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import GatewayDaemons
import ModemSimulator
import Testing
import WardConversation

/// The gateway takes the hub's managed settings while it runs, over a real pseudo-terminal, with the overlay and
/// configuration file on disk.
@Suite(.serialized, .timeLimit(.minutes(2))) struct GatewaySettingsReloadTests {
    /// Should answer the next text with the ward name and reply texts of managed settings written mid-run, offer a
    /// language they add, and go back to the file's values when a document leaves them out.
    @Test func managedSettingsWrittenMidRunApplyToTheNextReply() async throws {
        // Given a configuration file naming Ward 7 and a gateway watching it
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reload-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configurationPath = directory + "/careconnect.toml"
        try DeviceConfiguration.writeFile(
            "[storage]\nstate_directory = \"\(directory)\"\n[ward]\nname = \"Ward 7\"\n",
            to: configurationPath,
            group: nil
        )
        let watcher = ConfigurationWatcher(configurationPath: configurationPath)
        let harness = try GatewayHarness(watcher: watcher)
        harness.start()
        func reply(from patient: String, to text: String, endingWith suffix: String) async throws -> String? {
            _ = try harness.simulator.inject(InjectedMessage(from: patient, text: text))
            try await harness.wait("the reply to \(patient)") {
                harness.sentTexts(to: patient).last?.hasSuffix(suffix) == true
            }
            return harness.sentTexts(to: patient).last
        }
        func apply(_ json: String, etag: String) throws {
            try DeviceConfiguration.applyManagedSettings(
                ManagedSettings(etag: etag, json: Data(json.utf8)),
                configurationPath: configurationPath
            )
        }

        // The file's settings answer first
        #expect(
            try await reply(from: "+447700900001", to: "1", endingWith: "could we do better?")
                == "Thank you for your feedback about Ward 7. What was good, or what could we do better?"
        )

        // When the hub renames the ward, rewords the thanks and adds Welsh
        try apply(
            """
            {"ward": {"name": "Ward 9"},
             "templates": {
               "en": {"thanks_and_follow_up": "Thanks from {ward}! Anything to add?"},
               "cy": {"thanks_and_follow_up": "Diolch gan {ward}!", "thanks_for_comment": "Diolch.",
                      "stopped": "Dim mwy.", "started": "Croeso.", "help": "Atebwch 1-6.",
                      "language_chosen": "Byddwn yn ateb yn Gymraeg, {ward}."}},
             "conversation": {"languages": {"cymraeg": "cy"}}}
            """,
            etag: "\"v3\""
        )

        // Then the next text is answered with them, without a restart
        #expect(
            try await reply(from: "+447700900002", to: "2", endingWith: "to add?")
                == "Thanks from Ward 9! Anything to add?"
        )
        #expect(
            try await reply(from: "+447700900003", to: "Cymraeg", endingWith: "Gymraeg, Ward 9.")
                == "Byddwn yn ateb yn Gymraeg, Ward 9."
        )
        #expect(harness.gateway.conversationSettings.wardName == "Ward 9")

        // When the next document leaves the ward name and texts out, the file's apply again
        try apply(#"{"conversation": {"max_replies_per_day": 6}}"#, etag: "\"v4\"")
        #expect(
            try await reply(from: "+447700900004", to: "1", endingWith: "could we do better?")
                == "Thank you for your feedback about Ward 7. What was good, or what could we do better?"
        )
        #expect(harness.gateway.conversationSettings.maximumRepliesPerDay == 6)
        #expect(harness.gateway.conversationSettings.templates["cy"] == nil)
        await harness.stop()
    }
}
