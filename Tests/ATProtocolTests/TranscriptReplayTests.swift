// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import ModemTesting
import Testing

@Suite("Recorded transcripts")
struct TranscriptReplayTests {
    static let fixtures = [
        "quectel-ec25-boot", "simcom-sim800-boot-noise", "simcom-sim7600-cmgl", "quectel-ec25-cmgs",
        "errors-numeric-and-verbose", "huawei-e3372-noise", "cmt-direct-delivery",
    ]

    /// Should list every fixture in this suite, so none goes untested.
    @Test func coversEveryFixture() throws {
        #expect(try Transcript.allNames() == Self.fixtures.sorted())
    }

    /// Should produce the same frames whatever the chunk size, and nothing unexpected.
    @Test(arguments: fixtures)
    func framesDoNotDependOnChunking(name: String) throws {
        let transcript = try Transcript(named: name)
        let reference = try TranscriptReplay(transcript, chunkSize: 64)
        #expect(!reference.frames.isEmpty)
        // Only power-on noise, which is not text, may be left over.
        #expect(reference.unexpected.allSatisfy { !$0.isValidUTF8 }, "unexpected lines: \(reference.unexpected)")
        for chunkSize in [1, 2, 3] {
            let replay = try TranscriptReplay(transcript, chunkSize: chunkSize)
            #expect(replay.frames == reference.frames, "chunk size \(chunkSize)")
            #expect(replay.outcomes == reference.outcomes, "chunk size \(chunkSize)")
            #expect(replay.unsolicited == reference.unsolicited, "chunk size \(chunkSize)")
        }
    }

    /// Should report the Quectel start-up sequence as result codes and answer each command.
    @Test(arguments: chunkSizes)
    func quectelBoot(chunkSize: Int) throws {
        let replay = try TranscriptReplay(Transcript(named: "quectel-ec25-boot"), chunkSize: chunkSize)
        #expect(
            replay.unsolicited.map(\.result) == [
                .modemReady, .functionality(1), .simStatus(.ready),
                .vendor(VendorIndication(name: "+QUSIM", value: "1")),
                .smsReady, .phonebookReady,
            ]
        )
        #expect(replay.echoes == 2)
        #expect(replay.outcomes.allSatisfy { $0.response.finalResult == .ok })
        #expect(try CGMI.parseExecResponse(replay.outcomes(of: "AT+CGMI")[0].lines) == "Quectel")
        #expect(try CGMM.parseExecResponse(replay.outcomes(of: "AT+CGMM")[0].lines) == "EC25")
        #expect(try CGSN.parseExecResponse(replay.outcomes(of: "AT+CGSN")[0].lines) == "866758042179683")
        #expect(try CPIN.parseReadResponse(replay.outcomes(of: "AT+CPIN?")[0].lines) == .ready)
        #expect(try CSQ.parseExecResponse(replay.outcomes(of: "AT+CSQ")[0].lines).bars == 5)
        #expect(try CREG.parseReadResponse(replay.outcomes(of: "AT+CREG?")[0].lines).state == .registeredHome)
    }

    /// Should skip power-on noise and separate registration result codes from read responses.
    @Test(arguments: chunkSizes)
    func sim800BootWithNoise(chunkSize: Int) throws {
        let replay = try TranscriptReplay(Transcript(named: "simcom-sim800-boot-noise"), chunkSize: chunkSize)
        guard case .line(let noise) = replay.frames.first else {
            Issue.record("expected the noise line first")
            return
        }
        #expect(noise.bytes == [0xFF, 0xFF, 0xFE])
        let results = replay.unsolicited.map(\.result)
        #expect(
            Array(results.prefix(5)) == [.modemReady, .functionality(1), .simStatus(.ready), .callReady, .smsReady]
        )
        #expect(
            Array(results.suffix(2)) == [
                .registration(NetworkRegistration(domain: .circuitSwitched, state: .searching)),
                .registration(
                    NetworkRegistration(
                        domain: .circuitSwitched,
                        state: .registeredHome,
                        areaCode: "1A2B",
                        cellID: "C3D4"
                    )
                ),
            ]
        )
        let reads = replay.outcomes(of: "AT+CREG?")
        #expect(try reads.map { try CREG.parseReadResponse($0.lines).state } == [.searching, .registeredHome])
        #expect(try CSCA.parseReadResponse(replay.outcomes(of: "AT+CSCA?")[0].lines).number == "+447785016005")
        #expect(try CPMS.parseReadResponse(replay.outcomes(of: "AT+CPMS?")[0].lines).first?.used == 3)
    }

    /// Should list three messages with their PDUs intact and report the +CMTI that arrived meanwhile.
    @Test(arguments: chunkSizes)
    func listingWithNewMessageInTheMiddle(chunkSize: Int) throws {
        let transcript = try Transcript(named: "simcom-sim7600-cmgl")
        let replay = try TranscriptReplay(transcript, chunkSize: chunkSize)
        let listing = try #require(replay.outcomes(of: "AT+CMGL=4").first)
        #expect(listing.finalResult == .ok)
        let messages = try CMGL.parseSetResponse(listing.lines)
        #expect(messages.map(\.index) == [0, 1, 2])
        #expect(messages.map(\.status) == [.receivedRead, .receivedRead, .receivedUnread])
        #expect(messages.map(\.length) == [61, 45, 54])
        #expect(messages.allSatisfy { $0.isLengthConsistent })
        let transcriptText = String(decoding: transcript.modemBytes, as: UTF8.self)
        #expect(messages.allSatisfy { transcriptText.contains("\r\n\($0.pduHex)\r\n") })
        #expect(replay.unsolicited.map(\.result) == [.newMessage(MessageStorageIndication(storage: "SM", index: 3))])
        let read = try #require(try CMGR.parseSetResponse(replay.outcomes(of: "AT+CMGR=3")[0].lines))
        #expect(read.pduHex == "0791447758100650040C9144770009301200004211520103000003D9F21C")
        #expect(try CPMS.parseSetResponse(replay.outcomes(of: "AT+CPMS=\"SM\",\"SM\",\"SM\"")[0].lines).count == 3)
    }

    /// Should see a prompt per send, then +CMGS, a retryable +CMS ERROR, and OK after cancelling.
    @Test(arguments: chunkSizes)
    func sendingWithPrompt(chunkSize: Int) throws {
        let replay = try TranscriptReplay(Transcript(named: "quectel-ec25-cmgs"), chunkSize: chunkSize)
        #expect(replay.prompts == 3)
        let sends = replay.outcomes(of: "AT+CMGS=39")
        #expect(sends.map(\.finalResult) == [.ok, .cmsError(.unknown, verboseText: nil), .ok])
        #expect(try CMGS.parseSetResponse(sends[0].lines).messageReference == 42)
        guard case .cmsError(let error, _) = sends[1].finalResult else { return }
        #expect(error.isRetryable)
        #expect(sends[2].lines.isEmpty)
    }

    /// Should parse numeric and verbose errors to the same codes.
    @Test(arguments: chunkSizes)
    func numericAndVerboseErrors(chunkSize: Int) throws {
        let replay = try TranscriptReplay(Transcript(named: "errors-numeric-and-verbose"), chunkSize: chunkSize)
        #expect(
            replay.outcomes(of: "AT+CPIN?").map(\.finalResult) == [
                .cmeError(.simNotInserted, verboseText: nil),
                .cmeError(.simNotInserted, verboseText: "SIM not inserted"),
            ]
        )
        #expect(
            replay.outcomes(of: "AT+CMGR=99").map(\.finalResult) == [
                .cmsError(.invalidMemoryIndex, verboseText: "invalid memory index"),
                .cmsError(.invalidMemoryIndex, verboseText: nil),
            ]
        )
        #expect(
            replay.outcomes(of: "AT+CMGS=5").map(\.finalResult) == [
                .cmsError(.invalidPDUModeParameter, verboseText: nil)
            ]
        )
        #expect(
            replay.outcomes(of: "AT+CSCA?").map(\.finalResult) == [.cmsError(.smscAddressUnknown, verboseText: nil)]
        )
        #expect(replay.outcomes(of: "AT+XYZ").map(\.finalResult) == [.error])
        #expect(replay.prompts == 1)
    }

    /// Should keep Huawei's reports out of responses, wherever they arrive.
    @Test(arguments: chunkSizes)
    func huaweiNoiseInterleaved(chunkSize: Int) throws {
        let replay = try TranscriptReplay(Transcript(named: "huawei-e3372-noise"), chunkSize: chunkSize)
        #expect(
            replay.unsolicited.map { result -> String in
                guard case .vendor(let vendor) = result.result else { return "?" }
                return vendor.name
            } == ["^BOOT", "^RSSI", "^HCSQ", "^MODE", "^SRVST", "^RSSI"]
        )
        #expect(try CSQ.parseExecResponse(replay.outcomes(of: "AT+CSQ")[0].lines).rssi == 17)
        #expect(try CGMI.parseExecResponse(replay.outcomes(of: "AT+CGMI")[0].lines) == "huawei")
        #expect(try CMGL.parseSetResponse(replay.outcomes(of: "AT+CMGL=4")[0].lines).count == 1)
        #expect(replay.outcomes(of: "AT^FOO").map(\.finalResult) == [.vendorError("COMMAND NOT SUPPORT")])
        #expect(try CESQ.parseExecResponse(replay.outcomes(of: "AT+CESQ")[0].lines).rsrpDBm == -96)
    }

    /// Should attach the PDU line to +CMT and +CDS, and report the call that follows.
    @Test(arguments: chunkSizes)
    func directDeliveryCarriesPDUOnNextLine(chunkSize: Int) throws {
        let replay = try TranscriptReplay(Transcript(named: "cmt-direct-delivery"), chunkSize: chunkSize)
        #expect(
            replay.unsolicited == [
                .init(
                    result: .messageDelivery(IncomingPDUHeader(length: 22)),
                    followingLine: "0791447758100650040C9144770009301200004211520103000003D9F21C"
                ),
                .init(
                    result: .statusReportDelivery(IncomingPDUHeader(length: 25)),
                    followingLine: "0791447758100650062A0C91447700091032421152010300004211520103150000"
                ),
                .init(result: .ring, followingLine: nil),
                .init(
                    result: .callingLine(
                        CallingLineIdentification(number: "+447700900123", typeOfAddress: 145, validity: 0)
                    ),
                    followingLine: nil
                ),
            ]
        )
        #expect(CMGS.tpduLength(ofPDUHex: replay.unsolicited[1].followingLine?.text ?? "") == 25)
        #expect(replay.outcomes(of: "AT+CNMA").count == 2)
        #expect(try CSMS.parseSetResponse(replay.outcomes(of: "AT+CSMS=1")[0].lines).mobileTerminated)
    }

    /// Should reject malformed transcript lines with their line number.
    @Test func rejectsMalformedTranscripts() {
        #expect(throws: Transcript.FormatError.self) { try Transcript(name: "bad", text: "x nope") }
        #expect(throws: Transcript.FormatError.self) { try Transcript(name: "bad", text: "< \\xZZ") }
        #expect(throws: Never.self) { try Transcript(name: "ok", text: "# c\n\n< OK\\r\\n\n> AT\\r") }
    }
}
