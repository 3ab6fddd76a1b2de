// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser

extension CareConnect {
    /// `careconnect pdu`: decode and encode SMS PDUs, for debugging a modem by hand.
    struct PDUCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pdu",
            abstract: "Decode and encode SMS PDUs (3GPP TS 23.040) as modems print and expect them.",
            discussion: """
                Paste a PDU from an AT+CMGL or AT+CMGR listing to see what it holds, or build the PDU \
                for AT+CMGS by hand.
                """,
            subcommands: [Decode.self, Encode.self]
        )
    }
}
