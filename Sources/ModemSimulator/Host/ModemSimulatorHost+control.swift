// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Glibc
import Synchronization

extension ModemSimulatorHost {
    /// Answers one line of the control protocol. Every answer ends with a line starting `ok` or `error`;
    /// `sent` puts one JSON line per sent part before its `ok`.
    ///
    /// Commands: `inject <json>`, `fault <name> [arguments]`, `status`, `sent`, `help`.
    public func controlReply(to line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let (word, rest) =
            if let space = trimmed.firstIndex(of: " ") {
                (String(trimmed[..<space]), String(trimmed[trimmed.index(after: space)...]))
            } else {
                (trimmed, "")
            }
        switch word {
        case "inject":
            do {
                let message = try InjectedMessage(json: rest)
                let parts = try self.inject(message)
                return "ok injected \(parts) part\(parts == 1 ? "" : "s")"
            } catch {
                return "error \(error.message)"
            }
        case "fault":
            do {
                let fault = try SimulatorFault(parsing: rest)
                self.apply(fault)
                return "ok fault \(rest)"
            } catch {
                return "error \(error.message)"
            }
        case "status":
            return "ok " + Self.json(self.status)
        case "sent":
            let sent = self.sentMessages
            return (sent.map(Self.json) + ["ok \(sent.count) sent"]).joined(separator: "\n")
        case "help":
            return "ok commands: inject <json>, fault silence <s>|garbage <n> [mid-response]|reboot|close [<s>]"
                + "|baud <n>|off|drop-urc on|off|urc-mid-response, status, sent"
        case "":
            return "error empty command"
        default:
            return "error unknown command '\(word)'"
        }
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    func acceptClient() {
        guard let control = self.control else { return }
        let client = accept(control.descriptor, nil, nil)
        guard client >= 0 else { return }
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        self.state.withLock { $0.clients[client] = [] }
    }

    func serviceClient(_ client: Int32, buffer: inout [UInt8]) {
        let count = Glibc.read(client, &buffer, buffer.count)
        guard count > 0 else {
            Glibc.close(client)
            self.state.withLock { _ = $0.clients.removeValue(forKey: client) }
            return
        }
        var pending = self.state.withLock { $0.clients[client] ?? [] }
        pending += buffer[..<count]
        while let newline = pending.firstIndex(of: 0x0A) {
            let line = String(decoding: pending[..<newline], as: UTF8.self)
            pending.removeSubrange(...newline)
            let reply = Array((self.controlReply(to: line) + "\n").utf8)
            var offset = 0
            while offset < reply.count {
                let written = reply[offset...].withUnsafeBytes { Glibc.write(client, $0.baseAddress, $0.count) }
                guard written > 0 else { break }
                offset += written
            }
        }
        self.state.withLock { $0.clients[client] = pending }
    }
}
