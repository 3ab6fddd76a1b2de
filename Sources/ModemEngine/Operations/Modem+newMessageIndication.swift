// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

extension Modem {
    /// The current `AT+CNMI` settings.
    ///
    /// Related specification: 3GPP TS 27.005 §3.4.1
    public func newMessageIndication() async throws -> CNMI.Settings {
        try await self.query(CNMI.read, parse: CNMI.parseReadResponse)
    }

    /// The `AT+CNMI` values the modem supports, from `AT+CNMI=?`.
    public func supportedNewMessageIndications() async throws -> CNMI.SupportedValues {
        try await self.query(CNMI.test, parse: CNMI.parseTestResponse)
    }

    /// Sets how new messages and status reports are indicated.
    public func setNewMessageIndication(_ settings: CNMI.Settings) async throws {
        try await self.execute(CNMI.set(settings))
    }

    /// Sets the first of the profile's ModemQuirks/newMessageIndications that the modem supports
    /// (according to `AT+CNMI=?` when it answers), trying the next one if the modem refuses.
    @discardableResult
    public func configureNewMessageIndication() async throws -> CNMI.Settings {
        var candidates = self.quirks.newMessageIndications
        if let supported = try await self.optionalQuery(CNMI.test, parse: CNMI.parseTestResponse) {
            let usable = candidates.filter(supported.supports)
            if !usable.isEmpty { candidates = usable }
        }
        var lastError: (any Error)?
        for settings in candidates {
            do {
                try await self.setNewMessageIndication(settings)
                return settings
            } catch let error as ModemError where error.code == .commandFailed {
                lastError = error
            }
        }
        throw lastError ?? ModemError(code: .commandFailed, message: "the profile lists no AT+CNMI settings")
    }
}
