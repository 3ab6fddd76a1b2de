// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Testing

@Suite("Command response parsers")
struct CommandParserTests {
    /// Should read identification text with and without vendor prefixes.
    @Test func parsesIdentification() throws {
        #expect(try CGMI.parseExecResponse(["Quectel"]) == "Quectel")
        #expect(try CGMI.parseExecResponse(["+CGMI: \"SIMCOM INCORPORATED\""]) == "SIMCOM INCORPORATED")
        #expect(try CGMM.parseExecResponse(["EC25"]) == "EC25")
        #expect(try CGMR.parseExecResponse(["Revision: EC25EFAR06A06M4G"]) == "EC25EFAR06A06M4G")
        #expect(try CGMR.parseExecResponse(["+CGMR: LE20B04SIM7600G22"]) == "LE20B04SIM7600G22")
        #expect(try CGSN.parseExecResponse(["866758042179683"]) == "866758042179683")
        #expect(try CGSN.parseExecResponse(["+CGSN: \"866758042179683\""]) == "866758042179683")
        #expect(try CIMI.parseExecResponse(["234150999999999"]) == "234150999999999")
    }

    /// Should reject identification responses that are empty or not digits where digits are required.
    @Test func rejectsBadIdentification() {
        #expect(throws: ATParseError.self) { try CGMI.parseExecResponse([]) }
        let error = #expect(throws: ATParseError.self) { try CIMI.parseExecResponse(["SIM not ready"]) }
        #expect(error?.code == .invalidParameter)
        #expect(error?.command == "+CIMI")
    }

    /// Should read SIM states, including the vendor's NOT INSERTED.
    @Test func parsesPINState() throws {
        #expect(try CPIN.parseReadResponse(["+CPIN: READY"]) == .ready)
        #expect(try CPIN.parseReadResponse(["+CPIN: SIM PIN"]) == .simPIN)
        #expect(try CPIN.parseReadResponse(["+CPIN: SIM PUK"]).needsPUK)
        #expect(try CPIN.parseReadResponse(["+CPIN: PH-NET PIN"]) == .phNetPIN)
        #expect(try CPIN.parseReadResponse(["+CPIN: NOT INSERTED"]) == .notInserted)
        #expect(!CPIN.State.simPIN.needsPUK)
    }

    /// Should convert +CSQ to dBm and bars.
    @Test(
        arguments: [
            (0, -113, 0), (1, -111, 0), (2, -109, 1), (5, -103, 2), (10, -93, 3), (15, -83, 4), (20, -73, 5),
            (31, -51, 5),
        ]
    )
    func convertsSignalQuality(rssi: Int, dBm: Int, bars: Int) throws {
        let quality = try CSQ.parseExecResponse([ATLine("+CSQ: \(rssi),99")])
        #expect(quality.dBm == dBm)
        #expect(quality.bars == bars)
    }

    /// Should report unknown signal as no dBm and zero bars, and reject out-of-range values.
    @Test func handlesUnknownSignal() throws {
        let quality = try CSQ.parseExecResponse(["+CSQ: 99,99"])
        #expect(quality.dBm == nil)
        #expect(quality.bars == 0)
        #expect(throws: ATParseError.self) { try CSQ.parseExecResponse(["+CSQ: 45,0"]) }
        #expect(throws: ATParseError.self) { try CSQ.parseExecResponse(["OK"]) }
    }

    /// Should read +CESQ with unknown values as nil and convert LTE values.
    @Test func parsesExtendedSignalQuality() throws {
        let quality = try CESQ.parseExecResponse(["+CESQ: 99,99,255,255,20,45"])
        #expect(quality.rxlev == nil && quality.rscp == nil && quality.ecno == nil)
        #expect(quality.rsrq == 20)
        #expect(quality.rsrqDB == -10)
        #expect(quality.rsrpDBm == -96)
    }

    /// Should parse registration read responses with and without location.
    @Test func parsesRegistrationReadResponses() throws {
        let full = try CREG.parseReadResponse(["+CREG: 2,1,\"00A1\",\"0B2C\",7"])
        #expect(full.reportingMode == 2)
        #expect(full.state == .registeredHome)
        #expect(full.state.isRegistered && !full.state.isRoaming)
        #expect(full.areaCode == "00A1")
        #expect(full.cellID == "0B2C")
        #expect(full.accessTechnology == 7)
        let short = try CEREG.parseReadResponse(["+CEREG: 0,5"])
        #expect(short.domain == .evolvedPacketSystem && short.state == .registeredRoaming && short.areaCode == nil)
        #expect(try CGREG.parseReadResponse(["+CGREG: 0,2"]).state == .searching)
        #expect(throws: ATParseError.self) { try CREG.parseReadResponse(["+CREG: 1"]) }
        #expect(try CREG.parseUnsolicited("+CREG: 3").state == .denied)
        #expect(throws: ATParseError.self) { try CREG.parseUnsolicited("+CREG: 0,1") }
    }

    /// Should read the SMSC address, decoding hex-encoded quirks.
    @Test(
        arguments: [
            ("+CSCA: \"+447785016005\",145", "+447785016005"),
            ("+CSCA: \"002B003400340037003700380035003000310036003000300035\",145", "+447785016005"),
            ("+CSCA: \"2B343437373835303136303035\",145", "+447785016005"),
            ("+CSCA: \"447785016005\",129", "447785016005"),
            ("+CSCA: \"0044778501600500\",129", "0044778501600500"),
        ]
    )
    func parsesServiceCentreAddress(line: String, number: String) throws {
        #expect(try CSCA.parseReadResponse([ATLine(line)]).number == number)
    }

    /// Should parse the three forms of +CPMS.
    @Test func parsesPreferredStorage() throws {
        let read = try CPMS.parseReadResponse(["+CPMS: \"SM\",3,30,\"SM\",3,30,\"ME\",0,255"])
        #expect(
            read == [
                .init(storage: "SM", used: 3, total: 30), .init(storage: "SM", used: 3, total: 30),
                .init(storage: "ME", used: 0, total: 255),
            ]
        )
        let set = try CPMS.parseSetResponse(["+CPMS: 30,30,30,30,30,30"])
        #expect(set.count == 3 && set.allSatisfy { $0.isFull })
        let test = try CPMS.parseTestResponse([
            "+CPMS: (\"SM\",\"ME\",\"MT\"),(\"SM\",\"ME\",\"MT\"),(\"SM\",\"ME\",\"MT\")"
        ])
        #expect(test == Array(repeating: ["SM", "ME", "MT"], count: 3))
        #expect(throws: ATParseError.self) { try CPMS.parseReadResponse(["+CPMS: \"SM\",3"]) }
    }

    /// Should parse +CNMI test and read responses and check the settings Care Connect needs.
    @Test func parsesNewMessageIndicationSettings() throws {
        let supported = try CNMI.parseTestResponse(["+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)"])
        #expect(supported.mt == [0...3])
        #expect(supported.bm == [0...0, 2...2])
        #expect(supported.supports(CNMI.Settings(mode: 2, mt: 1, bm: 0, ds: 2, bfr: 0)))
        #expect(!supported.supports(CNMI.Settings(mode: 3, mt: 1)))
        #expect(try CNMI.parseReadResponse(["+CNMI: 2,1,0,2,0"]) == CNMI.Settings(mode: 2, mt: 1, bm: 0, ds: 2, bfr: 0))
    }

    /// Should parse +CMEE, +CFUN and +CMGF read responses.
    @Test func parsesSimpleReadResponses() throws {
        #expect(try CMEE.parseReadResponse(["+CMEE: 2"]) == .verbose)
        #expect(try CFUN.parseReadResponse(["+CFUN: 1"]) == .full)
        #expect(try CMGF.parseReadResponse(["+CMGF: 0"]) == .pdu)
        #expect(throws: ATParseError.self) { try CMGF.parseReadResponse(["+CMGF: 7"]) }
    }

    /// Should pair each +CMGL header with its PDU line.
    @Test func parsesMessageListing() throws {
        let lines: [ATLine] = [
            "+CMGL: 1,1,,22",
            "0791447758100650040C9144770009301200004211520103000003D9F21C",
            "+CMGL: 4,0,\"Ward 7, Bay 2\",45",
            "0791447758100650040C914477000940650000421152010300001DC6F79B0CBA87E7A0F19B4D0685E92076DD3D4683E86F7238EF02",
        ]
        let messages = try CMGL.parseSetResponse(lines)
        #expect(messages.count == 2)
        #expect(messages[0].index == 1 && messages[0].status == .receivedRead && messages[0].alpha == nil)
        #expect(messages[1].index == 4 && messages[1].status == .receivedUnread && messages[1].alpha == "Ward 7, Bay 2")
        #expect(messages[1].length == 45 && messages[1].pduHex.hasSuffix("EF02"))
        #expect(messages.allSatisfy { $0.isLengthConsistent })
        #expect(try CMGL.parseSetResponse([]).isEmpty)
    }

    /// Should accept text-mode status names that some modems send in PDU mode.
    @Test func acceptsTextModeStatusInListing() throws {
        let messages = try CMGL.parseSetResponse([
            "+CMGL: 2,\"REC UNREAD\",,22", "0791447758100650040C9144770009301200004211520103000003D9F21C",
        ])
        #expect(messages.first?.status == .receivedUnread)
    }

    /// Should reject a header without a PDU line.
    @Test func rejectsHeaderWithoutPDU() {
        let error = #expect(throws: ATParseError.self) {
            try CMGL.parseSetResponse([
                "+CMGL: 1,1,,22", "+CMGL: 2,1,,22", "0791447758100650040C9144770009301200004211520103000003D9F21C",
            ])
        }
        #expect(error?.code == .missingLine)
    }

    /// Should read one message, or nil for an empty slot.
    @Test func parsesMessageRead() throws {
        let message = try #require(
            try CMGR.parseSetResponse(["+CMGR: 0,,22", "0791447758100650040C9144770009301200004211520103000003D9F21C"])
        )
        #expect(message.status == .receivedUnread && message.length == 22 && message.index == nil)
        #expect(try CMGR.parseSetResponse([]) == nil)
        #expect(try CMGR.parseSetResponse(["+CMGR: 0,,0"]) == nil)
    }

    /// Should compute the TPDU length of a PDU and parse the send result.
    @Test func handlesSending() throws {
        #expect(
            CMGS.tpduLength(
                ofPDUHex: "0011000C914477000910320000AA1C5474D8BD06E5DF7590F92D07E5DF7539C85C2E93C5E1F1DA05"
            ) == 39
        )
        #expect(CMGS.tpduLength(ofPDUHex: "0791447758100650040C9144770009301200004211520103000003D9F21C") == 22)
        #expect(CMGS.tpduLength(ofPDUHex: "07914477") == nil)
        #expect(CMGS.tpduLength(ofPDUHex: "0G") == nil)
        #expect(try CMGS.parseSetResponse(["+CMGS: 12"]) == CMGS.Result(messageReference: 12))
        #expect(
            try CMGS.parseSetResponse(["+CMGS: 200,\"24/11/25,10:30:00+00\""]).acknowledgement == "24/11/25,10:30:00+00"
        )
        #expect(throws: ATParseError.self) { try CMGS.parseSetResponse(["+CMGS: 300"]) }
    }

    /// Should parse +CMGD, +CNMA and +CSMS responses.
    @Test func parsesRemainingMessageCommands() throws {
        let delete = try CMGD.parseTestResponse(["+CMGD: (1,3,4),(0-4)"])
        #expect(delete.indexes == [1...1, 3...3, 4...4] && delete.flags == [0...4])
        #expect(try CNMA.parseTestResponse(["+CNMA: (0-2)"]) == [0...2])
        #expect(
            try CSMS.parseSetResponse(["+CSMS: 1,1,1"])
                == CSMS.Support(mobileTerminated: true, mobileOriginated: true, broadcast: true)
        )
        let read = try CSMS.parseReadResponse(["+CSMS: 0,1,1,0"])
        #expect(read.service == 0 && !read.support.broadcast)
    }

    /// Should name the command and the line in parse errors.
    @Test func describesParseErrors() {
        let error = #expect(throws: ATParseError.self) { try CSQ.parseExecResponse(["+CSQ: x,99"]) }
        #expect(error?.code == .invalidParameter)
        #expect(error?.line == "+CSQ: x,99")
        #expect(error?.description == "+CSQ: invalid parameter: <rssi> is not a number: \"x\" in line \"+CSQ: x,99\"")
    }
}
