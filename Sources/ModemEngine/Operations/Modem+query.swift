// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Logging

extension Modem {
    /// Runs a command and parses its response lines; a parser error becomes
    /// ModemError/Code/unexpectedResponse.
    func query<Value>(
        _ command: ATCommand,
        timeout: Duration? = nil,
        parse: ([ATLine]) throws -> Value
    ) async throws -> Value {
        let response = try await self.execute(command, timeout: timeout)
        do {
            return try parse(response.lines)
        } catch {
            throw ModemError.unexpectedResponse(command, cause: error)
        }
    }

    /// Like query(_:timeout:parse:), but a command the modem refuses or answers strangely gives `nil`.
    /// Timeouts, a lost port and the like still throw.
    func optionalQuery<Value>(
        _ command: ATCommand,
        parse: ([ATLine]) throws -> Value
    ) async throws -> Value? {
        do {
            return try await self.query(command, parse: parse)
        } catch let error as ModemError where error.code == .commandFailed || error.code == .unexpectedResponse {
            self.logger.debug("optional command failed", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
