// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import SMSPDU

extension CareConnect.PDUCommand {
    /// `careconnect pdu decode HEX`.
    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode a PDU and print it as one JSON object.",
            discussion: """
                Prints type (deliver, submit or status-report), smsc, sender or recipient (E.164 with + \
                where international), timestamp (ISO 8601 with the sender's offset), encoding (gsm7, 8bit \
                or ucs2), text, concat ({"ref","part","total"} or null) and class; status reports add \
                reference, status and discharge_time. With "-" as HEX, decodes one PDU per line of \
                standard input and prints one JSON object per line.

                Exit status 2 with a one-line error naming the field and byte offset when a PDU is \
                malformed.
                """
        )

        enum SMSCMode: String, ExpressibleByArgument, CaseIterable {
            case auto, present, absent
        }

        @Argument(help: "The PDU in hex (as +CMGL/+CMGR print it), or - to read one per line from standard input.")
        var hex: String

        @Option(help: "Whether the PDU starts with the SMSC address: auto, present (as +CMGL prints) or absent.")
        var smsc: SMSCMode = .auto

        @Option(name: .customLong("tpdu-length"), help: "The length +CMGL/+CMGR reported; decides the SMSC question.")
        var tpduLength: Int?

        func run() throws {
            let presence: PDU.SMSCPresence =
                if let tpduLength {
                    .tpduLength(tpduLength)
                } else {
                    switch smsc {
                    case .auto: .automatic
                    case .present: .present
                    case .absent: .absent
                    }
                }
            if hex == "-" {
                var failures = 0
                var lineNumber = 0
                while let line = readLine() {
                    lineNumber += 1
                    if line.allSatisfy(\.isWhitespace) { continue }
                    do {
                        print(PDUReport(try PDU.decode(hex: line, smsc: presence)).jsonLine())
                    } catch {
                        failures += 1
                        printError("line \(lineNumber): \(error)")
                    }
                }
                if failures > 0 { throw ExitCode(2) }
                return
            }
            do {
                print(PDUReport(try PDU.decode(hex: hex, smsc: presence)).jsonLine())
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        }
    }
}
