// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Who made the modem and what it is, from `AT+CGMI`, `AT+CGMM`, `AT+CGMR`, `AT+CGSN` and `AT+CIMI`.
public struct ModemIdentity: Hashable, Sendable {
    /// The manufacturer (`+CGMI`), for example `Quectel` or `SIMCOM_Ltd`.
    public var manufacturer: String
    /// The model (`+CGMM`), for example `EC25` or `SIMCOM_SIM800L`.
    public var model: String
    /// The firmware revision (`+CGMR`).
    public var revision: String?
    /// The IMEI (`+CGSN`).
    public var imei: String?
    /// The SIM's IMSI (`+CIMI`); `nil` when no SIM is ready.
    public var imsi: String?

    public init(manufacturer: String, model: String, revision: String? = nil, imei: String? = nil, imsi: String? = nil)
    {
        self.manufacturer = manufacturer
        self.model = model
        self.revision = revision
        self.imei = imei
        self.imsi = imsi
    }
}
