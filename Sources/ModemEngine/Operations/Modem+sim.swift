// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol
import Logging

extension Modem {
    /// What the SIM is waiting for, from `AT+CPIN?`.
    ///
    /// Related specification: 3GPP TS 27.007 §8.3
    public func simState() async throws -> CPIN.State {
        try await self.query(CPIN.read, parse: CPIN.parseReadResponse)
    }

    /// Enters the SIM PIN with `AT+CPIN="<pin>"`.
    public func enterPIN(_ pin: String) async throws {
        try await self.execute(CPIN.enter(pin: pin))
    }

    /// Unblocks the SIM with its PUK and sets a new PIN.
    public func enterPUK(_ puk: String, newPIN: String) async throws {
        try await self.execute(CPIN.enter(puk: puk, newPIN: newPIN))
    }

    /// The fewest PIN attempts the SIM must have left before the engine enters a PIN: with one left, a wrong
    /// PIN would block the SIM.
    public static var minimumPINAttemptsToTry: Int { 2 }

    /// The SIM PIN attempts left before the SIM wants its PUK, from the profile's ModemQuirks/pinRetries,
    /// else `AT+CPINR` (3GPP TS 27.007 §8.65); nil when the modem does not say.
    public func pinAttemptsLeft() async throws -> Int? {
        var queries = [self.quirks.pinRetries]
        if self.quirks.pinRetries != .standard {
            queries.append(.standard)
        }
        for query in queries {
            if let lines = try await self.optionalQuery(query.command, parse: { $0 }),
                let attempts = query.attemptsLeft(in: lines)
            {
                return attempts
            }
        }
        return nil
    }

    /// The SIM's ICCID, with the profile's ModemQuirks/iccidCommand; nil when the modem does not say (some
    /// will not before the PIN is entered).
    public func simCardIdentifier() async throws -> String? {
        try await self.optionalQuery(self.quirks.iccidCommand) { lines in
            for line in lines {
                var text = Substring(line.text)
                if line.responseName != nil, let colon = text.firstIndex(of: ":") {
                    text = text[text.index(after: colon)...]
                }
                let digits = text.filter { !$0.isWhitespace && $0 != "\"" }
                if (10...24).contains(digits.count), digits.allSatisfy(\.isHexDigit) {
                    return digits.uppercased()
                }
            }
            return nil
        }.flatMap { $0 }
    }

    /// Makes the SIM ready: enters `pin` if the SIM asks for its PIN, at most once per PIN and SIM.
    ///
    /// The PIN is entered only when all of these hold, so a wrong PIN in the configuration can never block
    /// the SIM, however often the caller tries:
    /// - `memory` (when given) does not remember this SIM (by its ICCID) refusing this PIN, unless the SIM
    ///   now reports more attempts left than it had after refusing (it was unblocked or replaced);
    /// - the modem does not report fewer than ``minimumPINAttemptsToTry`` attempts left.
    ///
    /// A refusal is remembered in `memory`; an accepted PIN forgets the SIM's refusals.
    ///
    /// - Throws: ModemError with code ModemError/Code/simPINRefused when the SIM refused the PIN, now or
    ///   before, or too few attempts are left; ModemError/Code/simNotReady when the SIM still is not ready
    ///   (no SIM, a PUK needed, or a PIN needed and none given).
    @discardableResult
    public func unlockSIM(pin: String?, memory: (any SIMPINMemory)? = nil) async throws -> CPIN.State {
        var state = try await self.simState()
        if state == .simPIN, let pin {
            try await self.enterPINOnce(pin, memory: memory)
            do {
                state = try await self.simState()
            } catch let error as ModemError where error.code == .unexpectedResponse {
                // The "+CPIN: READY" report that follows the PIN can land inside this read's response.
                state = try await self.simState()
            }
        }
        guard state.isReady else {
            throw ModemError(
                code: .simNotReady,
                message: "the SIM is not ready: \(state.rawValue)"
                    + (state == .simPIN && pin == nil ? " and no PIN is configured" : ""),
                command: CPIN.read
            )
        }
        return state
    }

    private func enterPINOnce(_ pin: String, memory: (any SIMPINMemory)?) async throws {
        let advice = "not retrying; fix [modem] sim_pin and run careconnect doctor"
        let sim = try await self.simCardIdentifier() ?? SIMPINRefusal.unidentifiedSIM
        let attempts = try await self.pinAttemptsLeft()
        if let refusal = try memory?.refusal(sim: sim, pin: pin), refusal.holds(attemptsNow: attempts) {
            throw ModemError(
                code: .simPINRefused,
                message: "SIM PIN refused (\(refusal.answer)) by SIM \(sim)"
                    + (attempts.map { ", \($0) attempts left" } ?? "") + "; \(advice)",
                command: CPIN.read
            )
        }
        if let attempts, attempts < Self.minimumPINAttemptsToTry {
            throw ModemError(
                code: .simPINRefused,
                message: "SIM PIN not entered: only \(attempts) attempt\(attempts == 1 ? "" : "s") left before the "
                    + "SIM needs its PUK; \(advice)",
                command: CPIN.read
            )
        }
        do {
            try await self.enterPIN(pin)
        } catch let error as ModemError where error.code == .commandFailed && error.cmeError != .simBusy {
            let answer = error.finalResult.map(ModemError.describe) ?? "\(error)"
            let left = try? await self.pinAttemptsLeft()
            try memory?.rememberRefusal(SIMPINRefusal(attemptsLeft: left, answer: answer), sim: sim, pin: pin)
            self.logger.error("SIM PIN refused", metadata: ["sim": "\(sim)", "answer": "\(answer)"])
            throw ModemError(
                code: .simPINRefused,
                message: "SIM PIN refused (\(answer))" + (left.map { ", \($0) attempts left" } ?? "")
                    + "; \(advice)",
                command: error.command,
                finalResult: error.finalResult,
                cause: error
            )
        }
        try memory?.forgetRefusals(sim: sim)
    }
}
