// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// An information response line split into parameters, with accessors that throw ``ATParseError``
/// naming the command and the line. Shared by the command parsers.
struct ResponseLine {
    let command: String
    let line: ATLine
    let parameters: ATParameters

    init(command: String, line: ATLine, parameters: ATParameters) {
        self.command = command
        self.line = line
        self.parameters = parameters
    }

    /// The only line named `name` (for example `+CPMS`) among `lines`.
    ///
    /// Lines with other names are ignored, so a stray unsolicited result code in the response does not
    /// break parsing; several lines with the name are an error.
    static func single(in lines: [ATLine], name: String) throws -> ResponseLine {
        let matches = try all(in: lines, name: name)
        guard let first = matches.first else {
            throw ATParseError(
                code: .missingLine,
                command: name,
                line: lines.first,
                message: "no \(name): line in the response"
            )
        }
        guard matches.count == 1 else {
            throw ATParseError(
                code: .unexpectedLine,
                command: name,
                line: matches[1].line,
                message: "more than one \(name): line"
            )
        }
        return first
    }

    /// Every line named `name`, in order.
    static func all(in lines: [ATLine], name: String) throws -> [ResponseLine] {
        lines.compactMap { line in
            ATParameters(line: line, name: name).map { ResponseLine(command: name, line: line, parameters: $0) }
        }
    }

    func error(_ code: ATParseError.Code, _ message: String) -> ATParseError {
        ATParseError(code: code, command: self.command, line: self.line, message: message)
    }

    var count: Int { self.parameters.count }

    func requireCount(atLeast minimum: Int) throws {
        guard self.parameters.count >= minimum else {
            throw self.error(.missingParameter, "expected at least \(minimum) parameters, found \(self.count)")
        }
    }

    func int(_ index: Int, _ name: String) throws -> Int {
        guard let parameter = self.parameters.parameter(at: index) else {
            throw self.error(.missingParameter, "missing <\(name)>")
        }
        guard let value = parameter.intValue else {
            throw self.error(.invalidParameter, "<\(name)> is not a number: \"\(parameter.value)\"")
        }
        return value
    }

    func optionalInt(_ index: Int, _ name: String) throws -> Int? {
        guard let parameter = self.parameters.parameter(at: index), !parameter.isEmpty else { return nil }
        guard let value = parameter.intValue else {
            throw self.error(.invalidParameter, "<\(name)> is not a number: \"\(parameter.value)\"")
        }
        return value
    }

    func string(_ index: Int, _ name: String) throws -> String {
        guard let value = self.parameters.parameter(at: index)?.stringValue else {
            throw self.error(.missingParameter, "missing <\(name)>")
        }
        return value
    }

    func optionalString(_ index: Int) -> String? {
        self.parameters.parameter(at: index)?.stringValue
    }

    func list(_ index: Int, _ name: String) throws -> [ATParameter] {
        guard let items = self.parameters.parameter(at: index)?.listItems else {
            throw self.error(.missingParameter, "missing list <\(name)>")
        }
        return items
    }

    func ranges(_ index: Int, _ name: String) throws -> [ClosedRange<Int>] {
        guard let parameter = self.parameters.parameter(at: index) else {
            throw self.error(.missingParameter, "missing list <\(name)>")
        }
        guard let ranges = parameter.integerRanges else {
            throw self.error(.invalidParameter, "<\(name)> is not a list of integers: \"\(parameter.value)\"")
        }
        return ranges
    }
}
