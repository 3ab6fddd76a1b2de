// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

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

    /// Makes the SIM ready: enters `pin` if the SIM asks for its PIN.
    ///
    /// - Throws: ModemError with code ModemError/Code/simNotReady when the SIM still is not ready
    ///   (no SIM, a PUK needed, or a PIN needed and none given).
    @discardableResult
    public func unlockSIM(pin: String?) async throws -> CPIN.State {
        var state = try await self.simState()
        if state == .simPIN, let pin {
            try await self.enterPIN(pin)
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
}
