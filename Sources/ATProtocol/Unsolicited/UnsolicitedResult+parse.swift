// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension UnsolicitedResult {
    /// Names of manufacturer status reports that are reported as ``vendor(_:)``.
    ///
    /// Any `^NAME:` line (Huawei's prefix) is treated as a vendor report too.
    static let vendorNames: Set<String> = [
        "+QIND", "+QUSIM", "+QSIMSTAT", "+CPSI", "+STIN", "+CUSATP", "+CUSATEND", "+CIEV", "+CTZV", "+CTZE",
        "+PSUTTZ", "*PSUTTZ", "+CGEV", "+CRING", "+CCWA", "+CUSD", "+CMTE", "+UUPSDA", "+UUSORD",
    ]

    /// Bare lines (no colon) that are manufacturer status reports.
    static let vendorKeywords: Set<String> = [
        "+PACSP0", "+PACSP1", "^SYSSTART", "NORMAL POWER DOWN", "UNDER-VOLTAGE WARNNING",
        "UNDER-VOLTAGE POWER DOWN", "OVER-VOLTAGE WARNNING", "OVER-VOLTAGE POWER DOWN",
    ]

    /// Parses a line as an unsolicited result code.
    ///
    /// Returns `nil` for lines that do not look like one: final results, plain text and hexadecimal PDU
    /// lines. Lines shaped like `+NAME: …` that are not recognised give ``unknown(_:)``.
    public init?(line: ATLine) {
        let text = line.trimmedText
        switch text {
        case "RING": self = .ring
        case "RDY": self = .modemReady
        case "SMS DONE", "SMS Ready": self = .smsReady
        case "PB DONE": self = .phonebookReady
        case "Call Ready": self = .callReady
        default:
            if Self.vendorKeywords.contains(text.uppercased()) {
                self = .vendor(VendorIndication(name: text.uppercased(), value: ""))
                return
            }
            guard let name = line.responseName, let value = line.responseValue else { return nil }
            self = Self.parse(line, name: name, value: String(value)) ?? .unknown(line)
        }
    }

    private static func parse(_ line: ATLine, name: String, value: String) -> UnsolicitedResult? {
        let parsed = ResponseLine(command: name, line: line, parameters: ATParameters(parsing: value[...]))
        switch name {
        case "+CMTI", "+CDSI":
            guard parsed.count == 2, let storage = parsed.optionalString(0),
                let index = try? parsed.int(1, "index")
            else { return nil }
            let indication = MessageStorageIndication(storage: storage, index: index)
            return name == "+CMTI" ? .newMessage(indication) : .newStatusReport(indication)
        case "+CMT":
            guard parsed.count == 2, let length = try? parsed.int(1, "length") else { return nil }
            return .messageDelivery(IncomingPDUHeader(alpha: parsed.optionalString(0), length: length))
        case "+CDS":
            guard parsed.count == 1, let length = try? parsed.int(0, "length") else { return nil }
            return .statusReportDelivery(IncomingPDUHeader(length: length))
        case "+CREG", "+CGREG", "+CEREG":
            guard let domain = NetworkRegistration.Domain(commandName: name),
                let registration = try? NetworkRegistration.parseUnsolicited(line, domain: domain)
            else { return nil }
            return .registration(registration)
        case "+CLIP":
            guard let number = parsed.parameters.parameter(at: 0), number.kind == .quoted else { return nil }
            return .callingLine(
                CallingLineIdentification(
                    number: number.value,
                    typeOfAddress: try? parsed.optionalInt(1, "type"),
                    validity: try? parsed.optionalInt(5, "CLI validity")
                )
            )
        case "+CPIN":
            let state = value.trimmingCharacters(in: " ")
            return state.isEmpty ? nil : .simStatus(CPIN.State(rawValue: state))
        case "+CFUN":
            guard parsed.count == 1, let fun = try? parsed.int(0, "fun") else { return nil }
            return .functionality(fun)
        case "+QIND" where value.trimmingCharacters(in: " ") == "SMS DONE":
            return .smsReady
        case "+QIND" where value.trimmingCharacters(in: " ") == "PB DONE":
            return .phonebookReady
        default:
            if name.hasPrefix("^") || Self.vendorNames.contains(name) {
                return .vendor(VendorIndication(name: name, value: value))
            }
            return nil
        }
    }
}
