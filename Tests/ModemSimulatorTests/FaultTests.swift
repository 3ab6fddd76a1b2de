// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ModemSimulator
import Testing

@Suite("Fault injection")
struct FaultTests {
    static let hello = InjectedMessage(from: "+447700900123", text: "Hello")

    /// A silent modem reads and drops everything, then answers again.
    @Test func silence() throws {
        var harness = ModemHarness()
        harness.apply(.silence(.seconds(5)))
        #expect(harness.send("AT").isEmpty)
        try harness.inject(Self.hello)
        #expect(harness.take().isEmpty)
        #expect(harness.modem.status.state == "silent")
        harness.advance(by: .seconds(5))
        #expect(harness.send("AT") == "\r\nOK\r\n")
        #expect(harness.modem.storages["SM"]!.used == 1)
    }

    @Test func garbageNow() {
        var harness = ModemHarness()
        harness.apply(.garbage(count: 64, midResponse: false))
        let bytes = harness.output
        #expect(bytes.count == 64)
        #expect(bytes.contains(0x00))
        #expect(bytes.contains(0xFF))
        #expect(String(validating: bytes, as: UTF8.self) == nil)
    }

    @Test func garbageInsideTheNextResponse() {
        var harness = ModemHarness()
        harness.apply(.garbage(count: 16, midResponse: true))
        #expect(harness.output.isEmpty)
        _ = harness.send("AT+CSQ")
        let response = Array("\r\n+CSQ: 20,99\r\n\r\nOK\r\n".utf8)
        let middle = response.count / 2
        let output = harness.modem.log.sentBytes.suffix(response.count + 16)
        #expect(Array(output.prefix(middle)) == Array(response[..<middle]))
        #expect(Array(output.suffix(response.count - middle)) == Array(response[middle...]))
        #expect(harness.send("AT") == "\r\nOK\r\n")
    }

    /// A reboot forgets settings, is deaf while booting, prints boot indications; the SIM keeps its messages.
    @Test func reboot() throws {
        var harness = ModemHarness(ModemHarness.configuration(profile: .quectelEC25))
        try harness.inject(Self.hello)
        _ = harness.send("AT+CMEE=2")
        _ = harness.take()
        harness.apply(.reboot)
        #expect(harness.send("AT").isEmpty)
        harness.advance(by: .milliseconds(100))
        #expect(harness.take().hasPrefix("\r\nRDY\r\n"))
        #expect(harness.send("AT+CMEE?") == "AT+CMEE?\r\r\n+CMEE: 0\r\n\r\nOK\r\n")
        #expect(harness.modem.storages["SM"]!.used == 1)
    }

    @Test func closePortResetsAndAsksTheHostToClose() {
        var harness = ModemHarness()
        harness.apply(.closePort(reopenAfter: .seconds(1)))
        #expect(harness.closedPorts == [.seconds(1)])
        #expect(!harness.modem.isReady)
    }

    @Test func lineRate() {
        var harness = ModemHarness()
        harness.apply(.lineRate(baud: 9600))
        #expect(harness.lineRate == .some(960))
        harness.apply(.lineRate(baud: nil))
        #expect(harness.lineRate == .some(nil))
    }

    /// A dropped +CMTI: the message is stored but the host is not told.
    @Test func droppedIndications() throws {
        var harness = ModemHarness()
        harness.apply(.dropIndications(true))
        try harness.inject(Self.hello)
        #expect(harness.take().isEmpty)
        #expect(harness.modem.storages["SM"]!.used == 1)
        harness.apply(.dropIndications(false))
        try harness.inject(Self.hello)
        #expect(harness.take() == "\r\n+CMTI: \"SM\",2\r\n")
    }

    /// A message arriving while the host lists: its +CMTI lands between two +CMGL entries.
    @Test func indicationInsideListing() throws {
        var harness = ModemHarness()
        try harness.inject(Self.hello)
        try harness.inject(Self.hello)
        _ = harness.take()
        harness.apply(.indicationMidResponse)
        try harness.inject(InjectedMessage(from: "+447700900999", text: "Late"))
        #expect(harness.take().isEmpty)
        let lines = harness.send("AT+CMGL=4").split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.count == 9)
        #expect(lines[1].hasPrefix("+CMGL: 1,0,,"))
        #expect(lines[3] == "+CMTI: \"SM\",3")
        #expect(lines[4].hasPrefix("+CMGL: 2,0,,"))
        #expect(lines[7] == "OK")
        #expect(harness.modem.storages["SM"]!.used == 3)
    }

    @Test(arguments: [
        ("silence 5", SimulatorFault.silence(.seconds(5))),
        ("garbage 64", .garbage(count: 64, midResponse: false)),
        ("garbage 8 mid-response", .garbage(count: 8, midResponse: true)),
        ("reboot", .reboot),
        ("close", .closePort(reopenAfter: nil)),
        ("close 2.5", .closePort(reopenAfter: .milliseconds(2500))),
        ("baud 9600", .lineRate(baud: 9600)),
        ("baud off", .lineRate(baud: nil)),
        ("drop-urc on", .dropIndications(true)),
        ("drop-urc off", .dropIndications(false)),
        ("urc-mid-response", .indicationMidResponse),
    ])
    func parsesFaults(text: String, fault: SimulatorFault) throws {
        #expect(try SimulatorFault(parsing: text) == fault)
    }

    @Test(arguments: ["", "silence", "silence x", "garbage 0", "baud 5", "drop-urc maybe", "explode"])
    func rejectsBadFaults(text: String) {
        #expect(throws: SimulatorError.self) { try SimulatorFault(parsing: text) }
    }
}
