// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ModemSimulator
import Testing

@Suite("Inject file format")
struct InjectedMessageTests {
    @Test func parsesEveryField() throws {
        let message = try InjectedMessage(
            json:
                #"{"from":"NHSTrust","text":"Hi 😀","at":2.5,"class":0,"ucs2":true,"reference":66,"reference16":true,"timestamp":1704164645}"#
        )
        #expect(
            message
                == InjectedMessage(
                    from: "NHSTrust",
                    text: "Hi 😀",
                    delay: 2.5,
                    messageClass: 0,
                    forceUCS2: true,
                    concatenationReference: 66,
                    reference16Bit: true,
                    timestamp: 1_704_164_645
                )
        )
    }

    @Test func skipsBlankLinesAndComments() throws {
        let text = """
            # ward 7 feedback
            {"from":"+447700900123","text":"one"}

            {"from":"+447700900124","text":"two"}
            """
        #expect(try InjectedMessage.parseLines(text).map(\.text) == ["one", "two"])
    }

    @Test func namesTheBadLine() {
        let text = "{\"from\":\"+447700900123\",\"text\":\"one\"}\n{\"text\":\"no sender\"}\n"
        #expect {
            try InjectedMessage.parseLines(text)
        } throws: { error in
            (error as? SimulatorError)?.message == "line 2: not a message: missing \"from\""
        }
    }
}
