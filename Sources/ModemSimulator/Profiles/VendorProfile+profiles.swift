// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension VendorProfile {
    /// Every built-in profile.
    public static let all: [VendorProfile] = [
        .generic, .quectelEC25, .simcomSIM800, .simcomSIM7600, .huaweiE3372, .ubloxSARA,
    ]

    /// A plain 3GPP modem with no boot messages and no vendor commands.
    public static let generic = VendorProfile(
        name: "generic",
        manufacturer: "Care Connect",
        model: "Simulated GSM modem",
        revision: "1.0",
        fixedResponses: ["+CCID": ["+CCID: {iccid}"]]
    )

    /// Quectel EC25 (LTE Cat 4): boots with `RDY`, reports SIM and SMS readiness with `+QIND`.
    ///
    /// Related documentation: Quectel EC2x & EG9x AT Commands Manual (`+QURCCFG`, `+QINISTAT`, `+QCCID`).
    public static let quectelEC25 = VendorProfile(
        name: "quectel-ec25",
        manufacturer: "Quectel",
        model: "EC25",
        revision: "EC25EFAR06A06M4G",
        bootIndications: ["RDY"],
        simReadyIndications: ["+CFUN: 1", "+CPIN: READY", "+QUSIM: 1", "+QIND: SMS DONE", "+QIND: PB DONE"],
        fixedResponses: [
            "+QURCCFG=": [],
            "+QURCCFG?": ["+QURCCFG: \"urcport\",\"usbat\""],
            "+QINISTAT": ["+QINISTAT: 7"],
            "+QCCID": ["+QCCID: {iccid}"],
            "+QCFG=": [],
            "+QNWINFO": ["+QNWINFO: \"FDD LTE\",\"23430\",\"LTE BAND 3\",1617"],
            "+QSPN": ["+QSPN: \"EE\",\"EE\",\"\",0,\"23430\""],
        ],
        storages: ["SM", "ME"]
    )

    /// SIMCom SIM800 (2G): boots with `RDY`, then `Call Ready` and `SMS Ready`.
    ///
    /// Related documentation: SIM800 Series AT Command Manual (`+CCID`, `+CSPN`).
    public static let simcomSIM800 = VendorProfile(
        name: "simcom-sim800",
        manufacturer: "SIMCOM_Ltd",
        model: "SIMCOM_SIM800L",
        revision: "Revision:1418B05SIM800L24",
        identification: ["SIM800 R14.18"],
        bootIndications: ["RDY"],
        simReadyIndications: ["+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready"],
        fixedResponses: [
            "+CCID": ["{iccid}"],
            "+CSPN?": ["+CSPN: \"EE\",0"],
            "+CBAND?": ["+CBAND: \"ALL_BAND\""],
        ]
    )

    /// SIMCom SIM7600 (LTE Cat 1/4): `RDY`, then `SMS DONE` and `PB DONE`.
    ///
    /// Related documentation: SIM7500_SIM7600 Series AT Command Manual (`+CICCID`, `+CNSMOD`).
    public static let simcomSIM7600 = VendorProfile(
        name: "simcom-sim7600",
        manufacturer: "SIMCOM INCORPORATED",
        model: "SIMCOM_SIM7600E-H",
        revision: "LE20B04SIM7600M22",
        bootIndications: ["RDY"],
        simReadyIndications: ["+CPIN: READY", "SMS DONE", "PB DONE"],
        fixedResponses: [
            "+CICCID": ["+ICCID: {iccid}"],
            "+CNSMOD?": ["+CNSMOD: 0,8"],
            "+CPSI?": ["+CPSI: LTE,Online,234-30,0x1A2B,12345678,123,EUTRAN-BAND3,1617,5,5,-94,-850,-600,15"],
        ]
    )

    /// Huawei E3372 (LTE stick in modem mode): chatty `^RSSI`, `^MODE` and `^BOOT` indications until
    /// `AT^CURC=0`.
    ///
    /// Related documentation: Huawei MU609/ME909 AT Command Interface Specification (`^CURC`, `^SYSINFOEX`).
    public static let huaweiE3372 = VendorProfile(
        name: "huawei-e3372",
        manufacturer: "huawei",
        model: "E3372",
        revision: "22.328.62.00.143",
        identification: ["Manufacturer: huawei", "Model: E3372", "Revision: 22.328.62.00.143", "IMEI: {imei}"],
        bootIndications: ["^BOOT:20952817,0,0,0,72"],
        simReadyIndications: ["^SIMST:1", "^SRVST:2", "^MODE:5,4"],
        periodicIndications: ["^RSSI:{csq}", "^BOOT:20952817,0,0,0,72", "^MODE:5,4"],
        periodicInterval: .seconds(5),
        fixedResponses: [
            "^CURC?": ["^CURC: 1"],
            "^SYSINFOEX": ["^SYSINFOEX:2,3,0,1,,6,\"LTE\",101,\"LTE\""],
            "^HCSQ?": ["^HCSQ:\"LTE\",50,42,120,30"],
            "^ICCID?": ["^ICCID: {iccid}"],
        ]
    )

    /// u-blox SARA-U201 (3G): quiet at boot, `+CCID` for the ICCID.
    ///
    /// Related documentation: u-blox AT Commands Manual (`+CCID`, `+UPSV`).
    public static let ubloxSARA = VendorProfile(
        name: "ublox",
        manufacturer: "u-blox",
        model: "SARA-U201",
        revision: "23.60",
        identification: ["SARA-U201-63B-00"],
        fixedResponses: [
            "+CCID": ["+CCID: {iccid}"],
            "+UPSV=": [],
            "+UPSV?": ["+UPSV: 0"],
        ]
    )
}
