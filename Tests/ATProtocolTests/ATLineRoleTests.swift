// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Testing

@Suite("ATLineRole")
struct ATLineRoleTests {
    /// Should treat a +CPMS line as the response only while AT+CPMS is pending.
    @Test func prefixedLineIsResponseOnlyToItsCommand() {
        let line: ATLine = "+CPMS: \"SM\",3,30,\"SM\",3,30,\"SM\",3,30"
        #expect(ATLineRole.classify(line, pendingCommand: CPMS.read) == .response)
        #expect(ATLineRole.classify(line, pendingCommand: CSQ.execute) == .unsolicited(.unknown(line)))
        #expect(UnsolicitedResult.isUnsolicited(line: line, pendingCommand: CSQ.execute))
        #expect(!UnsolicitedResult.isUnsolicited(line: line, pendingCommand: CPMS.read))
    }

    /// Should tell the +CREG read response from the +CREG result code by the shape of its parameters.
    @Test func distinguishesRegistrationReadResponseFromResultCode() {
        #expect(ATLineRole.classify("+CREG: 2,1,\"00A1\",\"0B2C\",7", pendingCommand: CREG.read) == .response)
        #expect(ATLineRole.classify("+CREG: 0,1", pendingCommand: CREG.read) == .response)
        #expect(UnsolicitedResult.isUnsolicited(line: "+CREG: 1", pendingCommand: CREG.read))
        #expect(UnsolicitedResult.isUnsolicited(line: "+CREG: 1,\"00A1\",\"0B2C\",7", pendingCommand: CREG.read))
        #expect(UnsolicitedResult.isUnsolicited(line: "+CREG: 1", pendingCommand: CREG.set(reportingMode: 2)))
        #expect(UnsolicitedResult.isUnsolicited(line: "+CREG: 1", pendingCommand: nil))
        #expect(ATLineRole.classify("+CREG: (0-2)", pendingCommand: ATCommand("AT+CREG=?")) == .response)
    }

    /// Should treat +CPIN: READY as the answer to AT+CPIN? but as unsolicited otherwise.
    @Test func cpinIsResponseOnlyToReadCommand() {
        #expect(ATLineRole.classify("+CPIN: READY", pendingCommand: CPIN.read) == .response)
        #expect(
            ATLineRole.classify("+CPIN: READY", pendingCommand: CPIN.enter(pin: "1234"))
                == .unsolicited(.simStatus(.ready))
        )
        #expect(ATLineRole.classify("+CPIN: READY", pendingCommand: V250.attention) == .unsolicited(.simStatus(.ready)))
    }

    /// Should keep a +CMTI arriving in the middle of a listing out of the listing.
    @Test func newMessageDuringListingIsUnsolicited() {
        let pending = CMGL.list()
        #expect(ATLineRole.classify("+CMGL: 1,1,,22", pendingCommand: pending) == .response)
        #expect(
            ATLineRole.classify("+CMTI: \"SM\",4", pendingCommand: pending)
                == .unsolicited(.newMessage(MessageStorageIndication(storage: "SM", index: 4)))
        )
        #expect(ATLineRole.classify("0791447758100650040C91", pendingCommand: pending) == .response)
    }

    /// Should classify the echo, final results and plain text.
    @Test func classifiesEchoFinalResultsAndText() {
        #expect(ATLineRole.classify("AT+CGMI", pendingCommand: CGMI.execute) == .echo)
        #expect(ATLineRole.classify("Quectel", pendingCommand: CGMI.execute) == .response)
        #expect(ATLineRole.classify("OK", pendingCommand: CGMI.execute) == .finalResult(.ok))
        #expect(
            ATLineRole.classify("+CMS ERROR: 322", pendingCommand: nil)
                == .finalResult(.cmsError(.memoryFull, verboseText: nil))
        )
        #expect(ATLineRole.classify("Quectel", pendingCommand: nil) == .unexpected)
        #expect(
            ATLineRole.classify("^RSSI: 17", pendingCommand: CGMI.execute)
                == .unsolicited(.vendor(VendorIndication(name: "^RSSI", value: "17")))
        )
        #expect(ATLineRole.classify("RING", pendingCommand: CSQ.execute) == .unsolicited(.ring))
    }
}
