// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import MessageStore
import SMSPDU
import Testing

@Suite struct StatusCommandTests {
    @Test func reportsQueuesAndUndecodablePDUs() throws {
        // Given a database with one good message, one damaged PDU and one queued reply
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("status-\(UUID().uuidString)")
        let store = try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
        let now = Date()
        let pdu = try MessageEncoder.deliver(
            text: "1",
            from: PhoneAddress(number: "+447700900456"),
            timestamp: SMSTimestamp(secondsSince1970: 1_795_000_000, utcOffsetQuarterHours: 0)
        )[0].hex
        _ = try store.storeInboundPart(pdu: pdu, storage: "SM", slot: 1, receivedAt: now)
        _ = try store.storeInboundPart(pdu: "0004", storage: "SM", slot: 2, receivedAt: now)
        try store.enqueueOutbound(to: "+447700900456", text: "Thanks", origin: "reply", now: now)
        // When
        let command = PDUCommandTests()
        let text = try command.run(["status", "--state-dir", directory.path, "--config", "/nonexistent.toml"])
        let json = try command.run(["status", "--state-dir", directory.path, "--config", "/nonexistent.toml", "--json"])
        // Then
        #expect(text.status == 1, "an undecodable PDU needs attention")
        #expect(text.stdout.contains("messages in     1"))
        #expect(text.stdout.contains("queued 1"))
        #expect(text.stdout.contains("undecodable     1 PDUs kept raw"))
        #expect(text.stdout.contains("TP-OA"))
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["undecodable_parts"] as? Int == 1)
    }

    /// Should show the hub's managed settings in force, "none" without them, and an overlay that cannot be used as
    /// needing attention.
    @Test func showsManagedSettings() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
        let configuration = directory.appendingPathComponent("careconnect.toml").path
        try Data("[storage]\nstate_directory = \"\(directory.path)\"\n[ward]\nname = \"Ward 7\"\n".utf8)
            .write(to: URL(fileURLWithPath: configuration))
        let overlay = directory.appendingPathComponent("managed-settings.toml")
        let command = PDUCommandTests()

        var result = try command.run(["status", "--config", configuration])
        #expect(result.status == 0)
        #expect(result.stdout.contains("managed settings none\n"))

        let header =
            "# Settings managed by the hub for this ward; replaced by the next update. Edit them on the hub, not here."
        try Data((header + "\n# etag: \"v3\"\n[ward]\nname = \"Ward 9\"\n[kiosk]\nidle_seconds = 30\n").utf8).write(
            to: overlay
        )
        result = try command.run(["status", "--config", configuration])
        #expect(result.status == 0)
        #expect(result.stdout.contains("managed settings version \"v3\" from the hub (2 keys)\n"), "\(result.stdout)")

        try Data((header + "\n# etag: \"v4\"\n[modem]\nbaud = 9600\n").utf8).write(to: overlay)
        result = try command.run(["status", "--config", configuration])
        #expect(result.status == 1, "an overlay that is not in force needs attention")
        #expect(
            result.stdout.contains(
                "managed settings version \"v4\" from the hub not applied: modem.baud: not a setting the hub may change"
            ),
            "\(result.stdout)"
        )
    }

    /// Should show settings the hub sent that the device refused, as needing attention, and the last heartbeat.
    @Test func showsRefusedSettingsAndHeartbeat() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
        let configuration = directory.appendingPathComponent("careconnect.toml").path
        try Data("[storage]\nstate_directory = \"\(directory.path)\"\n".utf8)
            .write(to: URL(fileURLWithPath: configuration))
        try store.setSyncState(
            [
                .configurationProblem: "\"v5\": kiosk.languages: unknown language 'xx'",
                .lastHeartbeatAt: "1796300000000",
            ],
            now: Date()
        )

        let result = try PDUCommandTests().run(["status", "--config", configuration])

        #expect(result.status == 1, "refused settings need attention")
        #expect(result.stdout.contains("settings refused \"v5\": kiosk.languages: unknown language 'xx'"))
        #expect(result.stdout.contains("last heartbeat  2026-12-03T"), "\(result.stdout)")
    }
}
