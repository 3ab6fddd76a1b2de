// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import ModemEngine
import ModemTesting

/// What replaying a transcript through a modem produced.
struct Replay {
    /// One result per command the transcript's host sent, in order.
    var results: [Result<ATResponse, ModemError>]
    /// Every event, in order.
    var events: [ModemEvent]
    /// Host writes the transcript did not expect.
    var unexpectedWrites: [String]
    /// Transcript steps never reached.
    var remainingSteps: [String]

    /// The response of command `index`, or `nil` if it failed.
    func response(_ index: Int) -> ATResponse? {
        try? self.results[index].get()
    }

    /// The error of command `index`, or `nil` if it succeeded.
    func error(_ index: Int) -> ModemError? {
        if case .failure(let error) = self.results[index] { return error }
        return nil
    }
}

extension ModemHarness {
    /// Loads `transcript`, issues each of its host commands in order (a write without CR is the prompt
    /// payload of the command before it), then stops the modem and collects every event.
    static func replay(_ transcript: Transcript, chunkSize: Int) async throws -> Replay {
        let harness = ModemHarness(chunkSize: chunkSize)
        harness.transport.load(transcript)
        // A final command after the transcript: once it completes, every earlier byte has been handled.
        harness.transport.whenWritten("AT+GCAP\r", reply: "\r\n+GCAP: +CGSM\r\n\r\nOK\r\n")

        var steps: [(command: ATCommand, payload: PromptPayload?)] = []
        for exchange in transcript.exchanges {
            if exchange.write.last == 0x0D {
                steps.append((ATCommand(String(decoding: exchange.write.dropLast(), as: UTF8.self)), nil))
            } else {
                let echo = String(decoding: exchange.write.filter { $0 != 0x1A && $0 != 0x1B }, as: UTF8.self)
                steps[steps.count - 1].payload = PromptPayload(
                    bytes: exchange.write,
                    echoText: echo.isEmpty ? nil : echo
                )
            }
        }

        let results = try await harness.run { harness in
            var results: [Result<ATResponse, ModemError>] = []
            for step in steps {
                do {
                    results.append(.success(try await harness.modem.execute(step.command, payload: step.payload)))
                } catch let error as ModemError {
                    results.append(.failure(error))
                }
            }
            try await harness.modem.execute(ATCommand("AT+GCAP"))
            return results
        }
        var events: [ModemEvent] = []
        for await event in harness.modem.events { events.append(event) }
        return Replay(
            results: results,
            events: events,
            unexpectedWrites: harness.transport.unexpectedWrites,
            remainingSteps: harness.transport.remainingSteps
        )
    }
}
