// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import Foundation
import GatewayDaemons
import Logging
import MessageStore
import ModemDiscovery
import ModemSimulator
import SMSPDU

extension CareConnect {
    /// `careconnect demo`: the ward device's main job on built-in defaults, narrated.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the ward device at work on built-in sample data, printing each step.",
            discussion: """
                Part 1: the SMS gateway against the modem simulator on a real pseudo-terminal. Patients text \
                a score, a follow-up comment, STOP, an emoji and a long three-part message; the ward answers \
                with the Friends and Family Test conversation; delivery reports come back; everything is \
                stored in a SQLite database in the output directory.

                Part 2: the kiosk on an offscreen framebuffer, walked through by scripted patients, with \
                screenshots of what reached the framebuffer in kiosk/ under the output directory.

                Part 3: a local hub on 127.0.0.1. The device enrols with a one-time code and uploads what parts \
                1 and 2 recorded; a staff reply typed on the ward page goes out through the modem exactly \
                once; new ward settings set on the hub are checked and applied by the device and picked up by \
                the gateway without a restart; a heartbeat shows the hub the device is current.

                Part 4: the PDU codec close up. Patients' texts arrive as SMS-DELIVER PDUs the way a modem \
                lists them (AT+CMGL), are decoded (GSM 7-bit with escapes, UCS-2 with emoji, a concatenated message reassembled, \
                an alphanumeric sender), and the ward's reply is encoded as SMS-SUBMIT PDUs ready for \
                AT+CMGS. A damaged PDU shows how malformed input is kept and explained, never dropped.
                """
        )

        @Option(help: "Where to write the demo's database and logs.")
        var output = "out/demo"

        func run() async throws {
            try await gatewayDemo()
            print("")
            try await kioskDemo()
            print("")
            try await hubDemo()
            print("")
            try codecDemo()
        }

        func codecDemo() throws {
            print("== Part 4: the PDU codec close up ==")
            let ward = try PhoneAddress(number: "+447700900123")
            var options = MessageEncoder.Options()
            options.smsc = try PhoneAddress(number: "+447785016005")
            let stamp = SMSTimestamp(
                year: 2026,
                month: 11,
                day: 25,
                hour: 14,
                minute: 5,
                second: 0,
                utcOffsetQuarterHours: 0
            )
            let samples: [(PhoneAddress, String)] = [
                (try PhoneAddress(number: "+447700900456"), "1"),
                (
                    try PhoneAddress(number: "+447700900789"),
                    "Very good - the nurses on {ward 7} were brilliant, 10/10 €0 spent on parking ^_^"
                ),
                (try PhoneAddress(number: "+447700900321"), "Dziękuję bardzo 😀 opieka była wspaniała"),
                (
                    try PhoneAddress(number: "+447700900654"),
                    String(
                        repeating:
                            "The food was cold every evening and the call bell took a long time to be answered. ",
                        count: 3
                    )
                ),
                (
                    PhoneAddress(typeOfNumber: .alphanumeric, numberingPlan: 0, value: "NHSTrust"),
                    "Test message from the trust"
                ),
            ]

            print("-- the modem lists new messages (AT+CMGL=4) --")
            var listed: [String] = []
            for (index, (sender, text)) in samples.enumerated() {
                options.concatenationReference = 40 + index
                for part in try MessageEncoder.deliver(text: text, from: sender, timestamp: stamp, options: options) {
                    listed.append(part.hex)
                    print("+CMGL: \(listed.count),0,,\(part.length)")
                    print(part.hex)
                }
            }
            let damaged = String(listed[0].dropLast(4))
            listed.append(damaged)
            print("+CMGL: \(listed.count),0,,\(damaged.count / 2 - 8)   <- damaged in transit")
            print(damaged)

            print("\n-- each PDU is decoded --")
            var groups: [String: [Int: String]] = [:]
            var totals: [String: Int] = [:]
            for (index, hex) in listed.enumerated() {
                do {
                    let pdu = try PDU.decode(hex: hex)
                    guard case .deliver(let message) = pdu else { continue }
                    let text = message.userData.text ?? ""
                    let coding = message.userData.dataCoding.alphabet.rawValue
                    let from = message.originator.description
                    if let concat = message.userData.header?.concatenation {
                        print(
                            "#\(index + 1) from \(from) [\(coding)] part \(concat.part)/\(concat.total) ref \(concat.reference)"
                        )
                        groups["\(from)/\(concat.reference)", default: [:]][concat.part] = text
                        totals["\(from)/\(concat.reference)"] = concat.total
                    } else {
                        print("#\(index + 1) from \(from) [\(coding)] at \(message.serviceCentreTimestamp): \(text)")
                    }
                    if message.originator.isAlphanumeric {
                        print("   alphanumeric sender: recorded, never answered")
                    }
                } catch {
                    print("#\(index + 1) kept raw, not dropped: \(error)")
                }
            }
            for (key, parts) in groups.sorted(by: { $0.key < $1.key }) where parts.count == totals[key] {
                let text = parts.sorted { $0.key < $1.key }.map(\.value).joined()
                print("reassembled \(key) (\(parts.count) parts): \(text)")
            }

            print("\n-- the ward replies (AT+CMGS) --")
            let reply =
                "Thank you for your feedback about Ward 7. What was good, or what could we do better? Reply STOP to opt out."
            options.smsc = nil
            options.concatenationReference = 7
            for part in try MessageEncoder.submit(text: reply, to: ward, options: options) {
                print("AT+CMGS=\(part.length)")
                print("> \(part.hex)<Ctrl-Z>")
            }
            let unicodeReply = "Dziękujemy za opinię 🙏 Co było dobre, a co możemy poprawić?"
            for part in try MessageEncoder.submit(text: unicodeReply, to: ward, options: options) {
                print("AT+CMGS=\(part.length)   (UCS-2: the text has characters outside GSM 7-bit)")
                print("> \(part.hex)<Ctrl-Z>")
            }
            print("\ndone: \(listed.count) PDUs listed, \(listed.count - 1) decoded, 1 kept raw with its error")
        }
    }
}
