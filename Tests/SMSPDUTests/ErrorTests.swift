// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Testing

@testable import SMSPDU

@Suite struct ErrorTests {
    private func error(_ hex: String, smsc: PDU.SMSCPresence = .present) -> PDUError? {
        do {
            _ = try PDU.decode(hex: hex, smsc: smsc)
            return nil
        } catch {
            return error
        }
    }

    private let good = "00" + "000C91447700091032" + "0000" + "42102030405000" + "0AC8329BFD065DC37232"

    @Test func oddHexNamesTheOffset() {
        let failure = error("0004A")
        #expect(failure?.code == .invalidHex)
        #expect(failure?.offset == 5)
    }

    @Test func nonHexCharacterNamesTheOffset() {
        let failure = error("00G4")
        #expect(failure?.code == .invalidHex)
        #expect(failure?.offset == 2)
        #expect(failure?.description.contains("'G'") == true)
    }

    /// Every truncation of a valid PDU is an error naming a field, never a crash or a shorter text.
    @Test func everyTruncationIsReported() {
        for length in stride(from: 2, to: good.count, by: 2) {
            let failure = error(String(good.prefix(length)))
            #expect(failure != nil, "prefix of \(length) hex digits decoded")
            #expect(failure?.field.isEmpty == false)
        }
    }

    @Test func trailingBytesAreReported() {
        let failure = error(good + "00")
        #expect(failure?.code == .trailingBytes)
        #expect(failure?.offset == good.count / 2)
    }

    @Test func userDataLengthOverLimit() {
        let failure = error(
            "0004" + "0C91447700091032" + "0000" + "42102030405000" + "A1" + String(repeating: "00", count: 141)
        )
        #expect(failure?.code == .invalidLength)
        #expect(failure?.field == "TP-UDL")
        #expect(failure?.offset == 19)
    }

    @Test func headerLongerThanUserData() {
        let failure = error("0044" + "0C91447700091032" + "0008" + "42102030405000" + "04" + "09000301")
        #expect(failure?.code == .invalidUserDataHeader)
        #expect(failure?.field == "TP-UDH")
    }

    @Test func informationElementOverrunsHeader() {
        let failure = error("0044" + "0C91447700091032" + "0008" + "42102030405000" + "06" + "0300050101" + "00")
        #expect(failure?.code == .invalidUserDataHeader)
        #expect(failure?.offset == 21)
    }

    @Test func concatenationElementWithWrongLength() {
        let failure = error("0044" + "0C91447700091032" + "0008" + "42102030405000" + "09" + "06000401020304" + "0041")
        #expect(failure?.code == .invalidUserDataHeader)
    }

    /// §9.2.3.24.1: a sequence number of 0 or above the total makes the element ignored, not the message lost.
    @Test func impossibleSequenceNumberIsIgnored() throws {
        let pdu = try PDU.decode(
            hex: "0044" + "0C91447700091032" + "0008" + "42102030405000" + "08" + "050003070203" + "0041"
        )
        #expect(pdu.userData?.header?.concatenation == nil)
        #expect(pdu.userData?.header?.elements.count == 1)
        #expect(pdu.userData?.text == "A")
    }

    @Test func sevenBitHeaderLongerThanUDL() {
        let failure = error("0044" + "0C91447700091032" + "0000" + "42102030405000" + "03" + "050003070201")
        #expect(failure != nil)
    }

    @Test func oddUCS2Length() {
        let failure = error("0004" + "0C91447700091032" + "0008" + "42102030405000" + "03" + "004100")
        #expect(failure?.code == .invalidLength)
    }

    @Test func reservedMessageType() {
        let failure = error("0003" + "0C91447700091032")
        #expect(failure?.field == "TP-MTI")
        #expect(failure?.offset == 1)
    }

    @Test func impossibleDate() {
        let failure = error("0004" + "0C91447700091032" + "0000" + "42201330405000" + "0141")
        #expect(failure?.field == "TP-SCTS")
        #expect(failure?.code == .invalidValue)
    }

    @Test func fillerInsideAddress() {
        let failure = error("0004" + "0C914477F00910320000" + "42102030405000" + "0141")
        #expect(failure?.field == "TP-OA")
    }

    @Test func smscLengthDisagreesWithReportedTPDULength() {
        let failure = error("0791447758100650" + String(good.dropFirst(2)), smsc: .tpduLength(20))
        #expect(failure?.code == .invalidLength)
    }

    @Test func badPhoneNumbersAreRejectedWhenEncoding() {
        for number in ["", "+", "07700 9OO123", "+44+77", String(repeating: "1", count: 21)] {
            #expect(throws: PDUError.self) { try PhoneAddress(number: number) }
        }
    }

    @Test func tooLongTextIsRejected() {
        #expect(throws: PDUError.self) {
            try MessageEncoder.submit(
                text: String(repeating: "😀", count: 34 * 256),
                to: PhoneAddress(number: "+447700900123")
            )
        }
    }
}
