// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import MessageStore
import ModemSimulator
import Testing

/// A member of staff answers a patient's text on the hub's ward page in headless Chromium; the reply travels hub →
/// `careconnect sync` → the device database → `careconnect smsd` → the simulated modem, once.
@Suite("Staff replies from the ward page", .serialized, .timeLimit(.minutes(5)))
struct StaffReplyTests {
    let patient = "+447700900456"
    let complaint = "The night staff were wonderful but bay 3 was very noisy after midnight"
    let reply = "Thank you – Sister Jones will call you today about the noise."

    @Test("A reply typed on the ward page in Chromium reaches the patient's phone exactly once")
    func staffReplyReachesThePatientOnce() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
            "headless Chromium is needed: make deps installs the chromium package"
        )
        let started = ContinuousClock.now
        let rig = try WardRig()
        try await rig.startHub()
        try await rig.enrolDevice()
        try rig.startGateway()
        try rig.startSync()

        // Given a patient's text has reached the ward page through the modem, smsd, the database and sync
        _ = try rig.simulator.inject(InjectedMessage(from: patient, text: complaint))
        try await rig.wait("the text on the ward page") {
            let page = try await rig.wardPage()
            return page.contains(complaint) && page.contains("aria-label=\"Reply to \(patient)\"")
        }

        // When staff type a reply in the browser and press Send
        let typed = try rig.browser(replyTo: patient, text: reply, screenshot: rig.directory + "/ward-reply-sent.png")

        // Then the hub confirms, and the modem sends the text once, to the patient
        #expect(typed.url.hasSuffix("/wards/Ward%207?sent=1"))
        #expect(typed.text.contains("Your reply is on its way to the ward's phone."))
        try await rig.wait("the reply at the modem") { self.sent(rig).count == 1 }
        #expect(sent(rig).first?.destination == patient)
        // And the page reports it delivered once the modem's status report has travelled back
        try await rig.wait("the reply shown as delivered") {
            try await rig.wardPage().contains("<td>\(patient)</td><td>delivered</td>")
        }

        // When sync restarts having lost its place in the command stream, so the hub offers the command again
        await rig.stop("sync")
        let store = try rig.deviceStore()
        let cursor = try store.syncState(.downlinkCursor)
        #expect(cursor != nil)
        try store.setSyncState([.downlinkCursor: "c0"], now: Date())
        try rig.startSync()
        try await rig.wait("the command read again") { try store.syncState(.downlinkCursor) == cursor }
        try await Task.sleep(for: .seconds(3))

        // Then the text was still sent exactly once, and the page shows one delivered reply
        #expect(sent(rig).count == 1, "the staff reply went out \(sent(rig).count) times")
        let shown = try rig.browser(screenshot: rig.directory + "/ward-after-restart.png")
        #expect(shown.text.contains("\(patient)\tdelivered"), "the browser shows the reply delivered")
        let page = try await rig.wardPage()
        #expect(page.components(separatedBy: "<td>\(patient)</td><td>delivered</td>").count == 2)
        #expect(rig.isRunning("smsd") && rig.isRunning("sync") && rig.isRunning("hub"))
        let seconds = Double((ContinuousClock.now - started).components.seconds)
        print(
            "staff web: reply typed in headless Chromium sent once to \(patient) and shown delivered; "
                + "\(String(format: "%.0f", seconds)) s; screenshots in \(rig.directory)"
        )
        await rig.stop("sync")
        await rig.stop("smsd")
        await rig.stop("hub")
    }

    /// The parts the modem sent that carry the staff reply.
    func sent(_ rig: WardRig) -> [SentMessage] {
        rig.simulator.sentMessages.filter { $0.destination == patient && $0.text == reply }
    }
}
