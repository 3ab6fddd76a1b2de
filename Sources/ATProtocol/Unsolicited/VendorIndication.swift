// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A manufacturer's unsolicited status report, kept as name and text.
///
/// Examples: Huawei `^RSSI: 17`, `^MODE: 5,4`, `^SRVST: 2`, `^BOOT:20325389,0,0,0,72`; Quectel
/// `+QIND: SMS DONE` and `+QUSIM: 1`; SIMCom `+STIN: 25`, `+CUSATP: …`, `+PACSP0`. The engine usually
/// only logs these; a quirk profile can parse ``parameters`` further.
public struct VendorIndication: Hashable, Sendable {
    /// The name with its prefix character, upper-cased: `^RSSI`, `+QIND`, `+PACSP0`.
    public var name: String
    /// The text after the colon, with leading spaces removed (empty if none).
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The ``value`` split into parameters.
    public var parameters: ATParameters {
        ATParameters(parsing: self.value[...])
    }
}
