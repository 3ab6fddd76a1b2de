// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation

extension InjectedMessage {
    /// Parses one JSON object, such as `{"from":"+447700900123","text":"Thank you"}`.
    public init(json: some StringProtocol) throws(SimulatorError) {
        do {
            self = try JSONDecoder().decode(InjectedMessage.self, from: Data(String(json).utf8))
        } catch {
            throw SimulatorError(.invalidMessage, "not a message: \(Self.explain(error))")
        }
    }

    /// Parses a JSON-lines file: one message per line; blank lines and lines starting with `#` are skipped.
    public static func parseLines(_ text: String) throws(SimulatorError) -> [InjectedMessage] {
        var messages: [InjectedMessage] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                messages.append(try InjectedMessage(json: trimmed))
            } catch {
                throw SimulatorError(.invalidMessage, "line \(number + 1): \(error.message)")
            }
        }
        return messages
    }

    private static func explain(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context): "wrong type at \(context.codingPath.map(\.stringValue))"
        case DecodingError.dataCorrupted: "invalid JSON"
        default: "\(error)"
        }
    }
}
