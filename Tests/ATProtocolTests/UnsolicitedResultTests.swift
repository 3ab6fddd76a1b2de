// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Testing

@Suite("UnsolicitedResult")
struct UnsolicitedResultTests {
    /// Should parse new-message and new-status-report indications.
    @Test func parsesStorageIndications() {
        #expect(
            UnsolicitedResult(line: "+CMTI: \"SM\",3")
                == .newMessage(MessageStorageIndication(storage: "SM", index: 3))
        )
        #expect(
            UnsolicitedResult(line: "+CDSI: \"SR\",1")
                == .newStatusReport(MessageStorageIndication(storage: "SR", index: 1))
        )
    }

    /// Should parse +CMT and +CDS headers and say that the PDU follows on the next line.
    @Test func parsesHeadersThatNeedTheFollowingLine() throws {
        let delivery = try #require(UnsolicitedResult(line: "+CMT: ,23"))
        #expect(delivery == .messageDelivery(IncomingPDUHeader(alpha: nil, length: 23)))
        #expect(delivery.requiresFollowingLine)
        #expect(
            UnsolicitedResult(line: "+CMT: \"Ward Sister\",23")
                == .messageDelivery(IncomingPDUHeader(alpha: "Ward Sister", length: 23))
        )
        let report = try #require(UnsolicitedResult(line: "+CDS: 25"))
        #expect(report == .statusReportDelivery(IncomingPDUHeader(length: 25)))
        #expect(report.requiresFollowingLine)
        #expect(!(UnsolicitedResult(line: "+CMTI: \"SM\",3")?.requiresFollowingLine ?? true))
    }

    /// Should parse the result-code forms of registration reports.
    @Test func parsesRegistrationResultCodes() {
        #expect(
            UnsolicitedResult(line: "+CREG: 1")
                == .registration(NetworkRegistration(domain: .circuitSwitched, state: .registeredHome))
        )
        #expect(
            UnsolicitedResult(line: "+CREG: 5,\"00A1\",\"0B2C\",7")
                == .registration(
                    NetworkRegistration(
                        domain: .circuitSwitched,
                        state: .registeredRoaming,
                        areaCode: "00A1",
                        cellID: "0B2C",
                        accessTechnology: 7
                    )
                )
        )
        #expect(
            UnsolicitedResult(line: "+CEREG: 2")
                == .registration(NetworkRegistration(domain: .evolvedPacketSystem, state: .searching))
        )
        #expect(
            UnsolicitedResult(line: "+CGREG: 1,\"1A2B\",\"0001C3D4\",2")
                == .registration(
                    NetworkRegistration(
                        domain: .packetSwitched,
                        state: .registeredHome,
                        areaCode: "1A2B",
                        cellID: "0001C3D4",
                        accessTechnology: 2
                    )
                )
        )
    }

    /// Should report a registration read response seen without context as unknown, not as a result code.
    @Test func doesNotParseReadResponseAsRegistration() {
        #expect(UnsolicitedResult(line: "+CREG: 2,1,\"00A1\",\"0B2C\",7") == .unknown("+CREG: 2,1,\"00A1\",\"0B2C\",7"))
    }

    /// Should parse calls, caller identity and boot reports.
    @Test func parsesCallsAndBootReports() {
        #expect(UnsolicitedResult(line: "RING") == .ring)
        #expect(
            UnsolicitedResult(line: "+CLIP: \"+447700900123\",145,\"\",,\"\",0")
                == .callingLine(CallingLineIdentification(number: "+447700900123", typeOfAddress: 145, validity: 0))
        )
        #expect(UnsolicitedResult(line: "RDY") == .modemReady)
        #expect(UnsolicitedResult(line: "+CPIN: READY") == .simStatus(.ready))
        #expect(UnsolicitedResult(line: "+CPIN: SIM PIN") == .simStatus(.simPIN))
        #expect(UnsolicitedResult(line: "+CFUN: 1") == .functionality(1))
        #expect(UnsolicitedResult(line: "SMS DONE") == .smsReady)
        #expect(UnsolicitedResult(line: "SMS Ready") == .smsReady)
        #expect(UnsolicitedResult(line: "+QIND: SMS DONE") == .smsReady)
        #expect(UnsolicitedResult(line: "PB DONE") == .phonebookReady)
        #expect(UnsolicitedResult(line: "+QIND: PB DONE") == .phonebookReady)
        #expect(UnsolicitedResult(line: "Call Ready") == .callReady)
    }

    /// Should report vendor noise by name, keeping its text.
    @Test(
        arguments: [
            ("^RSSI: 17", "^RSSI", "17"), ("^MODE: 5,4", "^MODE", "5,4"), ("^SRVST:2", "^SRVST", "2"),
            ("^BOOT:20325389,0,0,0,72", "^BOOT", "20325389,0,0,0,72"),
            ("+QIND: \"csq\",20,99", "+QIND", "\"csq\",20,99"),
            ("+STIN: 25", "+STIN", "25"), ("+CUSATP: \"D0\"", "+CUSATP", "\"D0\""), ("+PACSP0", "+PACSP0", ""),
            ("+QUSIM: 1", "+QUSIM", "1"),
        ]
    )
    func reportsVendorNoise(text: String, name: String, value: String) {
        #expect(UnsolicitedResult(line: ATLine(text)) == .vendor(VendorIndication(name: name, value: value)))
    }

    /// Should split a vendor report's parameters on request.
    @Test func splitsVendorParameters() {
        let mode = VendorIndication(name: "^MODE", value: "5,4")
        #expect(mode.parameters.map(\.intValue) == [5, 4])
    }

    /// Should report other result-code-shaped lines as unknown, and ignore plain lines.
    @Test func handlesUnknownAndPlainLines() {
        #expect(UnsolicitedResult(line: "+XYZZY: 1") == .unknown("+XYZZY: 1"))
        #expect(UnsolicitedResult(line: "+CMTI: garbage") == .unknown("+CMTI: garbage"))
        #expect(UnsolicitedResult(line: "OK") == nil)
        #expect(UnsolicitedResult(line: "Quectel") == nil)
        #expect(UnsolicitedResult(line: "0791447758100650040C91") == nil)
        #expect(UnsolicitedResult(line: "+ : broken") == nil)
    }
}
