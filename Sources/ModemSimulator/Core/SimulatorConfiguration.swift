// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import SMSPDU

/// How a ``SimulatedModem`` is set up: which modem it imitates, its SIM and its network.
public struct SimulatorConfiguration: Hashable, Sendable {
    /// The modem being imitated: identity strings, boot messages and vendor commands.
    public var profile: VendorProfile
    /// How many messages the SIM (`"SM"`) holds.
    public var simCapacity: Int = 30
    /// How many messages the modem's own memory (`"ME"`) holds.
    public var phoneCapacity: Int = 100
    /// The SIM PIN; nil means the SIM is not locked.
    public var pin: String?
    /// How many wrong PINs the SIM takes before it wants its PUK (`AT+CPINR` reports what is left).
    public var pinAttempts: Int = 3
    /// Whether the network takes the SIM; false leaves the modem unregistered (`+CREG: 0,0`) with no signal.
    public var networkAvailable: Bool = true
    /// How long after power-on (or a reset) the modem starts answering.
    public var bootDelay: Duration = .milliseconds(200)
    /// How long after a message is sent with a status report request the report comes back.
    public var statusReportDelay: Duration = .seconds(2)
    /// What the status reports say became of sent messages.
    public var statusReportOutcome: TransferStatus = .receivedBySME
    /// How long the network waits before retrying a message the full SIM refused, once space frees.
    public var networkRetryDelay: Duration = .milliseconds(100)
    /// The service centre address (`AT+CSCA?`), also put before every PDU the modem prints.
    public var serviceCentre: String = "+447785016005"
    /// The operator name shown by `AT+COPS?`.
    public var operatorName: String = "EE"
    /// Signal strength as `AT+CSQ` reports it (0–31, 99 unknown).
    public var signalQuality: Int = 20
    /// The SIM's IMSI (`AT+CIMI`).
    public var imsi: String = "234301234567890"
    /// The SIM's ICCID (`AT+CCID` and vendor variants).
    public var iccid: String = "8944303212345678901"
    /// The modem's IMEI (`AT+CGSN`).
    public var imei: String = "867698041234563"
    /// Wall-clock time at simulator time zero, in seconds since 1970; used for service centre time stamps.
    public var wallClockAtStart: Int64 = 1_704_164_645
    /// The time zone of service centre time stamps, in quarter hours east of UTC.
    public var utcOffsetQuarterHours: Int = 0
    /// The seed of the random numbers used for garbage bytes, so runs can be repeated.
    public var randomSeed: UInt64 = 0x5EED

    public init(profile: VendorProfile = .generic) {
        self.profile = profile
    }
}
