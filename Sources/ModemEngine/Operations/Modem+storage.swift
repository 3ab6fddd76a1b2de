// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol

extension Modem {
    /// How full each selected storage is, from `AT+CPMS?`.
    ///
    /// Related specification: 3GPP TS 27.005 §3.2.2
    public func storageUsage() async throws -> [CPMS.Usage] {
        try await self.query(CPMS.read, parse: CPMS.parseReadResponse)
    }

    /// The storages the modem supports for reading, writing and receiving, from `AT+CPMS=?`.
    public func supportedStorages() async throws -> [[String]] {
        try await self.query(CPMS.test, parse: CPMS.parseTestResponse)
    }

    /// Selects the storages for reading and deleting, writing and sending, and receiving.
    ///
    /// - Returns: The usage of each, as `AT+CPMS=` reports it (without storage names).
    @discardableResult
    public func selectStorage(read: String, write: String? = nil, receive: String? = nil) async throws -> [CPMS.Usage] {
        let usage = try await self.query(
            CPMS.set(read: read, write: write, receive: receive),
            parse: CPMS.parseSetResponse
        )
        self.selectedStorage = read
        return usage
    }

    /// Selects the first of the profile's ModemQuirks/preferredStorages that the modem supports in
    /// every role, for all three roles.
    @discardableResult
    public func selectPreferredStorage() async throws -> (storage: String, usage: [CPMS.Usage]) {
        let preferences = self.quirks.preferredStorages.isEmpty ? ["SM"] : self.quirks.preferredStorages
        let supported = try await self.optionalQuery(CPMS.test, parse: CPMS.parseTestResponse)
        let storage =
            preferences.first { storage in
                supported.map { roles in roles.allSatisfy { $0.contains(storage) } } ?? true
            } ?? preferences[0]
        let usage = try await self.selectStorage(read: storage, write: storage, receive: storage)
        return (storage, usage)
    }
}
