// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Testing

@Suite("CME and CMS error codes")
struct ErrorCodeTests {
    /// Should name codes with the specification's text.
    @Test func namesCodesFromSpecification() {
        #expect(CMEError.simPINRequired.rawValue == 11)
        #expect(CMEError.simPINRequired.name == "SIM PIN required")
        #expect(CMEError(rawValue: 148) == .unspecifiedGPRSFailure)
        #expect(CMEError(rawValue: 264).name == "unknown network message")
        #expect(CMSError.memoryFull.rawValue == 322)
        #expect(CMSError(rawValue: 0xC0).name == "SC busy")
        #expect(CMSError(rawValue: 42) == .congestion)
    }

    /// Should represent codes the specification does not list, without a name.
    @Test func keepsUnlistedCodes() {
        #expect(CMEError(rawValue: 9999).name == nil)
        #expect(CMSError(rawValue: 517).name == nil)
        #expect(CMSError(rawValue: 517).isManufacturerSpecific)
        #expect(CMSError(rawValue: 517).description == "+CMS ERROR: 517")
        #expect(CMSError.memoryFull.description == "+CMS ERROR: 322 (memory full)")
    }

    /// Should map verbose texts to codes regardless of case, punctuation and spelling.
    @Test(
        arguments: [
            ("SIM not inserted", 10), ("sim pin required", 11), ("PH-SIM PIN required", 5), ("ph sim pin required", 5),
            ("Network personalisation PIN required", 40), ("Incorrect password", 16),
            ("Network not allowed - Emergency calls only", 32), ("Unknown error", 100), ("operation not allowed", 3),
        ]
    )
    func mapsVerboseCMEText(text: String, code: Int) {
        #expect(CMEError(verboseText: text)?.rawValue == code)
    }

    /// Should map verbose CMS texts, folding the (U) of (U)SIM.
    @Test(
        arguments: [
            ("SIM not inserted", 310), ("(U)SIM PIN required", 311), ("memory full", 322),
            ("SMSC address unknown", 330), ("no network service", 331), ("Network timeout", 332),
            ("unknown error", 500), ("Congestion", 42), ("SC busy", 192),
        ]
    )
    func mapsVerboseCMSText(text: String, code: Int) {
        #expect(CMSError(verboseText: text)?.rawValue == code)
    }

    /// Should give the lower code where two CMS texts collide.
    @Test func prefersLowerCodeOnCollision() {
        #expect(CMSError(verboseText: "memory capacity exceeded") == .memoryCapacityExceeded)
    }

    /// Should return nil for text naming no code.
    @Test func rejectsUnknownVerboseText() {
        #expect(CMEError(verboseText: "it broke") == nil)
        #expect(CMSError(verboseText: "") == nil)
    }

    /// Should classify temporary network, service centre and modem conditions as retryable.
    @Test(arguments: [17, 38, 41, 42, 47, 192, 194, 301, 314, 331, 332, 500])
    func retriesTemporaryFailures(code: Int) {
        #expect(CMSError(rawValue: code).isRetryable)
    }

    /// Should classify destination, subscription, PDU and storage problems as permanent.
    @Test(arguments: [
        1, 8, 10, 21, 22, 27, 29, 30, 50, 69, 96, 111, 127, 144, 195, 302, 304, 310, 311, 321, 322, 330, 512,
    ])
    func doesNotRetryPermanentFailures(code: Int) {
        #expect(!CMSError(rawValue: code).isRetryable)
    }

    /// Should place codes in their source ranges.
    @Test func classifiesCodeRanges() {
        #expect(CMSError.temporaryFailure.isNetworkCause)
        #expect(CMSError.serviceCentreBusy.isTransferProtocolFailure)
        #expect(!CMSError.memoryFull.isNetworkCause && !CMSError.memoryFull.isTransferProtocolFailure)
    }
}
