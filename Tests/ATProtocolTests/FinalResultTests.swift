// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Testing

@Suite("FinalResult")
struct FinalResultTests {
    /// Should recognise every V.250 final result code.
    @Test(
        arguments: [
            ("OK", FinalResult.ok), ("ERROR", .error), ("NO CARRIER", .noCarrier), ("BUSY", .busy),
            ("NO ANSWER", .noAnswer), ("NO DIALTONE", .noDialtone), ("NO DIAL TONE", .noDialtone),
            ("CONNECT", .connect(nil)), ("CONNECT 150000000", .connect("150000000")),
            ("COMMAND NOT SUPPORT", .vendorError("COMMAND NOT SUPPORT")),
        ]
    )
    func parsesBasicResultCodes(text: String, expected: FinalResult) {
        #expect(FinalResult(line: ATLine(text)) == expected)
    }

    /// Should parse numeric +CME ERROR codes to the named constant.
    @Test func parsesNumericCMEError() {
        #expect(FinalResult(line: "+CME ERROR: 10") == .cmeError(.simNotInserted, verboseText: nil))
    }

    /// Should map the verbose +CME ERROR text of AT+CMEE=2 back to the code and keep the text.
    @Test func parsesVerboseCMEError() {
        let result = FinalResult(line: "+CME ERROR: SIM not inserted")
        #expect(result == .cmeError(.simNotInserted, verboseText: "SIM not inserted"))
    }

    /// Should parse numeric and verbose +CMS ERROR codes.
    @Test func parsesCMSErrors() {
        #expect(FinalResult(line: "+CMS ERROR: 500") == .cmsError(.unknown, verboseText: nil))
        #expect(FinalResult(line: "+CMS ERROR: 304") == .cmsError(.invalidPDUModeParameter, verboseText: nil))
        #expect(
            FinalResult(line: "+CMS ERROR: Invalid PDU mode parameter")
                == .cmsError(.invalidPDUModeParameter, verboseText: "Invalid PDU mode parameter")
        )
    }

    /// Should keep verbose text that names no listed code, reported as the unknown code.
    @Test func keepsUnrecognisedVerboseText() {
        #expect(FinalResult(line: "+CME ERROR: frobnicated") == .cmeError(.unknown, verboseText: "frobnicated"))
        #expect(FinalResult(line: "+CMS ERROR: Unknown error") == .cmsError(.unknown, verboseText: "Unknown error"))
    }

    /// Should not take information lines, URCs or partial matches for final results.
    @Test(arguments: ["OK?", "+CMTI: \"SM\",1", "RING", "okay", "0791447758100650", "+CME ERRORS: 3", ""])
    func rejectsNonResultLines(text: String) {
        #expect(FinalResult(line: ATLine(text)) == nil)
    }

    /// Should report success only for OK and CONNECT.
    @Test func reportsSuccess() {
        #expect(FinalResult.ok.isSuccess)
        #expect(FinalResult.connect(nil).isSuccess)
        #expect(!FinalResult.error.isSuccess)
        #expect(!FinalResult.cmsError(.memoryFull, verboseText: nil).isSuccess)
    }
}
