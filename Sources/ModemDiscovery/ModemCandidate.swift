// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A serial port that may be a modem's AT port, as udev describes it.
public struct ModemCandidate: Hashable, Sendable {
    /// The device node, for example `/dev/ttyUSB2`.
    public var devnode: String
    /// USB vendor id (lower-case hex), if the port is on USB.
    public var vendorID: String?
    /// USB product id (lower-case hex).
    public var productID: String?
    /// The USB interface number of this port (`bInterfaceNumber`), if on USB.
    public var interfaceNumber: Int?
    /// The profile named by the udev rule (`ENV{CARECONNECT_MODEM_PROFILE}`), if any.
    public var profile: String?
    /// Whether the udev rule marked this port as the AT port (`ENV{CARECONNECT_MODEM}=="1"`).
    public var markedByRule: Bool

    public init(
        devnode: String,
        vendorID: String? = nil,
        productID: String? = nil,
        interfaceNumber: Int? = nil,
        profile: String? = nil,
        markedByRule: Bool = false
    ) {
        self.devnode = devnode
        self.vendorID = vendorID
        self.productID = productID
        self.interfaceNumber = interfaceNumber
        self.profile = profile
        self.markedByRule = markedByRule
    }
}

/// The USB modems the device knows, and which interface carries AT commands on each.
///
/// The same table backs the udev rules in `udev-rules/`; see `firmware-notes/README.md`.
public struct KnownModem: Hashable, Sendable {
    public var vendorID: String
    public var productID: String
    public var atInterface: Int
    public var profile: String
    public var name: String

    public static let all: [KnownModem] = [
        KnownModem(
            vendorID: "2c7c",
            productID: "0125",
            atInterface: 2,
            profile: "quectel",
            name: "Quectel EC25/EG25-G"
        ),
        KnownModem(vendorID: "2c7c", productID: "0121", atInterface: 2, profile: "quectel", name: "Quectel EC21"),
        KnownModem(vendorID: "1e0e", productID: "9001", atInterface: 2, profile: "simcom", name: "SIMCom SIM7600"),
        KnownModem(
            vendorID: "12d1",
            productID: "1506",
            atInterface: 0,
            profile: "huawei",
            name: "Huawei E3372 (stick mode)"
        ),
        // u-blox LARA-R6 01B and LARA-L6 in each USB mode: interface 0 is diagnostics, 1 the first AT port.
        KnownModem(vendorID: "1546", productID: "1311", atInterface: 1, profile: "ublox", name: "u-blox LARA-R6 01B"),
        KnownModem(
            vendorID: "1546",
            productID: "1312",
            atInterface: 1,
            profile: "ublox",
            name: "u-blox LARA-R6 01B (RmNet)"
        ),
        KnownModem(
            vendorID: "1546",
            productID: "1313",
            atInterface: 1,
            profile: "ublox",
            name: "u-blox LARA-R6 01B (CDC-ECM)"
        ),
        KnownModem(vendorID: "1546", productID: "1341", atInterface: 1, profile: "ublox", name: "u-blox LARA-L6"),
        KnownModem(
            vendorID: "1546",
            productID: "1342",
            atInterface: 1,
            profile: "ublox",
            name: "u-blox LARA-L6 (RmNet)"
        ),
        KnownModem(
            vendorID: "1546",
            productID: "1343",
            atInterface: 1,
            profile: "ublox",
            name: "u-blox LARA-L6 (CDC-ECM)"
        ),
    ]

    /// The known modem a candidate belongs to, when its interface is the AT one.
    public static func matching(_ candidate: ModemCandidate) -> KnownModem? {
        all.first {
            $0.vendorID == candidate.vendorID && $0.productID == candidate.productID
                && $0.atInterface == candidate.interfaceNumber
        }
    }
}
