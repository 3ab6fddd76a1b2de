// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import GatewayDaemons
import Logging
import MessageStore
import ModemDiscovery
import ModemSimulator
import WardConversation

extension CareConnect.Demo {
    /// The gateway against the simulated modem, narrated.
    func gatewayDemo() async throws {
        print("== Part 1: a ward's text number at work ==")
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let link = directory.appendingPathComponent("modem").path

        var simulatorConfiguration = SimulatorConfiguration(profile: .quectelEC25)
        simulatorConfiguration.statusReportDelay = .milliseconds(400)
        let simulator = try ModemSimulatorHost(
            configuration: simulatorConfiguration,
            options: .init(linkPath: link, logFilePath: directory.appendingPathComponent("modem-traffic.log").path)
        )
        defer { simulator.shutdown() }
        print("simulated Quectel EC25 modem on \(simulator.devicePath) (linked at \(link))")

        var configuration = DeviceConfiguration()
        configuration.ward.name = "Ward 7"
        configuration.conversation.wardName = "Ward 7"
        configuration.modem.device = link
        configuration.storage.stateDirectory = directory.path
        let store = try MessageStore(path: configuration.storage.databasePath)
        var settings = GatewaySettings(configuration: configuration)
        settings.locateInterval = 0.2
        var logger = Logger(label: "careconnect.smsd")
        logger.logLevel = .warning
        let gateway = SMSGateway(settings: settings, store: store, finder: StaticModemFinder([]), logger: logger)
        let running = Task { try await gateway.run() }
        defer { running.cancel() }
        print("gateway started; database \(configuration.storage.databasePath)\n")

        let script: [(from: String, text: String, note: String)] = [
            ("+447700900456", "1", "a Friends and Family Test score"),
            ("+447700900456", "The night nurses were so kind to my mum", "the follow-up comment"),
            ("+447700900789", "vrey good", "a score with a typo"),
            ("+447700900321", "Dziękuję bardzo 😀 opieka była wspaniała", "Polish with an emoji (UCS-2)"),
            (
                "+447700900654",
                String(
                    repeating: "The food was cold every evening and the call bell took a long time to be answered. ",
                    count: 3
                ),
                "a complaint long enough for three concatenated parts"
            ),
            ("NHSTrust", "1", "an alphanumeric sender: recorded, never answered"),
            ("+447700900111", "STOP", "an opt-out"),
            ("+447700900111", "2", "a score after STOP: recorded, not answered"),
        ]
        var shownReplies = 0
        for (index, line) in script.enumerated() {
            print("patient \(line.from) texts (\(line.note)):")
            print("    \"\(line.text)\"")
            _ = try simulator.inject(
                InjectedMessage(from: line.from, text: line.text, concatenationReference: 40 + index)
            )
            // Wait until the gateway has stored and handled it, then show any reply.
            try await waitFor(seconds: 15) {
                try store.allMessages().count == index + 1 && store.unhandledMessages().isEmpty
            }
            try await Task.sleep(for: .milliseconds(400))
            let sent = simulator.sentMessages
            for reply in sent.dropFirst(shownReplies) {
                print("  ward replies to \(reply.destination): \"\(reply.text ?? "")\"")
            }
            if sent.count == shownReplies {
                print("  (no reply)")
            }
            shownReplies = sent.count
        }
        try await waitFor(seconds: 10) {
            try store.status().outboundByState["delivered", default: 0] == simulator.sentMessages.count
        }
        let status = try store.status()
        print("")
        print(
            "messages stored: \(status.messages); replies sent: \(simulator.sentMessages.count), delivered: "
                + "\(status.outboundByState["delivered", default: 0]); modem storage left: "
                + "\(simulator.status.storage.values.map(\.used).reduce(0, +)); events queued for upstream sync: "
                + "\(status.syncBacklog)"
        )
        print("traffic log: \(directory.appendingPathComponent("modem-traffic.log").path)")
        running.cancel()
        _ = await running.result
    }

    private func waitFor(seconds: Int, _ condition: () throws -> Bool) async throws {
        try await poll(
            seconds: seconds,
            every: .milliseconds(50),
            failure: "the demo timed out waiting; see the traffic log in \(output)",
            condition
        )
    }
}
