// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import ModemEngine
import Testing

/// Unsolicited result codes are delivered in order, wherever they fall, and never taken as responses.
@Suite struct UnsolicitedResultTests {
    /// Codes before, inside and after a response arrive in the order sent; the response keeps only its
    /// own lines.
    @Test(arguments: chunkSizes)
    func deliversInOrderAroundResponses(chunkSize: Int) async throws {
        // Given
        let harness = ModemHarness(chunkSize: chunkSize)
        harness.transport.inject("\r\nRING\r\n\r\n+CMTI: \"SM\",1\r\n")
        harness.transport.expect(
            "AT+CSQ\r",
            reply: "\r\n+CREG: 5\r\n\r\n+CSQ: 20,99\r\n\r\n+CMTI: \"SM\",2\r\n\r\nOK\r\n\r\n+CMTI: \"SM\",3\r\n"
        )
        var events = harness.modem.events.makeAsyncIterator()

        // When
        let response = try await harness.run { try await $0.modem.execute(CSQ.execute) }

        // Then
        #expect(response.lines == ["+CSQ: 20,99"])
        let indexes = await events.take(5).map { event -> String in
            switch event {
            case .unsolicited(.newMessage(let indication)): "cmti\(indication.index)"
            case .unsolicited(.ring): "ring"
            case .unsolicited(.registration(let registration)): "creg\(registration.state.rawValue)"
            default: event.summary
            }
        }
        #expect(indexes == ["ring", "cmti1", "creg5", "cmti2", "cmti3"])
    }

    /// A +CMT in the middle of a listing takes the next line as its PDU; the listing is untouched.
    @Test(arguments: chunkSizes)
    func directDeliveryInsideListing(chunkSize: Int) async throws {
        // Given
        let harness = ModemHarness(chunkSize: chunkSize)
        let stored = "0791447758100650040C9144770009301200004211520103000003D9F21C"
        let delivered = "0791447758100650040C914477000940650000421152010300000AC6F79B0CBA87E7A0F1"
        harness.transport.expect(
            "AT+CMGL=4\r",
            reply: "\r\n+CMGL: 1,1,,22\r\n\(stored)\r\n\r\n+CMT: ,27\r\n\(delivered)\r\n\r\nOK\r\n"
        )
        var events = harness.modem.events.makeAsyncIterator()

        // When
        let messages = try await harness.run { try await $0.modem.listMessages() }

        // Then
        #expect(messages.map(\.pduHex) == [stored])
        #expect(await events.take(1).map(\.summary) == ["messageDelivery(27,\(delivered))"])
    }

    /// A +CMT header whose PDU line never comes is still reported, and the next line is handled normally.
    @Test func directDeliveryWithoutPDULine() async throws {
        // Given
        let harness = ModemHarness(chunkSize: 1)
        harness.transport.expect("AT\r", reply: "\r\n+CMT: ,27\r\nOK\r\n")
        var events = harness.modem.events.makeAsyncIterator()

        // When
        let response = try await harness.run { try await $0.modem.execute(V250.attention) }

        // Then
        #expect(response.finalResult == .ok)
        guard case .unsolicited(.messageDelivery(let header)) = await events.next() else {
            Issue.record("expected the +CMT header")
            return
        }
        #expect(header.length == 27)
    }
}
