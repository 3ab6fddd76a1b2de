// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A mobile termination error, reported as `+CME ERROR: <err>`.
///
/// The modem reports the code as a number with `AT+CMEE=1` and as text with `AT+CMEE=2`
/// (`+CME ERROR: SIM not inserted`). ``init(verboseText:)`` maps the text form back to the code.
/// Codes the specification does not list (vendors use many, often 500 and up) are still representable,
/// with a `nil` ``name``.
///
/// ```swift
/// if error == .simPINRequired { … }
/// ```
///
/// Related specification: 3GPP TS 27.007 §9.2
public struct CMEError: RawRepresentable, Hashable, Sendable, Error {
    /// The numeric `<err>` value.
    public var rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Maps the verbose text of `AT+CMEE=2` back to the code.
    ///
    /// Matching ignores case, punctuation and spacing, and accepts British spellings
    /// ("personalisation"). Returns `nil` for text that names no code of 27.007 §9.2.
    public init?(verboseText: String) {
        guard let code = Self.codesByName[ErrorText.normalised(verboseText)] else { return nil }
        self.rawValue = code
    }

    /// The specification's text for this code, or `nil` for a code it does not list.
    public var name: String? {
        Self.specificationNames[self.rawValue]
    }

    private static let codesByName = ErrorText.reverse(specificationNames, aliases: ["unknown error": 100])

    // MARK: General errors, 3GPP TS 27.007 §9.2.1

    /// `0`: phone failure.
    public static let phoneFailure = Self(rawValue: 0)
    /// `1`: no connection to phone.
    public static let noConnectionToPhone = Self(rawValue: 1)
    /// `2`: phone-adaptor link reserved.
    public static let phoneAdaptorLinkReserved = Self(rawValue: 2)
    /// `3`: operation not allowed.
    public static let operationNotAllowed = Self(rawValue: 3)
    /// `4`: operation not supported.
    public static let operationNotSupported = Self(rawValue: 4)
    /// `5`: PH-SIM PIN required.
    public static let phSIMPINRequired = Self(rawValue: 5)
    /// `6`: PH-FSIM PIN required.
    public static let phFSIMPINRequired = Self(rawValue: 6)
    /// `7`: PH-FSIM PUK required.
    public static let phFSIMPUKRequired = Self(rawValue: 7)
    /// `10`: SIM not inserted.
    public static let simNotInserted = Self(rawValue: 10)
    /// `11`: SIM PIN required.
    public static let simPINRequired = Self(rawValue: 11)
    /// `12`: SIM PUK required.
    public static let simPUKRequired = Self(rawValue: 12)
    /// `13`: SIM failure.
    public static let simFailure = Self(rawValue: 13)
    /// `14`: SIM busy.
    public static let simBusy = Self(rawValue: 14)
    /// `15`: SIM wrong.
    public static let simWrong = Self(rawValue: 15)
    /// `16`: incorrect password.
    public static let incorrectPassword = Self(rawValue: 16)
    /// `17`: SIM PIN2 required.
    public static let simPIN2Required = Self(rawValue: 17)
    /// `18`: SIM PUK2 required.
    public static let simPUK2Required = Self(rawValue: 18)
    /// `20`: memory full.
    public static let memoryFull = Self(rawValue: 20)
    /// `21`: invalid index.
    public static let invalidIndex = Self(rawValue: 21)
    /// `22`: not found.
    public static let notFound = Self(rawValue: 22)
    /// `23`: memory failure.
    public static let memoryFailure = Self(rawValue: 23)
    /// `24`: text string too long.
    public static let textStringTooLong = Self(rawValue: 24)
    /// `25`: invalid characters in text string.
    public static let invalidCharactersInTextString = Self(rawValue: 25)
    /// `26`: dial string too long.
    public static let dialStringTooLong = Self(rawValue: 26)
    /// `27`: invalid characters in dial string.
    public static let invalidCharactersInDialString = Self(rawValue: 27)
    /// `30`: no network service.
    public static let noNetworkService = Self(rawValue: 30)
    /// `31`: network timeout.
    public static let networkTimeout = Self(rawValue: 31)
    /// `32`: network not allowed - emergency calls only.
    public static let networkNotAllowedEmergencyCallsOnly = Self(rawValue: 32)
    /// `40`: network personalization PIN required.
    public static let networkPersonalizationPINRequired = Self(rawValue: 40)
    /// `41`: network personalization PUK required.
    public static let networkPersonalizationPUKRequired = Self(rawValue: 41)
    /// `42`: network subset personalization PIN required.
    public static let networkSubsetPersonalizationPINRequired = Self(rawValue: 42)
    /// `43`: network subset personalization PUK required.
    public static let networkSubsetPersonalizationPUKRequired = Self(rawValue: 43)
    /// `44`: service provider personalization PIN required.
    public static let serviceProviderPersonalizationPINRequired = Self(rawValue: 44)
    /// `45`: service provider personalization PUK required.
    public static let serviceProviderPersonalizationPUKRequired = Self(rawValue: 45)
    /// `46`: corporate personalization PIN required.
    public static let corporatePersonalizationPINRequired = Self(rawValue: 46)
    /// `47`: corporate personalization PUK required.
    public static let corporatePersonalizationPUKRequired = Self(rawValue: 47)
    /// `48`: hidden key required.
    public static let hiddenKeyRequired = Self(rawValue: 48)
    /// `49`: EAP method not supported.
    public static let eapMethodNotSupported = Self(rawValue: 49)
    /// `50`: incorrect parameters.
    public static let incorrectParameters = Self(rawValue: 50)
    /// `51`: command implemented but currently disabled.
    public static let commandImplementedButCurrentlyDisabled = Self(rawValue: 51)
    /// `52`: command aborted by user.
    public static let commandAbortedByUser = Self(rawValue: 52)
    /// `53`: not attached to network due to MT functionality restrictions.
    public static let notAttachedDueToFunctionalityRestrictions = Self(rawValue: 53)
    /// `54`: modem not allowed - MT restricted to emergency calls only.
    public static let modemNotAllowedEmergencyCallsOnly = Self(rawValue: 54)
    /// `55`: operation not allowed because of MT functionality restrictions.
    public static let operationNotAllowedDueToFunctionalityRestrictions = Self(rawValue: 55)
    /// `56`: fixed dial number only allowed - called number is not a fixed dial number.
    public static let fixedDialNumberOnlyAllowed = Self(rawValue: 56)
    /// `57`: temporarily out of service due to other MT usage.
    public static let temporarilyOutOfServiceDueToOtherUsage = Self(rawValue: 57)
    /// `58`: language/alphabet not supported.
    public static let languageOrAlphabetNotSupported = Self(rawValue: 58)
    /// `59`: unexpected data value.
    public static let unexpectedDataValue = Self(rawValue: 59)
    /// `60`: system failure.
    public static let systemFailure = Self(rawValue: 60)
    /// `61`: data missing.
    public static let dataMissing = Self(rawValue: 61)
    /// `62`: call barred.
    public static let callBarred = Self(rawValue: 62)
    /// `63`: message waiting indication subscription failure.
    public static let messageWaitingIndicationSubscriptionFailure = Self(rawValue: 63)
    /// `100`: unknown.
    public static let unknown = Self(rawValue: 100)

    // MARK: Network registration and packet domain errors, 3GPP TS 27.007 §9.2.2

    /// `102`: IMSI unknown in HLR.
    public static let imsiUnknownInHLR = Self(rawValue: 102)
    /// `103`: illegal MS.
    public static let illegalMS = Self(rawValue: 103)
    /// `104`: IMSI unknown in VLR.
    public static let imsiUnknownInVLR = Self(rawValue: 104)
    /// `105`: IMEI not accepted.
    public static let imeiNotAccepted = Self(rawValue: 105)
    /// `106`: illegal ME.
    public static let illegalME = Self(rawValue: 106)
    /// `107`: GPRS services not allowed.
    public static let gprsServicesNotAllowed = Self(rawValue: 107)
    /// `108`: GPRS services and non-GPRS services not allowed.
    public static let gprsAndNonGPRSServicesNotAllowed = Self(rawValue: 108)
    /// `109`: MS identity cannot be derived by the network.
    public static let msIdentityCannotBeDerived = Self(rawValue: 109)
    /// `110`: implicitly detached.
    public static let implicitlyDetached = Self(rawValue: 110)
    /// `111`: PLMN not allowed.
    public static let plmnNotAllowed = Self(rawValue: 111)
    /// `112`: location area not allowed.
    public static let locationAreaNotAllowed = Self(rawValue: 112)
    /// `113`: roaming not allowed in this location area.
    public static let roamingNotAllowedInLocationArea = Self(rawValue: 113)
    /// `114`: GPRS services not allowed in this PLMN.
    public static let gprsServicesNotAllowedInPLMN = Self(rawValue: 114)
    /// `115`: no suitable cells in location area.
    public static let noSuitableCellsInLocationArea = Self(rawValue: 115)
    /// `116`: MSC temporarily not reachable.
    public static let mscTemporarilyNotReachable = Self(rawValue: 116)
    /// `117`: network failure.
    public static let networkFailure = Self(rawValue: 117)
    /// `118`: CS domain not available.
    public static let csDomainNotAvailable = Self(rawValue: 118)
    /// `119`: ESM failure.
    public static let esmFailure = Self(rawValue: 119)
    /// `122`: congestion.
    public static let congestion = Self(rawValue: 122)
    /// `124`: MBMS bearer capabilities insufficient for the service.
    public static let mbmsBearerCapabilitiesInsufficient = Self(rawValue: 124)
    /// `125`: not authorized for this CSG.
    public static let notAuthorizedForCSG = Self(rawValue: 125)
    /// `126`: insufficient resources.
    public static let insufficientResources = Self(rawValue: 126)
    /// `127`: missing or unknown APN.
    public static let missingOrUnknownAPN = Self(rawValue: 127)
    /// `128`: unknown PDP address or PDP type.
    public static let unknownPDPAddressOrType = Self(rawValue: 128)
    /// `129`: user authentication or authorization failed.
    public static let userAuthenticationFailed = Self(rawValue: 129)
    /// `130`: activation rejected by GGSN, Serving GW or PDN GW.
    public static let activationRejectedByGateway = Self(rawValue: 130)
    /// `131`: activation rejected, unspecified.
    public static let activationRejectedUnspecified = Self(rawValue: 131)
    /// `132`: service option not supported.
    public static let serviceOptionNotSupported = Self(rawValue: 132)
    /// `133`: requested service option not subscribed.
    public static let requestedServiceOptionNotSubscribed = Self(rawValue: 133)
    /// `134`: service option temporarily out of order.
    public static let serviceOptionTemporarilyOutOfOrder = Self(rawValue: 134)
    /// `135`: NSAPI already used.
    public static let nsapiAlreadyUsed = Self(rawValue: 135)
    /// `136`: regular deactivation.
    public static let regularDeactivation = Self(rawValue: 136)
    /// `137`: QoS not accepted.
    public static let qosNotAccepted = Self(rawValue: 137)
    /// `138`: call cannot be identified.
    public static let callCannotBeIdentified = Self(rawValue: 138)
    /// `139`: CS service temporarily not available.
    public static let csServiceTemporarilyNotAvailable = Self(rawValue: 139)
    /// `140`: feature not supported.
    public static let featureNotSupported = Self(rawValue: 140)
    /// `141`: semantic error in the TFT operation.
    public static let semanticErrorInTFTOperation = Self(rawValue: 141)
    /// `142`: syntactical error in the TFT operation.
    public static let syntacticalErrorInTFTOperation = Self(rawValue: 142)
    /// `143`: unknown PDP context.
    public static let unknownPDPContext = Self(rawValue: 143)
    /// `144`: semantic errors in packet filter(s).
    public static let semanticErrorsInPacketFilter = Self(rawValue: 144)
    /// `145`: syntactical errors in packet filter(s).
    public static let syntacticalErrorsInPacketFilter = Self(rawValue: 145)
    /// `146`: PDP context without TFT already activated.
    public static let pdpContextWithoutTFTAlreadyActivated = Self(rawValue: 146)
    /// `147`: multicast group membership time-out.
    public static let multicastGroupMembershipTimeout = Self(rawValue: 147)
    /// `148`: unspecified GPRS error.
    public static let unspecifiedGPRSFailure = Self(rawValue: 148)
    /// `149`: PDP authentication failure.
    public static let pdpAuthenticationFailure = Self(rawValue: 149)
    /// `150`: invalid mobile class.
    public static let invalidMobileClass = Self(rawValue: 150)
    /// `171`: last PDN disconnection not allowed.
    public static let lastPDNDisconnectionNotAllowed = Self(rawValue: 171)
    /// `172`: semantically incorrect message.
    public static let semanticallyIncorrectMessage = Self(rawValue: 172)
    /// `173`: invalid mandatory information.
    public static let invalidMandatoryInformation = Self(rawValue: 173)
    /// `174`: message type non-existent or not implemented.
    public static let messageTypeNonExistentOrNotImplemented = Self(rawValue: 174)
    /// `175`: conditional IE error.
    public static let conditionalInformationElementInvalid = Self(rawValue: 175)
    /// `176`: unspecified protocol error.
    public static let unspecifiedProtocolFailure = Self(rawValue: 176)
    /// `177`: operator determined barring.
    public static let operatorDeterminedBarring = Self(rawValue: 177)
    /// `178`: maximum number of PDP contexts reached.
    public static let maximumNumberOfPDPContextsReached = Self(rawValue: 178)
    /// `179`: requested APN not supported in current RAT and PLMN combination.
    public static let requestedAPNNotSupported = Self(rawValue: 179)
    /// `180`: request rejected, bearer control mode violation.
    public static let requestRejectedBCMViolation = Self(rawValue: 180)
    /// `181`: unsupported QCI value.
    public static let unsupportedQCIValue = Self(rawValue: 181)

    // MARK: Supplementary service and further packet domain errors, 3GPP TS 27.007 §9.2

    /// `257`: network rejected request.
    public static let networkRejectedRequest = Self(rawValue: 257)
    /// `258`: retry operation.
    public static let retryOperation = Self(rawValue: 258)
    /// `259`: invalid deflected to number.
    public static let invalidDeflectedToNumber = Self(rawValue: 259)
    /// `260`: deflected to own number.
    public static let deflectedToOwnNumber = Self(rawValue: 260)
    /// `261`: unknown subscriber.
    public static let unknownSubscriber = Self(rawValue: 261)
    /// `262`: service not available.
    public static let serviceNotAvailable = Self(rawValue: 262)
    /// `263`: unknown class specified.
    public static let unknownClassSpecified = Self(rawValue: 263)
    /// `264`: unknown network message.
    public static let unknownNetworkMessage = Self(rawValue: 264)
    /// `273`: minimum TFTs per PDP address violated.
    public static let minimumTFTsPerPDPAddressViolated = Self(rawValue: 273)
    /// `274`: TFT precedence index not unique.
    public static let tftPrecedenceIndexNotUnique = Self(rawValue: 274)
    /// `275`: invalid parameter combination.
    public static let invalidParameterCombination = Self(rawValue: 275)

    static let specificationNames: [Int: String] = [
        0: "phone failure",
        1: "no connection to phone",
        2: "phone-adaptor link reserved",
        3: "operation not allowed",
        4: "operation not supported",
        5: "PH-SIM PIN required",
        6: "PH-FSIM PIN required",
        7: "PH-FSIM PUK required",
        10: "SIM not inserted",
        11: "SIM PIN required",
        12: "SIM PUK required",
        13: "SIM failure",
        14: "SIM busy",
        15: "SIM wrong",
        16: "incorrect password",
        17: "SIM PIN2 required",
        18: "SIM PUK2 required",
        20: "memory full",
        21: "invalid index",
        22: "not found",
        23: "memory failure",
        24: "text string too long",
        25: "invalid characters in text string",
        26: "dial string too long",
        27: "invalid characters in dial string",
        30: "no network service",
        31: "network timeout",
        32: "network not allowed - emergency calls only",
        40: "network personalization PIN required",
        41: "network personalization PUK required",
        42: "network subset personalization PIN required",
        43: "network subset personalization PUK required",
        44: "service provider personalization PIN required",
        45: "service provider personalization PUK required",
        46: "corporate personalization PIN required",
        47: "corporate personalization PUK required",
        48: "hidden key required",
        49: "EAP method not supported",
        50: "incorrect parameters",
        51: "command implemented but currently disabled",
        52: "command aborted by user",
        53: "not attached to network due to MT functionality restrictions",
        54: "modem not allowed - MT restricted to emergency calls only",
        55: "operation not allowed because of MT functionality restrictions",
        56: "fixed dial number only allowed - called number is not a fixed dial number",
        57: "temporarily out of service due to other MT usage",
        58: "language/alphabet not supported",
        59: "unexpected data value",
        60: "system failure",
        61: "data missing",
        62: "call barred",
        63: "message waiting indication subscription failure",
        100: "unknown",
        102: "IMSI unknown in HLR",
        103: "illegal MS",
        104: "IMSI unknown in VLR",
        105: "IMEI not accepted",
        106: "illegal ME",
        107: "GPRS services not allowed",
        108: "GPRS services and non-GPRS services not allowed",
        109: "MS identity cannot be derived by the network",
        110: "implicitly detached",
        111: "PLMN not allowed",
        112: "location area not allowed",
        113: "roaming not allowed in this location area",
        114: "GPRS services not allowed in this PLMN",
        115: "no suitable cells in location area",
        116: "MSC temporarily not reachable",
        117: "network failure",
        118: "CS domain not available",
        119: "ESM failure",
        122: "congestion",
        124: "MBMS bearer capabilities insufficient for the service",
        125: "not authorized for this CSG",
        126: "insufficient resources",
        127: "missing or unknown APN",
        128: "unknown PDP address or PDP type",
        129: "user authentication or authorization failed",
        130: "activation rejected by GGSN, Serving GW or PDN GW",
        131: "activation rejected, unspecified",
        132: "service option not supported",
        133: "requested service option not subscribed",
        134: "service option temporarily out of order",
        135: "NSAPI already used",
        136: "regular deactivation",
        137: "QoS not accepted",
        138: "call cannot be identified",
        139: "CS service temporarily not available",
        140: "feature not supported",
        141: "semantic error in the TFT operation",
        142: "syntactical error in the TFT operation",
        143: "unknown PDP context",
        144: "semantic errors in packet filter(s)",
        145: "syntactical errors in packet filter(s)",
        146: "PDP context without TFT already activated",
        147: "multicast group membership time-out",
        148: "unspecified GPRS error",
        149: "PDP authentication failure",
        150: "invalid mobile class",
        171: "last PDN disconnection not allowed",
        172: "semantically incorrect message",
        173: "invalid mandatory information",
        174: "message type non-existent or not implemented",
        175: "conditional IE error",
        176: "unspecified protocol error",
        177: "operator determined barring",
        178: "maximum number of PDP contexts reached",
        179: "requested APN not supported in current RAT and PLMN combination",
        180: "request rejected, bearer control mode violation",
        181: "unsupported QCI value",
        257: "network rejected request",
        258: "retry operation",
        259: "invalid deflected to number",
        260: "deflected to own number",
        261: "unknown subscriber",
        262: "service not available",
        263: "unknown class specified",
        264: "unknown network message",
        273: "minimum TFTs per PDP address violated",
        274: "TFT precedence index not unique",
        275: "invalid parameter combination",
    ]

}

extension CMEError: CustomStringConvertible {
    /// For example `+CME ERROR: 10 (SIM not inserted)`.
    public var description: String {
        "+CME ERROR: \(self.rawValue)" + (self.name.map { " (\($0))" } ?? "")
    }
}
