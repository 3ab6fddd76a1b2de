// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension SimulatorFault {
    /// Parses the words after `fault` on the control socket: `silence 5`, `garbage 64`,
    /// `garbage 64 mid-response`, `reboot`, `close`, `close 3`, `baud 9600`, `baud off`,
    /// `drop-urc on|off`, `urc-mid-response`.
    public init(parsing text: some StringProtocol) throws(SimulatorError) {
        let words = String(text).split(separator: " " as Character).map(String.init)
        guard let name = words.first else {
            throw SimulatorError(.invalidCommand, "fault needs a name")
        }
        func seconds(_ index: Int) throws(SimulatorError) -> Duration {
            guard words.count > index, let value = Double(words[index]), value >= 0, value < 1e6 else {
                throw SimulatorError(.invalidCommand, "fault \(name) needs a number of seconds")
            }
            return .milliseconds(Int64((value * 1000).rounded()))
        }
        switch name {
        case "silence":
            self = .silence(try seconds(1))
        case "garbage":
            guard words.count > 1, let count = Int(words[1]), (1...65536).contains(count) else {
                throw SimulatorError(.invalidCommand, "fault garbage needs a byte count from 1 to 65536")
            }
            self = .garbage(count: count, midResponse: words.dropFirst(2).contains("mid-response"))
        case "reboot":
            self = .reboot
        case "close":
            self = .closePort(reopenAfter: words.count > 1 ? try seconds(1) : nil)
        case "baud":
            if words.count > 1, words[1] == "off" || words[1] == "0" {
                self = .lineRate(baud: nil)
            } else if words.count > 1, let baud = Int(words[1]), baud >= 10 {
                self = .lineRate(baud: baud)
            } else {
                throw SimulatorError(.invalidCommand, "fault baud needs a rate of at least 10, or off")
            }
        case "drop-urc":
            guard words.count > 1, words[1] == "on" || words[1] == "off" else {
                throw SimulatorError(.invalidCommand, "fault drop-urc needs on or off")
            }
            self = .dropIndications(words[1] == "on")
        case "urc-mid-response":
            self = .indicationMidResponse
        default:
            throw SimulatorError(.invalidCommand, "unknown fault '\(name)'")
        }
    }
}
