// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Testing

@testable import SMSPDU

@Suite struct DecodeTests {
    private func deliver(_ hex: String, smsc: PDU.SMSCPresence = .present) throws -> SMSDeliver {
        guard case .deliver(let pdu) = try PDU.decode(hex: hex, smsc: smsc) else {
            Issue.record("not a deliver: \(hex)")
            throw PDUError(.invalidValue, field: "test", offset: nil, "wrong type")
        }
        return pdu
    }

    /// A SUBMIT written by gammu with every GSM extension character decodes to the same text.
    @Test func decodesGSMExtensionCharactersInSubmit() throws {
        // Given a PDU captured from gammu sendsms
        let hex =
            "079144775810065011000C914477000910320000FF28C7691354C6D375A00D0AB44981363CD0C607DA94411B0A68D3036D80A0CD0B447EBBCB"
        // When
        guard case .submit(let submit) = try PDU.decode(hex: hex) else {
            Issue.record("expected a submit")
            return
        }
        // Then
        #expect(submit.smsc?.description == "+447785016005")
        #expect(submit.destination.description == "+447700900123")
        #expect(submit.userData.text == "GSM ext: { } [ ] € ^ ~ | \\ done")
        #expect(submit.userData.dataCoding.alphabet == .gsm7)
        #expect(submit.validityPeriod == .relative(0xFF))
        #expect(submit.validityPeriod?.minutes == 63 * 7 * 1_440)
    }

    /// UCS-2 surrogate pairs decode to emoji.
    @Test func decodesUCS2SurrogatePairs() throws {
        let pdu = try deliver(
            "0791447758100650000C91447700091032000842102030405000220045006D006F006A00690020D83DDE00D83DDC4D00200061006E006400204F60597D"
        )
        #expect(pdu.userData.text == "Emoji 😀👍 and 你好")
        #expect(pdu.userData.dataCoding.alphabet == .ucs2)
        #expect(pdu.serviceCentreTimestamp.description == "2024-01-02T03:04:05+00:00")
    }

    /// A lone surrogate is shown as U+FFFD and counted, not dropped.
    @Test func reportsLoneSurrogate() throws {
        let pdu = try deliver("00040C9144770009103200084210203040500004D83D0041")
        #expect(pdu.userData.text == "\u{FFFD}A")
        #expect(pdu.userData.undecodableCharacters == 1)
    }

    /// An alphanumeric sender is unpacked from GSM 7-bit.
    @Test func decodesAlphanumericSender() throws {
        // "Vodafone" → 14 useful semi-octets, TON 101.
        let pdu = try deliver("0004" + "0ED0D637396C7EBBCB" + "0000" + "42102030405000" + "0141")
        #expect(pdu.originator.isAlphanumeric)
        #expect(pdu.originator.description == "Vodafone")
        #expect(pdu.userData.text == "A")
    }

    /// Odd-length numbers carry an F filler semi-octet.
    @Test func decodesOddLengthNationalNumber() throws {
        let pdu = try deliver("0004" + "0BA17097000901F2" + "0000" + "42102030405000" + "0141")
        #expect(pdu.originator.typeOfNumber == .national)
        #expect(pdu.originator.description == "07790090102")
    }

    /// The time zone is a signed count of quarter hours; the instant is exact.
    @Test(arguments: [
        ("42102030405000", "2024-01-02T03:04:05+00:00", Int64(1_704_164_645)),
        ("42102030405040", "2024-01-02T03:04:05+01:00", Int64(1_704_161_045)),
        ("4210203040500A", "2024-01-02T03:04:05-05:00", Int64(1_704_182_645)),
        ("99211332959580", "1999-12-31T23:59:59+02:00", Int64(946_677_599)),
    ])
    func decodesTimestampWithZone(octets: String, iso: String, epoch: Int64) throws {
        let pdu = try deliver("0004" + "0C91447700091032" + "0000" + octets + "0141")
        #expect(pdu.serviceCentreTimestamp.description == iso)
        #expect(pdu.serviceCentreTimestamp.secondsSince1970 == epoch)
    }

    /// A PDU without the SMSC address is found by automatic detection.
    @Test func decodesWithoutSMSCAutomatically() throws {
        let bare = "000C914477000910320000421020304050000AC8329BFD065DC37232"
        let pdu = try deliver(bare, smsc: .automatic)
        #expect(pdu.smsc == nil)
        #expect(pdu.userData.text == "Hello Ward")
        let withLength = try deliver("00" + bare, smsc: .tpduLength(bare.count / 2))
        #expect(withLength.userData.text == "Hello Ward")
    }

    /// The 8-bit concatenation element and the septet fill bits after the header.
    @Test func decodesConcatenated8BitWithFillBits() throws {
        // gammu wrote this second part of a 2-part message: UDH 0500030902 02, text "&L8cQf ΨK8=4£Ä1<".
        let pdu = try deliver(
            "079144775810065040098120962480F0000057409141012500170500030902024C4CDC386A065D96B81E2DB08DF100"
        )
        #expect(
            pdu.userData.header?.concatenation
                == Concatenation(reference: 9, total: 2, part: 2, referenceIs16Bit: false)
        )
        #expect(pdu.userData.text == "&L8cQf ΨK8=4£Ä1<")
        #expect(pdu.originator.description == "026942080")
    }

    /// The 16-bit concatenation reference (IEI 0x08).
    @Test func decodesConcatenated16Bit() throws {
        var options = MessageEncoder.Options()
        options.reference16Bit = true
        options.concatenationReference = 0xBEEF
        let parts = try MessageEncoder.submit(
            text: String(repeating: "x", count: 200),
            to: PhoneAddress(number: "+447700900123"),
            options: options
        )
        guard case .submit(let pdu) = try PDU.decode(hex: parts[1].hex) else {
            Issue.record("expected a submit")
            return
        }
        #expect(
            pdu.userData.header?.concatenation
                == Concatenation(reference: 0xBEEF, total: 2, part: 2, referenceIs16Bit: true)
        )
        #expect(pdu.userData.text == String(repeating: "x", count: 200 - 152))
    }

    /// Unknown information elements are preserved in order.
    @Test func preservesUnknownInformationElements() throws {
        // UDH: IEI 0x70 (SIM toolkit security) with 2 octets, then 8-bit concat; UCS-2 "Hi".
        let pdu = try deliver(
            "0044" + "0C91447700091032" + "0008" + "42102030405000" + "0E" + "097002ABCD0003070101" + "00480069"
        )
        let elements = pdu.userData.header?.elements ?? []
        #expect(elements.map(\.identifier) == [0x70, 0x00])
        #expect(elements.first?.data == [0xAB, 0xCD])
        #expect(pdu.userData.text == "Hi")
    }

    /// Class 0 (flash) and 8-bit data.
    @Test func decodesFlashClassAndEightBitData() throws {
        let flash = try deliver("0004" + "0C91447700091032" + "0010" + "42102030405000" + "0141")
        #expect(flash.userData.dataCoding.messageClass == 0)
        let data = try deliver("0004" + "0C91447700091032" + "00F5" + "42102030405000" + "03010203")
        #expect(data.userData.dataCoding.alphabet == .eightBit)
        #expect(data.userData.dataCoding.messageClass == 1)
        #expect(data.userData.payload == [1, 2, 3])
        #expect(data.userData.text == nil)
    }

    /// Compressed text is reported as unsupported with a clear error.
    @Test func rejectsCompressedText() throws {
        #expect {
            _ = try PDU.decode(hex: "0004" + "0C91447700091032" + "0020" + "42102030405000" + "0141")
        } throws: { error in
            (error as? PDUError)?.code == .unsupported && "\(error)".contains("compressed")
        }
    }

    /// A status report carries the reference, status and discharge time.
    @Test func decodesStatusReport() throws {
        let hex = "0006" + "2A" + "0C91447700091032" + "42102030405000" + "42102030415040" + "00"
        guard case .statusReport(let report) = try PDU.decode(hex: hex) else {
            Issue.record("expected a status report")
            return
        }
        #expect(report.messageReference == 0x2A)
        #expect(report.recipient.description == "+447700900123")
        #expect(report.status == .receivedBySME)
        #expect(report.status.category == .delivered)
        #expect(report.dischargeTime.description == "2024-01-02T03:14:05+01:00")
    }

    /// Turkish locking and single shift tables selected by the header.
    @Test func decodesTurkishNationalLanguage() throws {
        var options = MessageEncoder.Options()
        options.nationalLanguages = [.turkish]
        let text = "Teşekkürler, çok iyi bakım gördüm. Hemşireler çok ilgiliydi ve her şey temizdi. Ğğİış"
        let parts = try MessageEncoder.deliver(
            text: text,
            from: PhoneAddress(number: "+905321234567"),
            timestamp: SMSTimestamp(
                year: 2026,
                month: 1,
                day: 2,
                hour: 3,
                minute: 4,
                second: 5,
                utcOffsetQuarterHours: 12
            ),
            options: options
        )
        #expect(parts.count == 1, "GSM 7-bit with Turkish tables fits one part where UCS-2 needs two")
        let pdu = try deliver(parts[0].hex)
        #expect(pdu.userData.dataCoding.alphabet == .gsm7)
        #expect(pdu.userData.header?.lockingShift == .turkish || pdu.userData.header?.singleShift == .turkish)
        #expect(pdu.userData.text == text)
    }
}
