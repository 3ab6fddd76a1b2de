// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import MessageStore
import Testing
import UpstreamAdapters

/// `careconnect sync` as a process against each double, with a measurement of how fast each target drains.
/// `UPSTREAM_EVENTS` sets the size (default 200 SMS comments and 200 kiosk answers).
@Suite(.serialized, .timeLimit(.minutes(5))) struct UpstreamThroughputTests {
    static var events: Int { Int(ProcessInfo.processInfo.environment["UPSTREAM_EVENTS"] ?? "") ?? 200 }

    @Test func careconnectSyncDrainsSMSCommentsToCareConnect() async throws {
        let double = CareConnectDouble()
        let device = try TestDevice.make()
        let state = (device.path as NSString).deletingLastPathComponent
        for index in 0..<Self.events {
            try device.recordSMS(
                from: "+4477009\(String(format: "%05d", index))",
                text: "4 comment \(index)",
                score: 4,
                comment: "comment \(index)"
            )
        }
        let passwordFile = state + "/careconnect-password"
        try CareConnectDouble.password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passwordFile)
        let started = ContinuousClock.now
        try await double.run { base in
            let process = try CareConnectKillTests.careconnect([
                "sync", "--state-dir", state, "--config", state + "/none.toml", "--target", "careconnect-v0.1",
                "--careconnect-url", base, "--careconnect-username", CareConnectDouble.username,
                "--careconnect-password-file", passwordFile, "--organisation", "RYY02", "--until-drained",
            ])
            try await CareConnectKillTests.waitForExit(process, seconds: 240)
            #expect(process.terminationStatus == 0)
        }
        let elapsed = ContinuousClock.now - started
        #expect(double.problems.count == Self.events)
        #expect(Set(double.problems.map(\.fields["description"])).count == Self.events)
        #expect(try device.store.upstreamLedger(states: [.done]).count == Self.events)
        #expect(try device.outboxKinds().isEmpty)
        let rate =
            Double(Self.events) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        print(
            "careconnect-v0.1: \(Self.events) problems (and \(Self.events) sms.received dead letters) in \(elapsed), \(Int(rate)) problems/s"
        )
    }

    @Test func careconnectSyncDrainsKioskAnswersToAFHIRServer() async throws {
        let double = FHIRDouble()
        let device = try TestDevice.make()
        let state = (device.path as NSString).deletingLastPathComponent
        for index in 0..<Self.events {
            try device.recordKiosk(rating: index % 6 + 1, comment: index % 3 == 0 ? "comment \(index)" : nil)
        }
        let started = ContinuousClock.now
        try await double.run { base in
            let process = try CareConnectKillTests.careconnect([
                "sync", "--state-dir", state, "--config", state + "/none.toml", "--target", "fhir-r4", "--fhir-url",
                base,
                "--max-events", "50", "--until-drained",
            ])
            try await CareConnectKillTests.waitForExit(process, seconds: 240)
            #expect(process.terminationStatus == 0)
        }
        let elapsed = ContinuousClock.now - started
        #expect(double.stored.count == Self.events)
        #expect(double.bundles == (Self.events + 49) / 50)
        #expect(try device.outboxKinds().isEmpty)
        #expect(try device.store.syncDeadLetters().isEmpty)
        let rate =
            Double(Self.events) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        print(
            "fhir-r4: \(Self.events) QuestionnaireResponses in \(double.bundles) Bundles in \(elapsed), \(Int(rate))/s"
        )
    }

    @Test func aMissingSettingIsNamed() throws {
        let device = try TestDevice.make()
        let state = (device.path as NSString).deletingLastPathComponent
        let result = try CareConnectKillTests.output([
            "sync", "--state-dir", state, "--config", state + "/none.toml", "--target", "careconnect-v0.1",
            "--until-drained",
        ])
        #expect(result.status != 0)
        #expect(result.text.contains("no Care Connect URL: give --careconnect-url, or set [sync] careconnect_url"))
        let wrong = try CareConnectKillTests.output([
            "sync", "--state-dir", state, "--config", state + "/none.toml", "--target", "fhir", "--until-drained",
        ])
        #expect(wrong.text.contains("--target must be hub, careconnect-v0.1 or fhir-r4; got 'fhir'"), "\(wrong.text)")
    }
}
