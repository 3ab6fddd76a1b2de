// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import Hub
import MessageStore
import SyncClient
import SyncProtocol
import Testing

@Suite("Downlink and staff page against a real hub", .serialized, .timeLimit(.minutes(1)))
struct DownlinkTests {
    @Test("A staff reply posted to the ward page becomes exactly one queued text on the device")
    func staffReplyBecomesOneSMS() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub, ward: "Ward 7")
            let form = "to=%2B447700900123&text=Thank+you+%E2%80%93+we+will+call+you&in_reply_to=e-1"
            // When
            let posted = try await device.connection.send(
                "POST",
                "/wards/Ward%207/replies",
                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Data(form.utf8)
            )
            let first = try await device.engine.pollCommandsOnce(wait: 1)
            let second = try await device.engine.pollCommandsOnce(wait: 1)
            try await device.engine.uploadUntilDrained()
            // Then
            #expect(posted.status == 200, "the 303 led back to the ward page")
            #expect(String(decoding: posted.body, as: UTF8.self).contains("Your reply is on its way"))
            #expect(first == 1)
            #expect(second == 0)
            let queued = try device.store.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT recipient, text, state, origin, command_id FROM outbound_message")
            }
            #expect(queued.count == 1)
            #expect(queued.first?["recipient"] == "+447700900123")
            #expect(queued.first?["text"] == "Thank you – we will call you")
            #expect(queued.first?["state"] == "queued")
            let commandID: String = queued.first?["command_id"] ?? ""
            #expect(try device.store.hubCommandState(commandID) == "queued")
            #expect(try hub.store.commandState(commandID) == "queued", "the command.status event reached the hub")
        }
    }

    @Test("Reading commands changes nothing; the cursor moves only when the device asks after it")
    func readingDoesNotConsume() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            let payload = SMSSendPayload(to: "+447700900123", text: "Hello")
            let made = try hub.store.createSMSCommand(ward: "Ward 7", payload: payload, now: Date())
            // When
            let a = try await device.connection.send("GET", "/v1/commands?wait=0", token: device.credentials.token)
            let b = try await device.connection.send("GET", "/v1/commands?wait=0", token: device.credentials.token)
            let listed = try SyncJSON.decoder().decode(CommandsResponse.self, from: a.body)
            let after = try await device.connection.send(
                "GET",
                "/v1/commands?wait=0&after=\(listed.nextCursor)",
                token: device.credentials.token
            )
            // Then
            #expect(listed.commands.map(\.commandID) == [made])
            #expect(
                try SyncJSON.decoder().decode(CommandsResponse.self, from: b.body).commands.map(\.commandID) == [made]
            )
            #expect(try SyncJSON.decoder().decode(CommandsResponse.self, from: after.body).commands.isEmpty)
            #expect(try hub.store.commandState(made ?? "") == "pending")
        }
    }

    @Test("A long poll returns as soon as a command appears")
    func longPollWakes() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            let start = ContinuousClock.now
            // When
            async let polled = device.engine.pollCommandsOnce(wait: 10)
            try await Task.sleep(for: .milliseconds(500))
            _ = try hub.store.createSMSCommand(
                ward: "Ward 7",
                payload: .init(to: "+447700900124", text: "Hi"),
                now: Date()
            )
            let new = try await polled
            // Then
            #expect(new == 1)
            #expect(ContinuousClock.now - start < .seconds(5))
        }
    }

    @Test("An expired command is not sent and is reported expired; an unknown type is rejected")
    func expiredAndUnknown() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub)
            let expired = try hub.store.createSMSCommand(
                ward: "Ward 7",
                payload: .init(to: "+447700900125", text: "Too late"),
                lifetime: -60,
                now: Date()
            )
            try await hub.store.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO command (command_id, device_id, type, payload, created_at, expires_at, updated_at)
                        VALUES ('c-odd', ?, 'device.reboot', '{}', 0, 9999999999999, 0)
                        """,
                    arguments: [device.credentials.deviceID]
                )
            }
            // When
            let new = try await device.engine.pollCommandsOnce(wait: 0)
            try await device.engine.uploadUntilDrained()
            // Then
            #expect(new == 2)
            let texts = try await device.store.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbound_message") ?? -1
            }
            #expect(texts == 0)
            #expect(try device.store.hubCommandState(expired ?? "") == "expired")
            #expect(try hub.store.commandState(expired ?? "") == "expired")
            #expect(try hub.store.commandState("c-odd") == "rejected")
        }
    }

    @Test("The ward page shows feedback and escapes everything a patient wrote")
    func wardPageEscapes() async throws {
        try await RunningHub.with { hub in
            // Given
            let device = try await TestDevice.enrol(at: hub, ward: "Ward <7>")
            try await device.store.writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES ('e-x', 'sms.received', ?, 1714557302000)",
                    arguments: [#"{"from":"+447700900123\"><b>","text":"<script>alert('x')</script> & more"}"#]
                )
                try db.execute(
                    sql:
                        "INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES ('e-y', 'feedback.fft', ?, 1714557303000)",
                    arguments: [#"{"answers":{"fft":"1","why":"Kind nurses"},"channel":"sms"}"#]
                )
            }
            try await device.engine.uploadUntilDrained()
            // When
            let page = try await device.connection.send("GET", "/wards/Ward%20%3C7%3E")
            let html = String(decoding: page.body, as: UTF8.self)
            // Then
            #expect(page.status == 200)
            #expect(html.contains("<h1>Ward &lt;7&gt;</h1>"))
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
            #expect(!html.contains("<script>"))
            #expect(!html.contains("<b>"))
            #expect(html.contains("<tr><td>Very good</td><td>1</td></tr>"))
            #expect(html.contains("Kind nurses"))
            #expect(html.contains("action=\"/wards/Ward%20%3C7%3E/replies\""))
        }
    }
}
