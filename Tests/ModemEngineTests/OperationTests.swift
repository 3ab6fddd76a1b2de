// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import ModemEngine
import SMSPDU
import Testing

/// Typed operations over a scripted modem.
@Suite struct OperationTests {
    /// The initialisation sequence: echo off, numeric errors, identity, the vendor's commands, the SIM's
    /// ICCID and PIN attempts left, PIN, PDU mode, storage and the first supported +CNMI settings.
    @Test(arguments: chunkSizes)
    func initialisesQuectelWithPIN(chunkSize: Int) async throws {
        // Given
        let harness = ModemHarness(chunkSize: chunkSize)
        let script: [(String, String)] = [
            ("AT\r", "AT\r\r\nOK\r\n"),
            ("ATE0\r", "ATE0\r\r\nOK\r\n"),
            ("AT+CMEE=1\r", "\r\nOK\r\n"),
            ("AT+CGMI\r", "\r\nQuectel\r\n\r\nOK\r\n"),
            ("AT+CGMM\r", "\r\nEC25\r\n\r\nOK\r\n"),
            ("AT+CGMR\r", "\r\nEC25EFAR06A06M4G\r\n\r\nOK\r\n"),
            ("AT+CGSN\r", "\r\n866758042179683\r\n\r\nOK\r\n"),
            ("AT+QURCCFG=\"urcport\",\"usbat\"\r", "\r\nOK\r\n"),
            ("AT+CPIN?\r", "\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n"),
            ("AT+QCCID\r", "\r\n+QCCID: 89443032123456789012\r\n\r\nOK\r\n"),
            ("AT+QPINC=\"SC\"\r", "\r\n+QPINC: \"SC\",3,10\r\n\r\nOK\r\n"),
            ("AT+CPIN=\"1234\"\r", "\r\nOK\r\n"),
            ("AT+CPIN?\r", "\r\n+CPIN: READY\r\n\r\nOK\r\n"),
            ("AT+CIMI\r", "\r\n234150123456789\r\n\r\nOK\r\n"),
            ("AT+CMGF=0\r", "\r\nOK\r\n"),
            (
                "AT+CPMS=?\r",
                "\r\n+CPMS: (\"ME\",\"MT\",\"SM\"),(\"ME\",\"MT\",\"SM\"),(\"ME\",\"MT\",\"SM\")\r\n\r\nOK\r\n"
            ),
            ("AT+CPMS=\"SM\",\"SM\",\"SM\"\r", "\r\n+CPMS: 3,30,3,30,3,30\r\n\r\nOK\r\n"),
            ("AT+CNMI=?\r", "\r\n+CNMI: (0-2),(0-3),(0,2),(0-1),(0,1)\r\n\r\nOK\r\n"),
            ("AT+CNMI=2,1,0,1,0\r", "\r\nOK\r\n"),
        ]
        for (write, reply) in script { harness.transport.expect(write, reply: reply) }

        // When
        let report = try await harness.run { try await $0.modem.initialise(pin: "1234") }

        // Then
        #expect(harness.transport.unexpectedWrites.isEmpty)
        #expect(harness.transport.remainingSteps.isEmpty)
        #expect(report.quirks.name == "quectel")
        #expect(
            report.identity
                == ModemIdentity(
                    manufacturer: "Quectel",
                    model: "EC25",
                    revision: "EC25EFAR06A06M4G",
                    imei: "866758042179683",
                    imsi: "234150123456789"
                )
        )
        #expect(report.storage == "SM")
        #expect(report.storageUsage.first?.total == 30)
        #expect(report.newMessageIndication == CNMI.Settings(mode: 2, mt: 1, bm: 0, ds: 1, bfr: 0))
        #expect(await harness.modem.quirks.name == "quectel")
    }

    /// A SIM that needs a PIN when none is configured stops initialisation with a typed error.
    @Test func simWithoutPINIsNotReady() async throws {
        // Given
        let harness = ModemHarness(chunkSize: 64)
        harness.transport.expect("AT+CPIN?\r", reply: "\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n")

        // When
        let error = try await harness.run { harness in
            await modemError { try await harness.modem.unlockSIM(pin: nil) }
        }

        // Then
        #expect(error?.code == .simNotReady)
    }

    /// Identity, signal, registration, service centre and storage are parsed into typed values.
    @Test(arguments: chunkSizes)
    func readsStatus(chunkSize: Int) async throws {
        // Given
        let harness = ModemHarness(chunkSize: chunkSize)
        harness.transport.expect("AT+CGMI\r", reply: "\r\nSIMCOM_Ltd\r\n\r\nOK\r\n")
        harness.transport.expect("AT+CGMM\r", reply: "\r\nSIMCOM_SIM800L\r\n\r\nOK\r\n")
        harness.transport.expect("AT+CGMR\r", reply: "\r\nRevision:1418B05SIM800L24\r\n\r\nOK\r\n")
        harness.transport.expect("AT+CGSN\r", reply: "\r\n869170031234567\r\n\r\nOK\r\n")
        harness.transport.expect("AT+CIMI\r", reply: "\r\n+CME ERROR: 10\r\n")
        harness.transport.expect("AT+CSQ\r", reply: "\r\n+CSQ: 21,0\r\n\r\nOK\r\n")
        harness.transport.expect("AT+CESQ\r", reply: "\r\n+CESQ: 99,99,255,255,20,45\r\n\r\nOK\r\n")
        harness.transport.expect("AT+CREG?\r", reply: "\r\n+CREG: 0,5\r\n\r\nOK\r\n")
        harness.transport.expect("AT+CSCA?\r", reply: "\r\n+CSCA: \"+447785016005\",145\r\n\r\nOK\r\n")
        harness.transport.expect("AT+CPMS?\r", reply: "\r\n+CPMS: \"SM\",3,30,\"SM\",3,30,\"SM\",3,30\r\n\r\nOK\r\n")

        // When / Then
        try await harness.run { harness in
            let identity = try await harness.modem.identify()
            #expect(identity.model == "SIMCOM_SIM800L")
            #expect(identity.imsi == nil)
            #expect(ModemQuirks.select(identity: identity).name == "simcom-sim800")
            #expect(try await harness.modem.signalQuality().dBm == -71)
            #expect(try await harness.modem.extendedSignalQuality().rsrpDBm == -96)
            let registration = try await harness.modem.registration()
            #expect(registration.state.isRoaming)
            #expect(try await harness.modem.serviceCentre().number == "+447785016005")
            #expect(try await harness.modem.storageUsage().map(\.storage) == ["SM", "SM", "SM"])
        }
        #expect(harness.transport.remainingSteps.isEmpty)
    }

    /// A response the parser cannot read is an unexpectedResponse error naming the command.
    @Test func unreadableResponseIsUnexpected() async throws {
        // Given
        let harness = ModemHarness(chunkSize: 3)
        harness.transport.expect("AT+CSQ\r", reply: "\r\n+CSQ: lots\r\n\r\nOK\r\n")

        // When
        let error = try await harness.run { harness in
            await modemError { _ = try await harness.modem.signalQuality() }
        }

        // Then
        #expect(error?.code == .unexpectedResponse)
        #expect(error?.command == CSQ.execute)
        #expect(error?.cause is ATParseError)
    }

    /// With echo on, the command and the PDU are echoed; the reference still comes back.
    @Test(arguments: chunkSizes)
    func sendsWithPromptAndEchoOn(chunkSize: Int) async throws {
        // Given
        let harness = ModemHarness(chunkSize: chunkSize)
        let part = try #require(
            try MessageEncoder.submit(text: "Thank you, ward 7", to: PhoneAddress(number: "+447700900123")).first
        )
        harness.transport.expect("AT+CMGS=\(part.length)\r", reply: "AT+CMGS=\(part.length)\r\r\n> ")
        harness.transport.expect(
            bytes: Array(part.hex.utf8) + [0x1A],
            reply: Array((part.hex + "\u{1A}\r\n\r\n+CMGS: 7\r\n\r\nOK\r\n").utf8)
        )

        // When
        let results = try await harness.run { harness in
            try await harness.modem.sendText("Thank you, ward 7", to: PhoneAddress(number: "+447700900123"))
        }

        // Then
        #expect(results.map(\.messageReference) == [7])
        #expect(harness.transport.unexpectedWrites.isEmpty)
    }

    /// Listing decodes each stored PDU.
    @Test func listsAndDecodesMessages() async throws {
        // Given
        let harness = ModemHarness(chunkSize: 64)
        harness.transport.expect(
            "AT+CMGL=4\r",
            reply: "\r\n+CMGL: 3,0,,22\r\n0791447758100650040C9144770009301200004211520103000003D9F21C\r\n\r\nOK\r\n"
        )
        harness.transport.expect("AT+CMGD=3\r", reply: "\r\nOK\r\n")

        // When
        let messages = try await harness.run { harness in
            let messages = try await harness.modem.listMessages()
            try await harness.modem.deleteMessage(at: 3)
            return messages
        }

        // Then
        #expect(messages.count == 1)
        let pdu = try messages[0].decodePDU()
        guard case .deliver(let deliver) = pdu else {
            Issue.record("expected an SMS-DELIVER")
            return
        }
        #expect(deliver.originator.description.hasSuffix("447700900321"))
    }

    /// A +CDSI status report is read from the SR storage, deleted, and the read storage restored.
    @Test func readsStoredStatusReport() async throws {
        // Given
        let harness = ModemHarness(chunkSize: 2)
        let report = "0791447758100650062A0C91447700091032421152010300004211520103150000"
        harness.transport.expect("AT+CPMS=\"SM\"\r", reply: "\r\n+CPMS: 0,30,0,30,0,30\r\n\r\nOK\r\n")
        harness.transport.expect("AT+CPMS=\"SR\"\r", reply: "\r\n+CPMS: 1,10,0,30,0,30\r\n\r\nOK\r\n")
        harness.transport.expect("AT+CMGR=1\r", reply: "\r\n+CMGR: 0,,25\r\n\(report)\r\n\r\nOK\r\n")
        harness.transport.expect("AT+CMGD=1\r", reply: "\r\nOK\r\n")
        harness.transport.expect("AT+CPMS=\"SM\"\r", reply: "\r\n+CPMS: 0,30,0,30,0,30\r\n\r\nOK\r\n")

        // When
        let statusReport = try await harness.run { harness in
            try await harness.modem.selectStorage(read: "SM")
            let event = ModemEvent.unsolicited(.newStatusReport(MessageStorageIndication(storage: "SR", index: 1)))
            return try await harness.modem.statusReport(for: event)
        }

        // Then
        #expect(statusReport?.messageReference == 42)
        #expect(harness.transport.remainingSteps.isEmpty)
        #expect(await harness.modem.selectedStorage == "SM")
    }
}
