// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension CMSError {
    /// Whether the failure is temporary, so that sending the same message again later may succeed.
    ///
    /// The rule, by code range:
    /// - **Network causes (0…127).** 3GPP TS 24.011 Annex E takes its cause values from the call-control
    ///   classes of TS 24.008 Annex H (ITU-T Q.850). The *resource unavailable* class, values 32…47, is
    ///   temporary: 38 network out of order, 41 temporary failure, 42 congestion, 47 resources unavailable.
    ///   CP-cause 17, network failure, is treated the same way. Every other cause describes the destination,
    ///   the subscription or the message itself (1 unassigned number, 8 operator barring, 21 transfer rejected,
    ///   95…111 invalid message) and is permanent.
    /// - **Transfer protocol failures (128…255).** Only the service centre's own transient states are
    ///   temporary: 0xC0 SC busy and 0xC2 SC system failure. The rest reject the TPDU's content
    ///   (TP-PID, TP-DCS, TP-VP, destination address) and would fail again.
    /// - **Modem errors (300…511).** Temporary are the states that clear by themselves: 301 SMS service of ME
    ///   reserved, 314 (U)SIM busy, 331 no network service and 332 network timeout, plus 500 unknown error,
    ///   which Quectel and SIMCom modems report for transient radio failures during `+CMGS`. Configuration and
    ///   PDU problems (302–305, 330 SMSC unknown), SIM faults needing a person (310–318) and storage errors
    ///   (320–322, which concern storing messages, not sending them) are permanent.
    /// - **Manufacturer-specific codes (512 and up)** are not retryable here; a quirk profile for a
    ///   known modem can decide otherwise.
    ///
    /// A caller retrying on this basis should still bound the number of attempts and back off, because
    /// a 500 or a congestion cause can persist.
    public var isRetryable: Bool {
        Self.retryableCodes.contains(self.rawValue)
    }

    private static let retryableCodes: Set<Int> = [
        CMSError.networkFailure.rawValue,
        CMSError.networkOutOfOrder.rawValue,
        CMSError.temporaryFailure.rawValue,
        CMSError.congestion.rawValue,
        CMSError.resourcesUnavailable.rawValue,
        CMSError.serviceCentreBusy.rawValue,
        CMSError.serviceCentreSystemFailure.rawValue,
        CMSError.smsServiceOfMEReserved.rawValue,
        CMSError.simBusy.rawValue,
        CMSError.noNetworkService.rawValue,
        CMSError.networkTimeout.rawValue,
        CMSError.unknown.rawValue,
    ]
}
