// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A registration report from `+CREG`, `+CGREG` or `+CEREG`, either the read response or the
/// unsolicited result code.
///
/// ### Read response or unsolicited result code?
/// Both start with the same name, and differ only in a leading `<n>` (the reporting mode) that the read
/// response has and the result code has not:
///
/// | form | parameters |
/// | --- | --- |
/// | result code, `n=1` | `<stat>` |
/// | result code, `n=2` | `<stat>[,<lac>,<ci>[,<AcT>]]` |
/// | read response | `<n>,<stat>[,<lac>,<ci>[,<AcT>]]` |
///
/// So the second parameter tells them apart: in a read response it is `<stat>`, an unquoted number; in a
/// result code it is absent or the quoted hexadecimal `<lac>`/`<tac>`. ``isReadResponseShape(_:)``
/// applies that rule. A modem that leaves `<lac>` unquoted and all decimal digits would be ambiguous;
/// none of the supported modems does.
///
/// Related specification: 3GPP TS 27.007 §7.2 (`+CREG`), §10.1.20 (`+CGREG`), §10.1.22 (`+CEREG`)
public struct NetworkRegistration: Hashable, Sendable {
    /// Which registration a report is about.
    public enum Domain: Hashable, Sendable {
        /// `+CREG`: circuit-switched (the domain SMS over GSM/UMTS uses).
        case circuitSwitched
        /// `+CGREG`: GPRS / packet-switched.
        case packetSwitched
        /// `+CEREG`: EPS (LTE).
        case evolvedPacketSystem

        /// The result code name, for example `+CREG`.
        public var commandName: String {
            switch self {
            case .circuitSwitched: "+CREG"
            case .packetSwitched: "+CGREG"
            case .evolvedPacketSystem: "+CEREG"
            }
        }

        init?(commandName: String) {
            switch commandName {
            case "+CREG": self = .circuitSwitched
            case "+CGREG": self = .packetSwitched
            case "+CEREG": self = .evolvedPacketSystem
            default: return nil
            }
        }
    }

    /// Which registration this is.
    public var domain: Domain
    /// The `<n>` reporting mode; present only in read responses.
    public var reportingMode: Int?
    /// The registration state.
    public var state: RegistrationState
    /// The location area code (`<lac>`) or, for `+CEREG`, tracking area code (`<tac>`), in hexadecimal.
    public var areaCode: String?
    /// The cell identity (`<ci>`), in hexadecimal.
    public var cellID: String?
    /// The access technology (`<AcT>`): 0 GSM, 2 UTRAN, 7 E-UTRAN, and so on (27.007 §7.3).
    public var accessTechnology: Int?

    public init(
        domain: Domain,
        reportingMode: Int? = nil,
        state: RegistrationState,
        areaCode: String? = nil,
        cellID: String? = nil,
        accessTechnology: Int? = nil
    ) {
        self.domain = domain
        self.reportingMode = reportingMode
        self.state = state
        self.areaCode = areaCode
        self.cellID = cellID
        self.accessTechnology = accessTechnology
    }

    /// Whether parameters have the shape of a read response (`<n>,<stat>,…`) rather than of an
    /// unsolicited result code (`<stat>,…`): see the type's discussion.
    public static func isReadResponseShape(_ parameters: ATParameters) -> Bool {
        guard parameters.count >= 2 else { return false }
        let second = parameters[1]
        return second.kind == .bare && second.intValue != nil
    }

    /// Parses a read response line, such as `+CREG: 2,1,"00A1","0B2C",7`.
    static func parseReadResponse(_ lines: [ATLine], domain: Domain) throws -> NetworkRegistration {
        let line = try ResponseLine.single(in: lines, name: domain.commandName)
        guard Self.isReadResponseShape(line.parameters) else {
            throw line.error(.unexpectedLine, "expected <n>,<stat>[,…]; this looks like an unsolicited result code")
        }
        return try Self.make(from: line, domain: domain, offset: 1, reportingMode: line.int(0, "n"))
    }

    /// Parses an unsolicited result code, such as `+CREG: 1,"00A1","0B2C",7`.
    static func parseUnsolicited(_ line: ATLine, domain: Domain) throws -> NetworkRegistration {
        guard let parameters = ATParameters(line: line, name: domain.commandName) else {
            throw ATParseError(
                code: .unexpectedLine,
                command: domain.commandName,
                line: line,
                message: "not a \(domain.commandName): line"
            )
        }
        let parsed = ResponseLine(command: domain.commandName, line: line, parameters: parameters)
        guard !Self.isReadResponseShape(parameters) else {
            throw parsed.error(.unexpectedLine, "expected <stat>[,…]; this looks like a read response")
        }
        return try Self.make(from: parsed, domain: domain, offset: 0, reportingMode: nil)
    }

    private static func make(
        from line: ResponseLine,
        domain: Domain,
        offset: Int,
        reportingMode: Int?
    ) throws -> NetworkRegistration {
        NetworkRegistration(
            domain: domain,
            reportingMode: reportingMode,
            state: RegistrationState(rawValue: try line.int(offset, "stat")),
            areaCode: line.optionalString(offset + 1),
            cellID: line.optionalString(offset + 2),
            accessTechnology: try line.optionalInt(offset + 3, "AcT")
        )
    }
}
