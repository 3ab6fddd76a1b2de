// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import ModemEngine
import ModemTesting
import SMSPDU
import Testing

/// Recorded sessions replayed through the engine at every chunk size.
@Suite struct TranscriptReplayTests {
    /// Start-up reports are delivered as events in order, and echoed commands get their responses.
    @Test(arguments: chunkSizes)
    func quectelBootWithEchoOn(chunkSize: Int) async throws {
        // Given / When
        let replay = try await ModemHarness.replay(Transcript(named: "quectel-ec25-boot"), chunkSize: chunkSize)

        // Then
        #expect(replay.unexpectedWrites.isEmpty)
        #expect(replay.remainingSteps.isEmpty)
        #expect(replay.results.allSatisfy { (try? $0.get()) != nil })
        #expect(try CGMI.parseExecResponse(#require(replay.response(3)).lines) == "Quectel")
        #expect(try CGMM.parseExecResponse(#require(replay.response(4)).lines) == "EC25")
        #expect(try CGSN.parseExecResponse(#require(replay.response(6)).lines) == "866758042179683")
        #expect(try CPIN.parseReadResponse(#require(replay.response(7)).lines) == .ready)
        #expect(try CREG.parseReadResponse(#require(replay.response(9)).lines).state == .registeredHome)
        #expect(
            replay.events.map(\.summary) == [
                "unsolicited(modemReady)", "unsolicited(functionality(1))",
                "unsolicited(simStatus(ATProtocol.CPIN.State(rawValue: \"READY\")))",
                "unsolicited(vendor(ATProtocol.VendorIndication(name: \"+QUSIM\", value: \"1\")))",
                "unsolicited(smsReady)", "unsolicited(phonebookReady)",
            ]
        )
    }

    /// A +CMTI between two listing entries is an event, and the listing keeps all three entries.
    @Test(arguments: chunkSizes)
    func listingInterruptedByNewMessageIndication(chunkSize: Int) async throws {
        // Given / When
        let replay = try await ModemHarness.replay(Transcript(named: "simcom-sim7600-cmgl"), chunkSize: chunkSize)

        // Then
        #expect(replay.unexpectedWrites.isEmpty)
        #expect(replay.remainingSteps.isEmpty)
        let listing = try CMGL.parseSetResponse(#require(replay.response(2)).lines)
        #expect(listing.map(\.index) == [0, 1, 2])
        #expect(listing.allSatisfy { $0.isLengthConsistent })
        #expect(replay.response(2)?.lines.count == 6)
        #expect(
            replay.events.map(\.summary) == [
                "unsolicited(newMessage(ATProtocol.MessageStorageIndication(storage: \"SM\", index: 3)))"
            ]
        )
        let readResponse = try #require(replay.response(3))
        #expect(try CMGR.parseSetResponse(readResponse.lines)?.length == 22)
    }

    /// Numeric and verbose +CME and +CMS errors become typed errors with the specification's codes.
    @Test(arguments: chunkSizes)
    func numericAndVerboseErrors(chunkSize: Int) async throws {
        // Given / When
        let replay = try await ModemHarness.replay(
            Transcript(named: "errors-numeric-and-verbose"),
            chunkSize: chunkSize
        )

        // Then
        #expect(replay.unexpectedWrites.isEmpty)
        #expect(replay.remainingSteps.isEmpty)
        #expect(replay.response(0) != nil)
        #expect(replay.error(1)?.code == .commandFailed)
        #expect(replay.error(1)?.cmeError == .simNotInserted)
        #expect(replay.error(1)?.finalResult == .cmeError(.simNotInserted, verboseText: nil))
        #expect(replay.error(3)?.cmeError == .simNotInserted)
        #expect(replay.error(3)?.finalResult == .cmeError(.simNotInserted, verboseText: "SIM not inserted"))
        #expect(replay.error(4)?.cmeError == .simNotInserted)
        #expect(replay.error(5)?.cmsError == .invalidMemoryIndex)
        #expect(replay.error(5)?.command == CMGR.read(index: 99))
        #expect(replay.error(7)?.cmsError == .invalidMemoryIndex)
        #expect(replay.error(7)?.finalResult == .cmsError(.invalidMemoryIndex, verboseText: nil))
        #expect(replay.error(8)?.cmsError?.rawValue == 304)
        #expect(replay.error(9)?.cmsError?.rawValue == 330)
        #expect(replay.error(10)?.finalResult == .error)
        #expect(replay.error(10)?.message == "AT+XYZ failed: ERROR")
        #expect(replay.events.isEmpty)
    }

    /// Huawei status noise arriving inside responses goes to the event stream, in order.
    @Test(arguments: chunkSizes)
    func huaweiNoiseInterleavedWithResponses(chunkSize: Int) async throws {
        // Given / When
        let replay = try await ModemHarness.replay(Transcript(named: "huawei-e3372-noise"), chunkSize: chunkSize)

        // Then
        #expect(replay.unexpectedWrites.isEmpty)
        #expect(replay.remainingSteps.isEmpty)
        #expect(try CSQ.parseExecResponse(#require(replay.response(1)).lines).rssi == 17)
        #expect(try CGMI.parseExecResponse(#require(replay.response(2)).lines) == "huawei")
        #expect(try CMGL.parseSetResponse(#require(replay.response(3)).lines).count == 1)
        #expect(replay.error(4)?.finalResult == .vendorError("COMMAND NOT SUPPORT"))
        #expect(try CESQ.parseExecResponse(#require(replay.response(5)).lines).rsrq == 20)
        let names = replay.events.compactMap { event -> String? in
            if case .unsolicited(.vendor(let indication)) = event { return indication.name }
            return nil
        }
        #expect(names == ["^BOOT", "^RSSI", "^HCSQ", "^MODE", "^SRVST", "^RSSI"])
        #expect(replay.events.count == names.count)
    }

    /// Power-on noise is dropped; registration result codes are told apart from read responses.
    @Test(arguments: chunkSizes)
    func sim800BootNoiseAndRegistration(chunkSize: Int) async throws {
        // Given / When
        let replay = try await ModemHarness.replay(
            Transcript(named: "simcom-sim800-boot-noise"),
            chunkSize: chunkSize
        )

        // Then
        #expect(replay.unexpectedWrites.isEmpty)
        #expect(replay.remainingSteps.isEmpty)
        #expect(try CREG.parseReadResponse(#require(replay.response(2)).lines).state == .searching)
        #expect(try CREG.parseReadResponse(#require(replay.response(3)).lines).state == .registeredHome)
        let registrations = replay.events.compactMap { event -> RegistrationState? in
            if case .unsolicited(.registration(let registration)) = event { return registration.state }
            return nil
        }
        #expect(registrations == [.searching, .registeredHome])
        #expect(replay.events.count == 7)
        if case .unsolicited(.modemReady) = replay.events.first {} else { Issue.record("expected RDY first") }
    }

    /// +CMT and +CDS take the following line as their PDU; RING and +CLIP follow as events.
    @Test(arguments: chunkSizes)
    func directDeliveryWithPDULine(chunkSize: Int) async throws {
        // Given / When
        let replay = try await ModemHarness.replay(Transcript(named: "cmt-direct-delivery"), chunkSize: chunkSize)

        // Then
        #expect(replay.unexpectedWrites.isEmpty)
        #expect(replay.remainingSteps.isEmpty)
        #expect(replay.results.allSatisfy { (try? $0.get()) != nil })
        #expect(
            replay.events.map(\.summary).prefix(2) == [
                "messageDelivery(22,0791447758100650040C9144770009301200004211520103000003D9F21C)",
                "statusReportDelivery(25,0791447758100650062A0C91447700091032421152010300004211520103150000)",
            ]
        )
        #expect(replay.events.count == 4)
        guard case .messageDelivery(let incoming) = replay.events[0] else { return }
        let pdu = try incoming.decode()
        guard case .deliver(let deliver) = pdu else {
            Issue.record("expected an SMS-DELIVER")
            return
        }
        #expect(deliver.originator.description.hasSuffix("447700900321"))
        if case .unsolicited(.ring) = replay.events[2] {} else { Issue.record("expected RING") }
    }

    /// Sending at the prompt: a reference on success, a typed +CMS error, and ESC cancelling the message.
    @Test(arguments: chunkSizes)
    func sendWithPromptEchoOff(chunkSize: Int) async throws {
        // Given / When
        let replay = try await ModemHarness.replay(Transcript(named: "quectel-ec25-cmgs"), chunkSize: chunkSize)

        // Then
        #expect(replay.unexpectedWrites.isEmpty)
        #expect(replay.remainingSteps.isEmpty)
        #expect(try CMGS.parseSetResponse(#require(replay.response(0)).lines).messageReference == 42)
        #expect(replay.error(1)?.cmsError == .unknown)
        #expect(replay.error(1)?.cmsError?.isRetryable == true)
        #expect(replay.response(2)?.lines == [])
    }
}
