// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ModemSimulator
import Testing

@Suite("Basic and network commands")
struct CommandTests {
    /// Echo is on after power-on: the command comes back before the result.
    @Test func echoesCommandsByDefault() {
        var harness = ModemHarness(echo: true)
        #expect(harness.send("AT") == "AT\r\r\nOK\r\n")
        #expect(harness.send("ATE0") == "ATE0\r\r\nOK\r\n")
        #expect(harness.send("AT") == "\r\nOK\r\n")
        #expect(harness.send("ATE1") == "\r\nOK\r\n")
        #expect(harness.send("at") == "at\r\r\nOK\r\n")
    }

    /// ATZ and AT&F bring echo and error reporting back to their defaults.
    @Test func resetRestoresDefaults() {
        var harness = ModemHarness()
        _ = harness.send("AT+CMEE=2")
        #expect(harness.send("ATZ") == "\r\nOK\r\n")
        #expect(harness.send("AT+CMEE?") == "AT+CMEE?\r\r\n+CMEE: 0\r\n\r\nOK\r\n")
    }

    /// ATV0 gives numeric result codes.
    @Test func numericResultCodes() {
        var harness = ModemHarness()
        #expect(harness.send("ATV0") == "0\r")
        #expect(harness.send("AT+WIND?") == "4\r")
        #expect(harness.send("ATV1") == "\r\nOK\r\n")
    }

    @Test func identityFollowsProfile() {
        var harness = ModemHarness(ModemHarness.configuration(profile: .quectelEC25))
        #expect(harness.send("AT+CGMI") == "\r\nQuectel\r\n\r\nOK\r\n")
        #expect(harness.send("AT+GMM") == "\r\nEC25\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CGMR") == "\r\nEC25EFAR06A06M4G\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CGSN") == "\r\n867698041234563\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CIMI") == "\r\n234301234567890\r\n\r\nOK\r\n")
        #expect(harness.send("ATI") == "\r\nQuectel\r\nEC25\r\nRevision: EC25EFAR06A06M4G\r\n\r\nOK\r\n")
        #expect(harness.send("AT+QCCID") == "\r\n+QCCID: 8944303212345678901\r\n\r\nOK\r\n")
        #expect(harness.send("AT+QURCCFG=\"urcport\",\"usbat\"") == "\r\nOK\r\n")
    }

    /// Unknown commands, including `AT+WIND?` (python-gsmmodem crashes on a bare OK), answer ERROR.
    @Test(arguments: ["AT+WIND?", "AT+CPROT=?", "AT+SYNCML=?", "AT+MODE=2", "AT^CURC=0", "ATB7", "AT+CSQ?x"])
    func unknownCommandsAnswerError(command: String) {
        var harness = ModemHarness()
        #expect(harness.send(command) == "\r\nERROR\r\n")
    }

    /// Lines that do not start with AT are ignored, as modems do.
    @Test func ignoresNonCommandLines() {
        var harness = ModemHarness()
        #expect(harness.send("hello").isEmpty)
        harness.write([0x1B, 0x00])
        #expect(harness.send("AT") == "\r\nOK\r\n")
    }

    @Test func errorReportingFollowsCMEE() {
        var harness = ModemHarness()
        #expect(harness.send("AT+CPIN=\"1234\"") == "\r\nERROR\r\n")
        _ = harness.send("AT+CMEE=1")
        #expect(harness.send("AT+CPIN=\"1234\"") == "\r\n+CME ERROR: 3\r\n")
        _ = harness.send("AT+CMEE=2")
        #expect(harness.send("AT+CPIN=\"1234\"") == "\r\n+CME ERROR: operation not allowed\r\n")
        #expect(harness.send("AT+CMGR=99") == "\r\n+CMS ERROR: invalid memory index\r\n")
        #expect(harness.send("AT+CMEE=?") == "\r\n+CMEE: (0-2)\r\n\r\nOK\r\n")
    }

    /// gammu and smstools chain extended commands with `;`; basic commands run together without one.
    @Test func chainedCommands() {
        var harness = ModemHarness(echo: true)
        #expect(harness.send("AT+CMEE=1;+CREG=2") == "AT+CMEE=1;+CREG=2\r\r\nOK\r\n")
        #expect(harness.send("ATE0V1") == "ATE0V1\r\r\nOK\r\n")
        #expect(
            harness.send("AT+CREG?;+CMEE?") == "\r\n+CREG: 2,1,\"1A2B\",\"01C2D3E4\",7\r\n\r\n+CMEE: 1\r\n\r\nOK\r\n"
        )
        #expect(harness.send("AT+CSQ;+WIND?;+CMEE=0") == "\r\n+CSQ: 20,99\r\n\r\nERROR\r\n")
        #expect(harness.send("AT+CMEE?") == "\r\n+CMEE: 1\r\n\r\nOK\r\n")
    }

    @Test func signalAndRegistration() {
        var harness = ModemHarness()
        #expect(harness.send("AT+CSQ") == "\r\n+CSQ: 20,99\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CSQ=?") == "\r\n+CSQ: (0-31,99),(0-7,99)\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CESQ") == "\r\n+CESQ: 99,99,255,255,20,45\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CREG?") == "\r\n+CREG: 0,1\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CGREG=1") == "\r\nOK\r\n")
        #expect(harness.send("AT+CGREG?") == "\r\n+CGREG: 1,1\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CEREG=?") == "\r\n+CEREG: (0-2)\r\n\r\nOK\r\n")
        #expect(harness.send("AT+COPS?") == "\r\n+COPS: 0,0,\"EE\",7\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CREG=3") == "\r\nERROR\r\n")
    }

    /// Registration changes are reported as `+CREG` when the host asked for them.
    @Test func radioOffReportsDeregistration() {
        var harness = ModemHarness()
        _ = harness.send("AT+CREG=1")
        #expect(harness.send("AT+CFUN=4") == "\r\nOK\r\n\r\n+CREG: 0\r\n")
        #expect(harness.send("AT+CFUN?") == "\r\n+CFUN: 4\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CFUN=1") == "\r\nOK\r\n\r\n+CREG: 1\r\n")
    }

    /// `AT+CFUN=1,1` resets the modem: OK, then nothing until it has booted again.
    @Test func cfunResetReboots() {
        var harness = ModemHarness(ModemHarness.configuration(profile: .simcomSIM800))
        #expect(harness.send("AT+CFUN=1,1") == "\r\nOK\r\n")
        #expect(harness.send("AT").isEmpty)
        harness.advance(by: .milliseconds(100))
        #expect(
            harness.take()
                == "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\nCall Ready\r\n\r\nSMS Ready\r\n"
        )
        #expect(harness.send("AT") == "AT\r\r\nOK\r\n")
    }

    @Test func characterSets() {
        var harness = ModemHarness()
        #expect(harness.send("AT+CSCS?") == "\r\n+CSCS: \"GSM\"\r\n\r\nOK\r\n")
        #expect(
            harness.send("AT+CSCS=?")
                == "\r\n+CSCS: (\"GSM\",\"IRA\",\"HEX\",\"UCS2\",\"8859-1\",\"PCCP437\")\r\n\r\nOK\r\n"
        )
        #expect(harness.send("AT+CSCS=\"HEX\"") == "\r\nOK\r\n")
        #expect(harness.send("AT+CSCS?") == "\r\n+CSCS: \"HEX\"\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CSCS=\"EBCDIC\"") == "\r\nERROR\r\n")
    }

    @Test func miscellaneousCommandsAnswerOK() {
        var harness = ModemHarness()
        for command in ["AT+CUSD=1", "AT+CHUP", "ATH", "AT&W", "AT+CLIP=1", "ATS0=0", "AT+CMMS=2", "AT+CGATT?"] {
            #expect(harness.send(command).hasSuffix("\r\nOK\r\n"), "\(command)")
        }
        #expect(harness.send("AT+CMMS?") == "\r\n+CMMS: 2\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CSMS=0") == "\r\n+CSMS: 1,1,1\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CSCA?") == "\r\n+CSCA: \"+447785016005\",145\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CSCA=\"+447700900000\",145") == "\r\nOK\r\n")
        #expect(harness.send("AT+CSCA?") == "\r\n+CSCA: \"+447700900000\",145\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CNMA") == "\r\n+CMS ERROR: 340\r\n".replacingCMEE0())
    }

    /// A locked SIM asks for the PIN; messaging is refused until it is entered.
    @Test func pinEntry() {
        var harness = ModemHarness(ModemHarness.configuration(profile: .quectelEC25, pin: "1234"), boot: false)
        harness.advance(by: .milliseconds(100))
        #expect(harness.take() == "\r\nRDY\r\n\r\n+CPIN: SIM PIN\r\n")
        _ = harness.send("ATE0")
        _ = harness.send("AT+CMEE=1")
        #expect(harness.send("AT+CPIN?") == "\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CMGL=4") == "\r\n+CMS ERROR: 311\r\n")
        #expect(harness.send("AT+CIMI") == "\r\n+CME ERROR: 11\r\n")
        #expect(harness.send("AT+CPIN=\"0000\"") == "\r\n+CME ERROR: 16\r\n")
        #expect(
            harness.send("AT+CPIN=\"1234\"")
                == "\r\nOK\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n\r\n+QIND: SMS DONE\r\n\r\n+QIND: PB DONE\r\n"
        )
        #expect(harness.send("AT+CPIN?") == "\r\n+CPIN: READY\r\n\r\nOK\r\n")
    }

    /// Each profile boots with its own indications and answers with its own identity.
    @Test(arguments: VendorProfile.all)
    func profileBootsAndIdentifies(profile: VendorProfile) {
        var harness = ModemHarness(ModemHarness.configuration(profile: profile), boot: false)
        #expect(harness.send("AT").isEmpty)
        harness.advance(by: .milliseconds(100))
        let expected = (profile.bootIndications + profile.simReadyIndications).map { "\r\n\($0)\r\n" }.joined()
        #expect(harness.take() == expected)
        #expect(harness.send("AT+CGMI") == "AT+CGMI\r\r\n\(profile.manufacturer)\r\n\r\nOK\r\n")
        #expect(harness.send("AT+CGMM") == "AT+CGMM\r\r\n\(profile.model)\r\n\r\nOK\r\n")
    }

    /// Huawei sticks print `^RSSI` and friends until `AT^CURC=0`.
    @Test func huaweiPeriodicIndications() {
        var harness = ModemHarness(ModemHarness.configuration(profile: .huaweiE3372))
        harness.advance(by: .seconds(5))
        #expect(harness.take() == "\r\n^RSSI:20\r\n\r\n^BOOT:20952817,0,0,0,72\r\n\r\n^MODE:5,4\r\n")
        #expect(harness.send("AT^CURC=0") == "\r\nOK\r\n")
        harness.advance(by: .seconds(20))
        #expect(harness.take().isEmpty)
        #expect(harness.send("AT^CURC?") == "\r\n^CURC: 0\r\n\r\nOK\r\n")
    }

    /// The same conversation gives the same bytes however the host's writes are split.
    @Test(arguments: [1, 2, 3, 64])
    func chunkedInput(chunkSize: Int) throws {
        var reference = ModemHarness(echo: true)
        var chunked = ModemHarness(echo: true)
        try reference.inject(InjectedMessage(from: "+447700900123", text: "Hello"))
        try chunked.inject(InjectedMessage(from: "+447700900123", text: "Hello"))
        let submit = "0011000C914477000910320000FF05C8329BFD06"
        let script = "AT\rATE1;+CMEE=1\r\nAT+CMGL=4\rAT+CMGS=19\r\(submit)\u{1A}AT+CPMS?\r"
        reference.write(Array(script.utf8))
        chunked.write(Array(script.utf8), chunkSize: chunkSize)
        #expect(chunked.take() == reference.take())
        #expect(chunked.modem.sentMessages.map(\.text) == ["Hello"])
    }
}

extension String {
    /// With `AT+CMEE=0` every error is a plain ERROR.
    func replacingCMEE0() -> String {
        self.hasPrefix("\r\n+CM") ? "\r\nERROR\r\n" : self
    }
}
