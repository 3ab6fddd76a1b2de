// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol
import Logging

extension Modem {
    /// What initialise(pin:) found and set.
    public struct InitialisationReport: Sendable {
        /// The modem's identity.
        public var identity: ModemIdentity
        /// The quirk profile in use afterwards.
        public var quirks: ModemQuirks
        /// The message storage selected for reading, writing and receiving.
        public var storage: String
        /// Its usage.
        public var storageUsage: [CPMS.Usage]
        /// The `AT+CNMI` settings in force.
        public var newMessageIndication: CNMI.Settings
    }

    /// Brings the modem into the state the engine expects, in this order:
    ///
    /// 1. waits, if the modem has just started (`RDY`) and has not yet said `SMS DONE`/`SMS Ready`, up to
    ///    the profile's ModemQuirks/startupSettleDelay after the start;
    /// 2. `AT`, `ATE0` (echo off), `AT+CMEE=1` (numeric `+CME`/`+CMS` errors);
    /// 3. identifies the modem and, unless ModemConfiguration/profileName named one, chooses the quirk
    ///    profile from the identity and the vendor reports seen;
    /// 4. the profile's ModemQuirks/initialisationCommands (failures are logged);
    /// 5. the SIM: enters `pin` if asked for, never a PIN the SIM refused before or with fewer than two
    ///    attempts left (see unlockSIM(pin:memory:)), and fails with ModemError/Code/simNotReady or
    ///    ModemError/Code/simPINRefused otherwise; then `AT+CIMI`;
    /// 6. `AT+CMGF=0` (PDU mode), `AT+CPMS` with the preferred storage, `AT+CNMI` with the preferred
    ///    indication settings the modem supports.
    ///
    /// Call it again after ModemEvent/recovered(_:) with a reset step.
    @discardableResult
    public func initialise(
        pin: String? = nil,
        pinMemory: (any SIMPINMemory)? = nil
    ) async throws
        -> InitialisationReport
    {
        if let deadline = self.startupSettleDeadline, deadline > self.clock.now {
            self.logger.info("waiting for the modem to finish starting")
            try await self.clock.sleep(until: deadline, tolerance: nil)
        }
        try await self.waitUntilAnswering()
        try await self.execute(V250.echo(false))
        try await self.execute(CMEE.set(.numeric))

        var identity = try await self.identifyHardware()
        if self.configuration.profileName.flatMap(ModemQuirks.named) == nil {
            self.use(ModemQuirks.select(identity: identity, indicationNames: self.seenIndicationNames))
        }
        for command in self.quirks.initialisationCommands {
            do {
                try await self.execute(command)
            } catch let error as ModemError where error.code == .commandFailed {
                self.logger.warning("profile command refused", metadata: ["error": "\(error)"])
            }
        }

        try await self.unlockSIM(pin: pin, memory: pinMemory)
        identity.imsi = try await self.optionalQuery(CIMI.execute, parse: CIMI.parseExecResponse)

        try await self.execute(CMGF.set(.pdu))
        let (storage, usage) = try await self.selectPreferredStorage()
        let indication = try await self.configureNewMessageIndication()
        return InitialisationReport(
            identity: identity,
            quirks: self.quirks,
            storage: storage,
            storageUsage: usage,
            newMessageIndication: indication
        )
    }
}
