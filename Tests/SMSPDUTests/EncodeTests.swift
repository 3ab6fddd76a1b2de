// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Testing

@testable import SMSPDU

@Suite struct EncodeTests {
    private let ward = try! PhoneAddress(number: "+447700900123")

    private func decodeSubmit(_ part: EncodedPart) throws -> SMSSubmit {
        guard case .submit(let pdu) = try PDU.decode(hex: part.hex) else {
            throw PDUError(.invalidValue, field: "test", offset: nil, "not a submit")
        }
        return pdu
    }

    /// gammu sendsms wrote this user data for the same text; ours is byte-identical (gammu adds VP FF).
    @Test func matchesGammuForEscapedText() throws {
        let parts = try MessageEncoder.submit(text: "Hello {world} [x] €5 ^~|\\", to: ward)
        #expect(parts.count == 1)
        #expect(
            parts[0].hex == "0001000C91447700091032000022C8329BFD066D50F7B79C4DDEA4401B1E7EE3036DCA35D086B2E96D809B17"
        )
        #expect(parts[0].length == 43)
    }

    /// 160 septets fit one part; 161 need two of at most 153.
    @Test(arguments: [(160, 1), (161, 2), (306, 2), (307, 3), (153 * 255, 255)])
    func segmentsGSM7(length: Int, expectedParts: Int) throws {
        let parts = try MessageEncoder.submit(text: String(repeating: "a", count: length), to: ward)
        #expect(parts.count == expectedParts)
        for part in parts {
            #expect(try decodeSubmit(part).userData.payload.count <= (expectedParts == 1 ? 160 : 153))
        }
    }

    /// Escapes count as two septets: 80 euro signs fill one part exactly, 81 do not.
    @Test func escapesCountAsTwoSeptets() throws {
        #expect(try MessageEncoder.submit(text: String(repeating: "€", count: 80), to: ward).count == 1)
        #expect(try MessageEncoder.submit(text: String(repeating: "€", count: 81), to: ward).count == 2)
    }

    /// An escape sequence is never split across parts.
    @Test func neverSplitsAnEscapeSequence() throws {
        // 152 septets of "a" then a two-septet "€": the euro sign must move whole to part 2.
        let text = String(repeating: "a", count: 152) + "€" + String(repeating: "b", count: 10)
        let parts = try MessageEncoder.submit(text: text, to: ward)
        let first = try decodeSubmit(parts[0]).userData
        #expect(first.payload.count == 152)
        #expect(first.payload.last != GSM7Alphabet.escape)
        #expect(try decodeSubmit(parts[1]).userData.text?.hasPrefix("€") == true)
    }

    /// UCS-2: 70 units fit one part; 71 need two of 67; a surrogate pair is never split.
    @Test func segmentsUCS2WithoutSplittingSurrogates() throws {
        #expect(try MessageEncoder.submit(text: String(repeating: "你", count: 70), to: ward).count == 1)
        #expect(try MessageEncoder.submit(text: String(repeating: "你", count: 71), to: ward).count == 2)
        let text = String(repeating: "你", count: 66) + "😀" + "end"
        let parts = try MessageEncoder.submit(text: text, to: ward)
        let first = try decodeSubmit(parts[0]).userData
        #expect(first.payload.count == 132)
        #expect(first.undecodableCharacters == 0)
        #expect(try decodeSubmit(parts[1]).userData.text == "😀end")
    }

    /// Any character outside GSM 7-bit makes the whole message UCS-2.
    @Test func picksUCS2WhenOneCharacterDoesNotFit() throws {
        let parts = try MessageEncoder.submit(text: "Thank you ✓", to: ward)
        #expect(try decodeSubmit(parts[0]).userData.dataCoding.alphabet == .ucs2)
    }

    /// The status report request, validity period, flash class and SMSC reach the PDU.
    @Test func carriesOptions() throws {
        var options = MessageEncoder.Options()
        options.statusReportRequest = true
        options.validityPeriod = .relative(minutes: 24 * 60)
        options.messageClass = 0
        options.smsc = try PhoneAddress(number: "+447785016005")
        let parts = try MessageEncoder.submit(text: "Hi", to: ward, options: options)
        let pdu = try decodeSubmit(parts[0])
        #expect(pdu.statusReportRequest)
        #expect(pdu.validityPeriod == .relative(167))
        #expect(pdu.validityPeriod?.minutes == 24 * 60)
        #expect(pdu.userData.dataCoding.messageClass == 0)
        #expect(pdu.smsc?.description == "+447785016005")
        // The AT+CMGS length excludes the SMSC address.
        #expect(parts[0].length == parts[0].hex.count / 2 - 8)
    }

    /// Relative validity periods round up to the next value the octet can hold.
    static let validityCases: [(minutes: Int, octet: UInt8, actual: Int)] = [
        (5, 0, 5), (7, 1, 10), (720, 143, 720), (721, 144, 750), (2_880, 168, 2_880), (44_640, 197, 50_400),
    ]

    @Test(arguments: validityCases)
    func validityRoundsUp(minutes: Int, octet: UInt8, actual: Int) {
        #expect(ValidityPeriod.relative(minutes: minutes) == .relative(octet))
        #expect(ValidityPeriod.relative(octet).minutes == actual)
    }

    /// A national number is sent with type "unknown"; an alphanumeric recipient is refused.
    @Test func addressesForSending() throws {
        let parts = try MessageEncoder.submit(text: "x", to: PhoneAddress(number: "07700 900123"))
        #expect(try decodeSubmit(parts[0]).destination.description == "07700900123")
        #expect(throws: PDUError.self) {
            try MessageEncoder.submit(text: "x", to: PhoneAddress(typeOfNumber: .alphanumeric, value: "NHS"))
        }
    }

    /// A status report and an alphanumeric DELIVER survive encode → decode.
    @Test func roundTripsStatusReportAndAlphanumericSender() throws {
        let stamp = SMSTimestamp(
            year: 2026,
            month: 11,
            day: 25,
            hour: 9,
            minute: 30,
            second: 0,
            utcOffsetQuarterHours: 0
        )
        let report = SMSStatusReport(
            messageReference: 200,
            recipient: ward,
            serviceCentreTimestamp: stamp,
            dischargeTime: stamp,
            status: .validityPeriodExpired
        )
        let decoded = try PDU.decode(bytes: [0] + report.encodedTPDU())
        #expect(decoded == .statusReport(report))
        let parts = try MessageEncoder.deliver(
            text: "Your appointment",
            from: PhoneAddress(typeOfNumber: .alphanumeric, numberingPlan: 0, value: "NHSWard7"),
            timestamp: stamp
        )
        guard case .deliver(let deliver) = try PDU.decode(hex: parts[0].hex) else {
            Issue.record("expected a deliver")
            return
        }
        #expect(deliver.originator.description == "NHSWard7")
        #expect(deliver.userData.text == "Your appointment")
    }

    /// Timestamps convert to instants and back in any offset.
    @Test func timestampInstantRoundTrip() {
        for seconds in stride(from: Int64(631_152_000), to: 3_786_825_600, by: 7_777_777) {
            for quarters in [-48, -1, 0, 4, 23, 56] {
                let stamp = SMSTimestamp(secondsSince1970: seconds, utcOffsetQuarterHours: quarters)
                #expect(stamp.secondsSince1970 == seconds)
                #expect(stamp.validationProblem == nil)
            }
        }
    }
}
