// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A message service error, reported as `+CMS ERROR: <err>`.
///
/// The code space is shared by three sources:
/// - 0…127: network causes (RP-cause, and CP-cause where a modem forwards one), 3GPP TS 24.011 Annex E;
/// - 128…255: transfer protocol failure causes (TP-FCS) from the service centre, 3GPP TS 23.040 §9.2.3.22;
/// - 300…511: errors of the modem itself, 3GPP TS 27.005 §3.2.5; 512 and up are manufacturer specific.
///
/// With `AT+CMEE=2` modems send text (`+CMS ERROR: SIM not inserted`); ``init(verboseText:)`` maps it
/// back to the code. Whether sending again can help is answered by ``isRetryable``.
///
/// Related specification: 3GPP TS 27.005 §3.2.5
public struct CMSError: RawRepresentable, Hashable, Sendable, Error {
    /// The numeric `<err>` value.
    public var rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Maps the verbose text of `AT+CMEE=2` back to the code.
    ///
    /// Matching ignores case, punctuation, spacing and the `(U)` of "(U)SIM". Where two codes share a text
    /// ("memory capacity exceeded" is both RP-cause 22 and TP-FCS 0xD3) the lower code is returned.
    /// Returns `nil` for text that names no listed code.
    public init?(verboseText: String) {
        guard let code = Self.codesByName[ErrorText.normalised(verboseText)] else { return nil }
        self.rawValue = code
    }

    /// The specification's text for this code, or `nil` for a code it does not list.
    public var name: String? {
        Self.specificationNames[self.rawValue]
    }

    /// Whether the code is a network cause from 3GPP TS 24.011 (0…127).
    public var isNetworkCause: Bool { (0...127).contains(self.rawValue) }

    /// Whether the code is a transfer protocol failure cause from 3GPP TS 23.040 (128…255).
    public var isTransferProtocolFailure: Bool { (128...255).contains(self.rawValue) }

    /// Whether the code is in the manufacturer-specific range (512 and up).
    public var isManufacturerSpecific: Bool { self.rawValue >= 512 }

    private static let codesByName = ErrorText.reverse(specificationNames, aliases: ["unknown": 500])

    // MARK: Network causes (RP-cause and CP-cause), 3GPP TS 24.011 Annex E

    /// `1`: unassigned (unallocated) number.
    public static let unassignedNumber = Self(rawValue: 1)
    /// `8`: operator determined barring.
    public static let operatorDeterminedBarring = Self(rawValue: 8)
    /// `10`: call barred.
    public static let callBarred = Self(rawValue: 10)
    /// `17`: network failure.
    public static let networkFailure = Self(rawValue: 17)
    /// `21`: short message transfer rejected.
    public static let shortMessageTransferRejected = Self(rawValue: 21)
    /// `22`: memory capacity exceeded.
    public static let memoryCapacityExceeded = Self(rawValue: 22)
    /// `27`: destination out of service.
    public static let destinationOutOfService = Self(rawValue: 27)
    /// `28`: unidentified subscriber.
    public static let unidentifiedSubscriber = Self(rawValue: 28)
    /// `29`: facility rejected.
    public static let facilityRejected = Self(rawValue: 29)
    /// `30`: unknown subscriber.
    public static let unknownSubscriber = Self(rawValue: 30)
    /// `38`: network out of order.
    public static let networkOutOfOrder = Self(rawValue: 38)
    /// `41`: temporary failure.
    public static let temporaryFailure = Self(rawValue: 41)
    /// `42`: congestion.
    public static let congestion = Self(rawValue: 42)
    /// `47`: resources unavailable, unspecified.
    public static let resourcesUnavailable = Self(rawValue: 47)
    /// `50`: requested facility not subscribed.
    public static let requestedFacilityNotSubscribed = Self(rawValue: 50)
    /// `69`: requested facility not implemented.
    public static let requestedFacilityNotImplemented = Self(rawValue: 69)
    /// `81`: invalid short message transfer reference value.
    public static let invalidShortMessageTransferReference = Self(rawValue: 81)
    /// `95`: invalid message, unspecified.
    public static let invalidMessage = Self(rawValue: 95)
    /// `96`: invalid mandatory information.
    public static let invalidMandatoryInformation = Self(rawValue: 96)
    /// `97`: message type non-existent or not implemented.
    public static let messageTypeNonExistent = Self(rawValue: 97)
    /// `98`: message not compatible with short message protocol state.
    public static let messageNotCompatibleWithProtocolState = Self(rawValue: 98)
    /// `99`: information element non-existent or not implemented.
    public static let informationElementNonExistent = Self(rawValue: 99)
    /// `111`: protocol error, unspecified.
    public static let protocolErrorUnspecified = Self(rawValue: 111)
    /// `127`: interworking, unspecified.
    public static let interworkingUnspecified = Self(rawValue: 127)

    // MARK: Transfer protocol failure causes (TP-FCS), 3GPP TS 23.040 §9.2.3.22

    /// `128` (0x80): telematic interworking not supported.
    public static let telematicInterworkingNotSupported = Self(rawValue: 128)
    /// `129` (0x81): short message Type 0 not supported.
    public static let shortMessageType0NotSupported = Self(rawValue: 129)
    /// `130` (0x82): cannot replace short message.
    public static let cannotReplaceShortMessage = Self(rawValue: 130)
    /// `143` (0x8F): unspecified TP-PID error.
    public static let tpPIDUnspecified = Self(rawValue: 143)
    /// `144` (0x90): data coding scheme (alphabet) not supported.
    public static let dataCodingSchemeNotSupported = Self(rawValue: 144)
    /// `145` (0x91): message class not supported.
    public static let messageClassNotSupported = Self(rawValue: 145)
    /// `159` (0x9F): unspecified TP-DCS error.
    public static let tpDCSUnspecified = Self(rawValue: 159)
    /// `160` (0xA0): command cannot be actioned.
    public static let commandCannotBeActioned = Self(rawValue: 160)
    /// `161` (0xA1): command unsupported.
    public static let commandUnsupported = Self(rawValue: 161)
    /// `175` (0xAF): unspecified TP-Command error.
    public static let tpCommandUnspecified = Self(rawValue: 175)
    /// `176` (0xB0): TPDU not supported.
    public static let tpduNotSupported = Self(rawValue: 176)
    /// `192` (0xC0): SC busy.
    public static let serviceCentreBusy = Self(rawValue: 192)
    /// `193` (0xC1): no SC subscription.
    public static let noServiceCentreSubscription = Self(rawValue: 193)
    /// `194` (0xC2): SC system failure.
    public static let serviceCentreSystemFailure = Self(rawValue: 194)
    /// `195` (0xC3): invalid SME address.
    public static let invalidSMEAddress = Self(rawValue: 195)
    /// `196` (0xC4): destination SME barred.
    public static let destinationSMEBarred = Self(rawValue: 196)
    /// `197` (0xC5): SM rejected - duplicate SM.
    public static let duplicateShortMessageRejected = Self(rawValue: 197)
    /// `198` (0xC6): TP-VPF not supported.
    public static let validityPeriodFormatNotSupported = Self(rawValue: 198)
    /// `199` (0xC7): TP-VP not supported.
    public static let validityPeriodNotSupported = Self(rawValue: 199)
    /// `208` (0xD0): (U)SIM SMS storage full.
    public static let simSMSStorageFull = Self(rawValue: 208)
    /// `209` (0xD1): no SMS storage capability in (U)SIM.
    public static let noSMSStorageCapabilityInSIM = Self(rawValue: 209)
    /// `210` (0xD2): error in MS.
    public static let errorInMS = Self(rawValue: 210)
    /// `211` (0xD3): memory capacity exceeded.
    public static let tpMemoryCapacityExceeded = Self(rawValue: 211)
    /// `212` (0xD4): (U)SIM Application Toolkit busy.
    public static let simApplicationToolkitBusy = Self(rawValue: 212)
    /// `213` (0xD5): (U)SIM data download error.
    public static let simDataDownloadFailed = Self(rawValue: 213)
    /// `255` (0xFF): unspecified error cause.
    public static let unspecifiedErrorCause = Self(rawValue: 255)

    // MARK: Mobile equipment and network errors, 3GPP TS 27.005 §3.2.5

    /// `300`: ME failure.
    public static let meFailure = Self(rawValue: 300)
    /// `301`: SMS service of ME reserved.
    public static let smsServiceOfMEReserved = Self(rawValue: 301)
    /// `302`: operation not allowed.
    public static let operationNotAllowed = Self(rawValue: 302)
    /// `303`: operation not supported.
    public static let operationNotSupported = Self(rawValue: 303)
    /// `304`: invalid PDU mode parameter.
    public static let invalidPDUModeParameter = Self(rawValue: 304)
    /// `305`: invalid text mode parameter.
    public static let invalidTextModeParameter = Self(rawValue: 305)
    /// `310`: (U)SIM not inserted.
    public static let simNotInserted = Self(rawValue: 310)
    /// `311`: (U)SIM PIN required.
    public static let simPINRequired = Self(rawValue: 311)
    /// `312`: PH-(U)SIM PIN required.
    public static let phSIMPINRequired = Self(rawValue: 312)
    /// `313`: (U)SIM failure.
    public static let simFailure = Self(rawValue: 313)
    /// `314`: (U)SIM busy.
    public static let simBusy = Self(rawValue: 314)
    /// `315`: (U)SIM wrong.
    public static let simWrong = Self(rawValue: 315)
    /// `316`: (U)SIM PUK required.
    public static let simPUKRequired = Self(rawValue: 316)
    /// `317`: (U)SIM PIN2 required.
    public static let simPIN2Required = Self(rawValue: 317)
    /// `318`: (U)SIM PUK2 required.
    public static let simPUK2Required = Self(rawValue: 318)
    /// `320`: memory failure.
    public static let memoryFailure = Self(rawValue: 320)
    /// `321`: invalid memory index.
    public static let invalidMemoryIndex = Self(rawValue: 321)
    /// `322`: memory full.
    public static let memoryFull = Self(rawValue: 322)
    /// `330`: SMSC address unknown.
    public static let smscAddressUnknown = Self(rawValue: 330)
    /// `331`: no network service.
    public static let noNetworkService = Self(rawValue: 331)
    /// `332`: network timeout.
    public static let networkTimeout = Self(rawValue: 332)
    /// `340`: no +CNMA acknowledgement expected.
    public static let noCNMAAcknowledgementExpected = Self(rawValue: 340)
    /// `500`: unknown error.
    public static let unknown = Self(rawValue: 500)

    static let specificationNames: [Int: String] = [
        1: "unassigned (unallocated) number",
        8: "operator determined barring",
        10: "call barred",
        17: "network failure",
        21: "short message transfer rejected",
        22: "memory capacity exceeded",
        27: "destination out of service",
        28: "unidentified subscriber",
        29: "facility rejected",
        30: "unknown subscriber",
        38: "network out of order",
        41: "temporary failure",
        42: "congestion",
        47: "resources unavailable, unspecified",
        50: "requested facility not subscribed",
        69: "requested facility not implemented",
        81: "invalid short message transfer reference value",
        95: "invalid message, unspecified",
        96: "invalid mandatory information",
        97: "message type non-existent or not implemented",
        98: "message not compatible with short message protocol state",
        99: "information element non-existent or not implemented",
        111: "protocol error, unspecified",
        127: "interworking, unspecified",
        128: "telematic interworking not supported",
        129: "short message Type 0 not supported",
        130: "cannot replace short message",
        143: "unspecified TP-PID error",
        144: "data coding scheme (alphabet) not supported",
        145: "message class not supported",
        159: "unspecified TP-DCS error",
        160: "command cannot be actioned",
        161: "command unsupported",
        175: "unspecified TP-Command error",
        176: "TPDU not supported",
        192: "SC busy",
        193: "no SC subscription",
        194: "SC system failure",
        195: "invalid SME address",
        196: "destination SME barred",
        197: "SM rejected - duplicate SM",
        198: "TP-VPF not supported",
        199: "TP-VP not supported",
        208: "(U)SIM SMS storage full",
        209: "no SMS storage capability in (U)SIM",
        210: "error in MS",
        211: "memory capacity exceeded",
        212: "(U)SIM Application Toolkit busy",
        213: "(U)SIM data download error",
        255: "unspecified error cause",
        300: "ME failure",
        301: "SMS service of ME reserved",
        302: "operation not allowed",
        303: "operation not supported",
        304: "invalid PDU mode parameter",
        305: "invalid text mode parameter",
        310: "(U)SIM not inserted",
        311: "(U)SIM PIN required",
        312: "PH-(U)SIM PIN required",
        313: "(U)SIM failure",
        314: "(U)SIM busy",
        315: "(U)SIM wrong",
        316: "(U)SIM PUK required",
        317: "(U)SIM PIN2 required",
        318: "(U)SIM PUK2 required",
        320: "memory failure",
        321: "invalid memory index",
        322: "memory full",
        330: "SMSC address unknown",
        331: "no network service",
        332: "network timeout",
        340: "no +CNMA acknowledgement expected",
        500: "unknown error",
    ]

}

extension CMSError: CustomStringConvertible {
    /// For example `+CMS ERROR: 322 (memory full)`.
    public var description: String {
        "+CMS ERROR: \(self.rawValue)" + (self.name.map { " (\($0))" } ?? "")
    }
}
