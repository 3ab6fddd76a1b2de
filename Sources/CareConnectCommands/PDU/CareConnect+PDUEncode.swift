// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import SMSPDU

extension CareConnect.PDUCommand {
    /// `careconnect pdu encode --to NUMBER TEXT`.
    struct Encode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Encode text as SMS-SUBMIT PDUs, one line per part: LENGTH HEX.",
            discussion: """
                GSM 7-bit is used when every character fits (escapes such as { } [ ] ~ \\ | ^ € count as \
                two), otherwise UCS-2. Long texts become concatenated parts of 153 septets or 67 UCS-2 \
                units. Send each line with AT+CMGS=LENGTH, then HEX and Ctrl-Z at the prompt.
                """
        )

        @Option(help: "The recipient: +447700900123 (international) or a national number.")
        var to: String

        @Flag(name: .customLong("status-report"), help: "Ask the network for a delivery report.")
        var statusReport = false

        @Option(help: "Validity period such as 30m, 12h, 7d or 4w (rounded up to what the PDU can hold).")
        var validity: String?

        @Option(help: "Put this SMSC address in the PDU instead of using the SIM's.")
        var smsc: String?

        @Flag(help: "Send as a class 0 (flash) message, shown at once and not stored.")
        var flash = false

        @Option(help: "Concatenation reference for a long message (default: random).")
        var reference: Int?

        @Flag(name: .customLong("16bit-reference"), help: "Use a 16-bit concatenation reference.")
        var reference16Bit = false

        @Option(
            name: .customLong("national-language"),
            help:
                "Allow a national language shift table (\(NationalLanguage.allCases.map { "\($0)" }.joined(separator: ", "))); repeatable."
        )
        var nationalLanguages: [String] = []

        @Flag(help: "Force UCS-2 even when GSM 7-bit would do.")
        var ucs2 = false

        @Argument(help: "The text to send.")
        var text: String

        func validate() throws {
            if let reference {
                let limit = reference16Bit ? 65_535 : 255
                guard (0...limit).contains(reference) else {
                    throw ValidationError("--reference must be 0…\(limit)")
                }
            }
            if let validity, Self.parseValidity(validity) == nil {
                throw ValidationError("--validity '\(validity)' is not a duration like 30m, 12h, 7d or 4w")
            }
            for name in nationalLanguages where Self.language(named: name) == nil {
                throw ValidationError("--national-language '\(name)' is not one of the supported languages")
            }
        }

        func run() throws {
            var options = MessageEncoder.Options()
            options.statusReportRequest = statusReport
            options.messageClass = flash ? 0 : nil
            options.reference16Bit = reference16Bit
            options.concatenationReference = reference ?? Int.random(in: 0...(reference16Bit ? 65_535 : 255))
            options.nationalLanguages = nationalLanguages.compactMap(Self.language(named:))
            options.forceUCS2 = ucs2
            options.validityPeriod = validity.flatMap(Self.parseValidity).map(ValidityPeriod.relative(minutes:))
            do {
                options.smsc = try smsc.map { try PhoneAddress(number: $0) }
                let parts = try MessageEncoder.submit(text: text, to: PhoneAddress(number: to), options: options)
                for part in parts {
                    print("\(part.length) \(part.hex)")
                }
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        }

        static func language(named name: String) -> NationalLanguage? {
            NationalLanguage.allCases.first { "\($0)" == name.lowercased() }
        }

        /// Minutes in a duration such as `90m`, `12h`, `7d` or `4w`.
        static func parseValidity(_ text: String) -> Int? {
            guard let unit = text.last, let value = Int(text.dropLast()), value > 0 else { return nil }
            switch unit {
            case "m": return value
            case "h": return value * 60
            case "d": return value * 1_440
            case "w": return value * 10_080
            default: return nil
            }
        }
    }
}
