// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ModemSimulator
import SMSPDU
import Testing

@Suite("PDU-mode messaging")
struct MessagingTests {
    static let hello = InjectedMessage(from: "+447700900123", text: "Hello", timestamp: 1_704_164_645)

    /// The SMS-DELIVER the modem prints for ``hello``: service centre, then the TPDU.
    static let helloPDU = "0791447758100650040C9144770009103200004210203040500005C8329BFD06"

    @Test func listsStoredMessagesAndMarksThemRead() throws {
        var harness = ModemHarness()
        try harness.inject(Self.hello)
        #expect(harness.take() == "\r\n+CMTI: \"SM\",1\r\n")
        #expect(harness.send("AT+CMGL=4") == "\r\n+CMGL: 1,0,,24\r\n\(Self.helloPDU)\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CMGL=0") == "\r\nOK\r\n")
        #expect(harness.send("AT+CMGL=1") == "\r\n+CMGL: 1,1,,24\r\n\(Self.helloPDU)\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CMGL=?") == "\r\n+CMGL: (0-4)\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CMGL=\"ALL\"") == "\r\nERROR\r\n")
    }

    @Test func listedPDUsDecodeToTheInjectedText() throws {
        var harness = ModemHarness()
        let texts = [
            "GSM ext: { } [ ] € ^ ~ | \\ done", "Emoji 😀👍 and 你好", String(repeating: "Ward seven. ", count: 20),
        ]
        for text in texts { try harness.inject(InjectedMessage(from: "+447700900123", text: text)) }
        try harness.inject(InjectedMessage(from: "NHSTrust", text: "Flash", messageClass: 0))
        _ = harness.take()
        let lines = harness.send("AT+CMGL=4").split(separator: "\r\n").map(String.init)
        var decoded: [String] = []
        var classes: [Int?] = []
        for (header, pdu) in zip(lines, lines.dropFirst()) where header.hasPrefix("+CMGL:") {
            let length = Int(header.split(separator: ",").last!)!
            guard case .deliver(let deliver) = try PDU.decode(hex: pdu, smsc: .tpduLength(length)) else {
                Issue.record("not a deliver: \(pdu)")
                continue
            }
            decoded.append(deliver.userData.text ?? "")
            classes.append(deliver.userData.dataCoding.messageClass)
        }
        #expect(decoded.count == 5)
        #expect(decoded[0] == texts[0])
        #expect(decoded[1] == texts[1])
        #expect(decoded[2] + decoded[3] == texts[2])
        #expect(decoded[4] == "Flash")
        #expect(classes[4] == 0)
    }

    @Test func sixteenBitConcatenationReference() throws {
        var harness = ModemHarness()
        let parts = try harness.inject(
            InjectedMessage(
                from: "+447700900123",
                text: String(repeating: "x", count: 200),
                concatenationReference: 0x1234,
                reference16Bit: true
            )
        )
        #expect(parts == 2)
        _ = harness.take()
        #expect(harness.send("AT+CMGR=1").contains("0804123402"))
    }

    @Test func readsOneMessage() throws {
        var harness = ModemHarness()
        try harness.inject(Self.hello)
        _ = harness.take()
        _ = harness.send("AT+CMEE=1")
        #expect(harness.send("AT+CMGR=1") == "\r\n+CMGR: 0,,24\r\n\(Self.helloPDU)\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CMGR=1") == "\r\n+CMGR: 1,,24\r\n\(Self.helloPDU)\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CMGR=2") == "\r\nOK\r\n")
        #expect(harness.send("AT+CMGR=31") == "\r\n+CMS ERROR: 321\r\n")
    }

    @Test(arguments: [(0, [2, 3]), (1, [2, 3]), (2, [2, 3]), (3, [2]), (4, [])])
    func deleteFlags(flag: Int, remaining: [Int]) throws {
        // Given message 1 read, message 2 unread and message 3 stored unsent
        var harness = ModemHarness()
        try harness.inject(Self.hello)
        try harness.inject(Self.hello)
        _ = harness.send("AT+CMGR=1")
        #expect(harness.send("AT+CMGW=19,2") == "\r\n> ")
        #expect(harness.send("0011000C914477000910320000FF05C8329BFD06\u{1A}") == "\r\n+CMGW: 3\r\n\r\nOK\r\n")
        // When
        #expect(harness.send("AT+CMGD=1,\(flag)") == "\r\nOK\r\n")
        // Then
        #expect(harness.modem.storages["SM"]!.indices == remaining)
    }

    @Test func preferredStorage() throws {
        var harness = ModemHarness(ModemHarness.configuration(capacity: 5))
        try harness.inject(Self.hello)
        _ = harness.take()
        #expect(harness.send("AT+CPMS=?") == "\r\n+CPMS: (\"SM\",\"ME\"),(\"SM\",\"ME\"),(\"SM\",\"ME\")\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CPMS?") == "\r\n+CPMS: \"SM\",1,5,\"SM\",1,5,\"SM\",1,5\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CPMS=\"ME\",\"SM\"") == "\r\n+CPMS: 0,100,1,5,1,5\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CMGL=4") == "\r\nOK\r\n")
        #expect(harness.send("AT+CPMS=\"SM\",\"SM\",\"SM\"") == "\r\n+CPMS: 1,5,1,5,1,5\r\n\r\nOK\r\n")
        _ = harness.send("AT+CMEE=1")
        #expect(harness.send("AT+CPMS=\"BM\"") == "\r\n+CMS ERROR: 302\r\n")
    }

    /// A full SIM makes the network hold messages; deleting one lets the next in, announced by +CMTI.
    @Test func fullStorageQueuesInTheNetwork() throws {
        var harness = ModemHarness(ModemHarness.configuration(capacity: 2))
        for _ in 0..<3 { try harness.inject(Self.hello) }
        #expect(harness.take() == "\r\n+CMTI: \"SM\",1\r\n\r\n+CMTI: \"SM\",2\r\n")
        #expect(harness.modem.status.waitingInNetwork == 1)
        #expect(harness.send("AT+CPMS?") == "\r\n+CPMS: \"SM\",2,2,\"SM\",2,2,\"SM\",2,2\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CMGD=1") == "\r\nOK\r\n")
        harness.advance(by: .milliseconds(100))
        #expect(harness.take() == "\r\n+CMTI: \"SM\",1\r\n")
        #expect(harness.modem.status.waitingInNetwork == 0)
    }

    /// Writing to a full memory gives +CMS ERROR: 322.
    @Test func writingToFullMemory() throws {
        var harness = ModemHarness(ModemHarness.configuration(capacity: 1))
        try harness.inject(Self.hello)
        _ = harness.send("AT+CMEE=1")
        _ = harness.take()
        #expect(harness.send("AT+CMGW=19") == "\r\n> ")
        #expect(harness.send("0011000C914477000910320000FF05C8329BFD06\u{1A}") == "\r\n+CMS ERROR: 322\r\n")
    }

    @Test func sendWithPromptAndCtrlZ() throws {
        var harness = ModemHarness(echo: true)
        let parts = try MessageEncoder.submit(text: "Hello {world} €5", to: PhoneAddress(number: "+447700900123"))
        let part = try #require(parts.first)
        #expect(harness.send("AT+CMGS=\(part.length)") == "AT+CMGS=\(part.length)\r\r\n> ")
        harness.write(Array(part.hex.utf8) + [0x1A])
        #expect(harness.take() == part.hex + "\r\n+CMGS: 1\r\n\r\nOK\r\n")
        harness.write(Array("AT+CMGS=\(part.length)\r".utf8) + Array(part.hex.utf8) + [0x1A])
        #expect(harness.take().hasSuffix("\r\n+CMGS: 2\r\n\r\nOK\r\n"))
        let sent = harness.modem.sentMessages
        #expect(sent.map(\.reference) == [1, 2])
        #expect(sent.first?.text == "Hello {world} €5")
        #expect(sent.first?.destination == "+447700900123")
        #expect(sent.first?.statusReportRequested == false)
    }

    @Test func escapeCancelsTheMessage() {
        var harness = ModemHarness()
        #expect(harness.send("AT+CMGS=19") == "\r\n> ")
        harness.write(Array("0011000C9144".utf8) + [0x1B])
        #expect(harness.take() == "\r\nOK\r\n")
        #expect(harness.modem.sentMessages.isEmpty)
        #expect(harness.send("AT") == "\r\nOK\r\n")
    }

    @Test(arguments: ["0011000C914477000910320000FF05C8329BFD", "0011000C914477000910320000FF05C8329BFD06FF", "00XY"])
    func malformedPDUsAreRefused(pdu: String) {
        var harness = ModemHarness()
        _ = harness.send("AT+CMEE=1")
        #expect(harness.send("AT+CMGS=19") == "\r\n> ")
        #expect(harness.send(pdu + "\u{1A}") == "\r\n+CMS ERROR: 304\r\n")
        #expect(harness.modem.sentMessages.isEmpty)
    }

    @Test func lengthOutOfRangeIsRefusedWithoutPrompt() {
        var harness = ModemHarness()
        _ = harness.send("AT+CMEE=1")
        #expect(harness.send("AT+CMGS=0") == "\r\n+CMS ERROR: 304\r\n")
    }

    @Test func sendingWithoutNetworkFails() {
        var harness = ModemHarness()
        _ = harness.send("AT+CMEE=1")
        _ = harness.send("AT+CFUN=0")
        _ = harness.send("AT+CMGS=19")
        #expect(harness.send("0011000C914477000910320000FF05C8329BFD06\u{1A}") == "\r\n+CMS ERROR: 331\r\n")
    }

    /// Indications arriving at the prompt wait until the send has finished.
    @Test func indicationsWaitForThePromptToBeAnswered() throws {
        var harness = ModemHarness()
        #expect(harness.send("AT+CMGS=19") == "\r\n> ")
        try harness.inject(Self.hello)
        #expect(harness.take().isEmpty)
        #expect(
            harness.send("0011000C914477000910320000FF05C8329BFD06\u{1A}")
                == "\r\n+CMGS: 1\r\n\r\nOK\r\n\r\n+CMTI: \"SM\",1\r\n"
        )
    }

    @Test func newMessageIndicationModes() throws {
        var harness = ModemHarness()
        #expect(harness.send("AT+CNMI?") == "\r\n+CNMI: 2,1,0,0,0\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CNMI=?") == "\r\n+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)\r\n\r\nOK\r\n")
        // mt=0: stored silently
        _ = harness.send("AT+CNMI=2,0,0,0,0")
        try harness.inject(Self.hello)
        #expect(harness.take().isEmpty)
        // mt=2: routed to the host, not stored
        _ = harness.send("AT+CNMI=2,2,0,0,0")
        try harness.inject(Self.hello)
        #expect(harness.take() == "\r\n+CMT: ,24\r\n\(Self.helloPDU)\r\n")
        #expect(harness.modem.storages["SM"]!.used == 1)
        // mode=0: buffered in the modem until mode 1 or 2
        _ = harness.send("AT+CNMI=0,1,0,0,0")
        try harness.inject(Self.hello)
        #expect(harness.take().isEmpty)
        #expect(harness.send("AT+CNMI=2,1,0,0,0") == "\r\nOK\r\n\r\n+CMTI: \"SM\",2\r\n")
    }

    /// With +CSMS=1, a +CMT must be acknowledged with +CNMA.
    @Test func acknowledgement() throws {
        var harness = ModemHarness()
        _ = harness.send("AT+CMEE=1;+CSMS=1;+CNMI=2,2,0,0,0")
        try harness.inject(Self.hello)
        _ = harness.take()
        #expect(harness.send("AT+CNMA") == "\r\nOK\r\n")
        #expect(harness.send("AT+CNMA") == "\r\n+CMS ERROR: 340\r\n")
    }

    @Test(arguments: [1, 2])
    func statusReports(ds: Int) throws {
        var harness = ModemHarness()
        _ = harness.send("AT+CNMI=2,1,0,\(ds),0")
        var options = MessageEncoder.Options()
        options.statusReportRequest = true
        let part = try #require(
            try MessageEncoder.submit(text: "Hi", to: PhoneAddress(number: "+447700900123"), options: options).first
        )
        _ = harness.send("AT+CMGS=\(part.length)")
        #expect(harness.send(part.hex + "\u{1A}") == "\r\n+CMGS: 1\r\n\r\nOK\r\n")
        #expect(harness.modem.sentMessages.first?.statusReportRequested == true)
        harness.advance(by: .seconds(1))
        #expect(harness.take().isEmpty)
        harness.advance(by: .seconds(1))
        let output = harness.take()
        let pdu: String
        if ds == 1 {
            let lines = output.split(separator: "\r\n")
            #expect(lines.first == "+CDS: 25")
            pdu = String(lines.last!)
        } else {
            #expect(output == "\r\n+CDSI: \"SM\",1\r\n")
            let listing = harness.send("AT+CMGR=1").split(separator: "\r\n")
            #expect(listing.first == "+CMGR: 0,,25")
            pdu = String(listing[1])
        }
        guard case .statusReport(let report) = try PDU.decode(hex: pdu) else {
            Issue.record("not a status report")
            return
        }
        #expect(report.messageReference == 1)
        #expect(report.recipient.description == "+447700900123")
        #expect(report.status == .receivedBySME)
    }

    @Test func failedStatusReport() throws {
        var configuration = ModemHarness.configuration()
        configuration.statusReportOutcome = .incompatibleDestination
        var harness = ModemHarness(configuration)
        _ = harness.send("AT+CNMI=2,1,0,1,0")
        var options = MessageEncoder.Options()
        options.statusReportRequest = true
        let part = try #require(
            try MessageEncoder.submit(text: "Hi", to: PhoneAddress(number: "+447700900123"), options: options).first
        )
        _ = harness.send("AT+CMGS=\(part.length)")
        _ = harness.send(part.hex + "\u{1A}")
        harness.advance(by: .seconds(2))
        let pdu = String(harness.take().split(separator: "\r\n").last!)
        guard case .statusReport(let report) = try PDU.decode(hex: pdu) else {
            Issue.record("not a status report")
            return
        }
        #expect(report.status.category == .failed)
    }

    @Test func delayedArrival() throws {
        var harness = ModemHarness()
        var message = Self.hello
        message.delay = 3
        try harness.inject(message)
        harness.advance(by: .seconds(2))
        #expect(harness.take().isEmpty)
        harness.advance(by: .seconds(1))
        #expect(harness.take() == "\r\n+CMTI: \"SM\",1\r\n")
    }

    @Test func rejectsUnencodableMessages() {
        var harness = ModemHarness()
        #expect(throws: SimulatorError.self) {
            try harness.inject(InjectedMessage(from: "", text: "Hi"))
        }
        #expect(throws: SimulatorError.self) {
            try harness.inject(InjectedMessage(from: "+447700900123", text: "Hi", messageClass: 7))
        }
    }
}
