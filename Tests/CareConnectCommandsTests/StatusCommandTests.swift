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
}
