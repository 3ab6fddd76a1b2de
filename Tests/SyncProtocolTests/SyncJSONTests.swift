// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SyncProtocol
import Testing

@Suite("Wire types")
struct SyncJSONTests {
    static func date(_ text: String) -> Date {
        SyncJSON.parse(text)!
    }

    @Test("An event batch uses the protocol's field names and round-trips")
    func eventBatchRoundTrips() throws {
        // Given
        let batch = EventBatch(
            deviceID: "ward7-gw-1",
            batchID: "b-1",
            sentAt: Self.date("2024-05-01T10:15:02.250Z"),
            clock: DeviceClock(bootID: "boot", uptimeMilliseconds: 8_123_456),
            events: [
                SyncEvent(
                    eventID: "e-1",
                    seq: 1_042,
                    type: "sms.received",
                    occurredAt: Self.date("2024-05-01T10:14:55+01:00"),
                    payload: .object(["from": .string("+447700900123"), "parts": .integer(2), "ok": .bool(true)])
                )
            ]
        )
        // When
        let data = try SyncJSON.encoder().encode(batch)
        let text = String(decoding: data, as: UTF8.self)
        let decoded = try SyncJSON.decoder().decode(EventBatch.self, from: data)
        // Then
        #expect(decoded == batch)
        for key in [
            "\"device_id\"", "\"batch_id\"", "\"sent_at\"", "\"boot_id\"", "\"uptime_ms\"", "\"event_id\"",
            "\"occurred_at\"",
        ] {
            #expect(text.contains(key), "missing \(key)")
        }
        #expect(text.contains("\"sent_at\":\"2024-05-01T10:15:02.250Z\""))
        #expect(text.contains("\"occurred_at\":\"2024-05-01T09:14:55.000Z\""))
    }

    @Test("A batch response from the protocol document decodes, with each status")
    func responseDecodes() throws {
        // Given
        let text = """
            {"server_time":"2024-05-01T09:15:03Z","high_water_seq":1044,
             "results":[{"event_id":"a","status":"accepted","ref":"QuestionnaireResponse/a"},
                        {"event_id":"b","status":"duplicate","ref":"P123"},
                        {"event_id":"c","status":"rejected","error":{"code":"unknown_command","retryable":false}}],
             "downlink_pending":true}
            """
        // When
        let response = try SyncJSON.decoder().decode(EventBatchResponse.self, from: Data(text.utf8))
        // Then
        #expect(response.highWaterSeq == 1_044)
        #expect(response.results.map(\.status) == [.accepted, .duplicate, .rejected])
        #expect(response.results[2].error == .init(code: "unknown_command", retryable: false))
        #expect(response.downlinkPending)
        #expect(response.serverTime == Self.date("2024-05-01T09:15:03Z"))
    }

    @Test("Commands of unknown types still decode, and sms.send payloads are read")
    func commandsDecode() throws {
        // Given
        let text = """
            {"commands":[{"command_id":"c-88","type":"sms.send","created_at":"2024-05-01T09:00:00Z",
                          "expires_at":"2024-05-02T09:00:00Z",
                          "payload":{"to":"+447700900123","text":"Thank you","in_reply_to":"e-1"}},
                         {"command_id":"c-90","type":"device.reboot","created_at":"2024-05-01T09:00:00Z",
                          "expires_at":"2024-05-02T09:00:00Z","payload":{}}],
             "next_cursor":"c90","server_time":"2024-05-01T09:15:03.5Z"}
            """
        // When
        let response = try SyncJSON.decoder().decode(CommandsResponse.self, from: Data(text.utf8))
        // Then
        #expect(response.commands.map(\.type) == [.smsSend, CommandType(rawValue: "device.reboot")])
        #expect(
            SMSSendPayload(response.commands[0].payload)
                == SMSSendPayload(to: "+447700900123", text: "Thank you", inReplyTo: "e-1")
        )
        #expect(SMSSendPayload(response.commands[1].payload) == nil)
        #expect(response.nextCursor == "c90")
    }

    @Test("A problem document carries the 413 limits")
    func problemCarriesLimits() throws {
        // Given
        let problem = Problem(type: "urn:x", title: "Too large", status: 413, maxEvents: 50, maxBytes: 1_000)
        // When
        let text = String(decoding: try SyncJSON.encoder().encode(problem), as: UTF8.self)
        // Then
        #expect(text == #"{"max_bytes":1000,"max_events":50,"status":413,"title":"Too large","type":"urn:x"}"#)
    }

    @Test("Idempotency keys are quoted strings")
    func idempotencyKeys() {
        #expect(IdempotencyKey.headerValue("0190-ab") == "\"0190-ab\"")
        #expect(IdempotencyKey.parse("\"0190-ab\"") == "0190-ab")
        #expect(IdempotencyKey.parse("0190-ab") == nil)
        #expect(IdempotencyKey.parse("\"\"") == nil)
        #expect(IdempotencyKey.parse("\"a b\"") == nil)
    }

    @Test("Large integers in payloads survive exactly")
    func integersSurvive() throws {
        // Given
        let value = JSONValue.object(["ms": .integer(1_714_557_302_123_456_789), "score": .number(0.5)])
        // When
        let decoded = try SyncJSON.decoder().decode(JSONValue.self, from: try SyncJSON.encoder().encode(value))
        // Then
        #expect(decoded == value)
    }
}

@Suite("gzip and SHA-256")
struct CodecTests {
    @Test("gzip round-trips and really compresses")
    func gzipRoundTrips() throws {
        // Given
        let text = Data(String(repeating: "{\"type\":\"sms.received\",\"text\":\"Thank you\"},", count: 200).utf8)
        // When
        let compressed = try Gzip.compress(text)
        let expanded = try Gzip.decompress(compressed, limit: 1 << 20)
        // Then
        #expect(compressed.prefix(2) == Data([0x1F, 0x8B]))
        #expect(compressed.count < text.count / 10)
        #expect(expanded == text)
    }

    @Test("Expansion stops at the limit, and damaged streams are refused")
    func gzipLimits() throws {
        // Given
        let big = try Gzip.compress(Data(repeating: 0x41, count: 100_000))
        var damaged = try Gzip.compress(Data("hello, ward".utf8))
        damaged[damaged.count / 2] ^= 0xFF
        // When / Then
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(big, limit: 10_000) }
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(damaged, limit: 10_000) }
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(big.prefix(big.count - 12), limit: 1_000_000) }
    }

    @Test("SHA-256 matches the FIPS 180-4 examples")
    func sha256Vectors() {
        #expect(
            SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
        #expect(SHA256.hexDigest([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
    }
}
