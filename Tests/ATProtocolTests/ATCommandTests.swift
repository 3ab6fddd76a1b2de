// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import NIOCore
import Testing

@Suite("ATCommand")
struct ATCommandTests {
    /// Should derive the extended name and mode from the command text.
    @Test(
        arguments: [
            ("AT+CPMS?", "+CPMS", ATCommand.Mode.read), ("AT+CPMS=?", "+CPMS", .test),
            ("AT+CMGL=4", "+CMGL", .set), ("AT+CSQ", "+CSQ", .execute), ("at+creg?", "+CREG", .read),
            ("AT^SYSCFG?", "^SYSCFG", .read),
        ]
    )
    func derivesNameAndMode(text: String, name: String, mode: ATCommand.Mode) {
        let command = ATCommand(text)
        #expect(command.extendedName == name)
        #expect(command.mode == mode)
    }

    /// Should treat basic commands as having no extended name.
    @Test(arguments: ["AT", "ATE0", "ATZ", "ATI"])
    func basicCommandsHaveNoExtendedName(text: String) {
        #expect(ATCommand(text).extendedName == nil)
    }

    /// Should end the wire form with a carriage return.
    @Test func writesTextAndCarriageReturn() {
        var buffer = ByteBuffer()
        CMGL.list().write(to: &buffer)
        #expect(buffer == ByteBuffer(string: "AT+CMGL=4\r"))
        #expect(V250.echo(false).wireBytes == Array("ATE0\r".utf8))
    }

    /// Should recognise the echo of the command just sent, ignoring case and surrounding spaces.
    @Test func recognisesEcho() {
        let command = CMGL.list(.all)
        #expect(command.isEcho("AT+CMGL=4"))
        #expect(command.isEcho("at+cmgl=4 "))
        #expect(!command.isEcho("+CMGL: 1,1,,23"))
        #expect(!command.isEcho("AT+CMGL=1"))
        #expect(!command.isEcho("OK"))
    }

    /// Should recognise the echo of a PDU written after the prompt, with or without its Ctrl-Z.
    @Test func recognisesPDUEcho() {
        let pdu = "0011000C914477009001230000AA01C8"
        #expect(ATCommand.isPDUEcho(ATLine(pdu + "\u{1A}"), pduHex: pdu))
        #expect(ATCommand.isPDUEcho(ATLine(pdu.lowercased()), pduHex: pdu))
        #expect(!ATCommand.isPDUEcho("+CMGS: 4", pduHex: pdu))
    }

    /// Should build the commands the engine sends with the exact text modems expect.
    @Test func buildsCommandText() {
        #expect(V250.attention.text == "AT")
        #expect(V250.reset.text == "ATZ")
        #expect(V250.echo(true).text == "ATE1")
        #expect(CMEE.set(.verbose).text == "AT+CMEE=2")
        #expect(CFUN.set(.full).text == "AT+CFUN=1")
        #expect(CFUN.set(.minimum, reset: true).text == "AT+CFUN=0,1")
        #expect(CPIN.enter(pin: "1234").text == "AT+CPIN=\"1234\"")
        #expect(CPIN.enter(puk: "12345678", newPIN: "0000").text == "AT+CPIN=\"12345678\",\"0000\"")
        #expect(CREG.set(reportingMode: 2).text == "AT+CREG=2")
        #expect(CSCA.set(number: "+447785016005", typeOfAddress: 145).text == "AT+CSCA=\"+447785016005\",145")
        #expect(CPMS.set(read: "SM", write: "SM", receive: "SM").text == "AT+CPMS=\"SM\",\"SM\",\"SM\"")
        #expect(CPMS.set(read: "ME").text == "AT+CPMS=\"ME\"")
        #expect(CNMI.set(CNMI.Settings(mode: 2, mt: 1, bm: 0, ds: 2, bfr: 0)).text == "AT+CNMI=2,1,0,2,0")
        #expect(CMGF.set(.pdu).text == "AT+CMGF=0")
        #expect(CMGL.list(.receivedUnread).text == "AT+CMGL=0")
        #expect(CMGR.read(index: 3).text == "AT+CMGR=3")
        #expect(CMGD.delete(index: 3).text == "AT+CMGD=3")
        #expect(CMGD.delete(index: 1, flag: .all).text == "AT+CMGD=1,4")
        #expect(CMGS.send(length: 23).text == "AT+CMGS=23")
        #expect(CNMA.acknowledge.text == "AT+CNMA")
        #expect(CSMS.set(service: 1).text == "AT+CSMS=1")
        #expect(CGSN.execute.text == "AT+CGSN")
    }

    /// Should end the PDU with Ctrl-Z and cancel with ESC.
    @Test func buildsPromptPayloads() {
        #expect(CMGS.payload(pduHex: "0011") == [0x30, 0x30, 0x31, 0x31, 0x1A])
        #expect(CMGS.cancelPayload == [0x1B])
    }
}
