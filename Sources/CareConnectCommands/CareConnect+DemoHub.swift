// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import Foundation
import GatewayDaemons
import Hub
import Hummingbird
import Logging
import MessageStore
import ModemDiscovery
import ModemSimulator
import SyncClient
import SyncProtocol

extension CareConnect.Demo {
    /// A local hub: the device enrols, uploads what parts 1 and 2 recorded, sends a staff reply typed on the
    /// ward page, and takes new ward settings without a restart. Narrated.
    func hubDemo() async throws {
        print("== Part 3: the hub: feedback up, a staff reply and new ward settings down ==")
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        let link = directory.appendingPathComponent("modem").path
        let configPath = directory.appendingPathComponent("careconnect.toml").path
        try """
        # The ward device's own configuration file, as `careconnect provision` writes it.
        [ward]
        name = "Ward 7"

        [storage]
        state_directory = \(ConfigurationFileEditor.quoted(directory.path))

        [modem]
        device = \(ConfigurationFileEditor.quoted(link))

        """.write(toFile: configPath, atomically: true, encoding: .utf8)

        var logger = Logger(label: "careconnect.demo")
        logger.logLevel = .critical
        let hubStore = try HubStore(path: directory.appendingPathComponent("hub.sqlite").path)
        let server = HubServer(store: hubStore, logger: logger)
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let application = server.application(host: "127.0.0.1", port: 0) { port in announce.yield(port) }
        let serving = Task { try await application.runService() }
        defer { serving.cancel() }
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else { throw CommandError("the demo hub did not start") }
        let hubURL = "http://127.0.0.1:\(port)"
        print("hub listening on \(hubURL) (database \(output)/hub.sqlite)")

        // Enrolment with a one-time code, as `careconnect provision --enrol CODE` does.
        let code = try hubStore.createEnrolmentCode(ward: "Ward 7", now: Date())
        let connection = try HubConnection(baseURL: hubURL, timeout: .seconds(10))
        let enrolled = try await connection.enroll(
            EnrollRequest(
                enrollmentCode: code,
                deviceUUID: UUID().uuidString,
                kind: "sms-gateway",
                appVersion: CareConnect.configuration.version
            )
        )
        let credentials = DeviceCredentials(deviceID: enrolled.deviceID, ward: enrolled.ward, token: enrolled.token)
        try credentials.save(path: DeviceCredentials.path(stateDirectory: directory.path))
        print("enrolment code \(code) -> device \(enrolled.deviceID) of \(enrolled.ward)")

        let store = try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
        let engine = SyncEngine(
            store: store,
            connection: connection,
            credentials: credentials,
            settings: SyncSettings(longPollSeconds: 1, appVersion: CareConnect.configuration.version),
            managedSettings: ManagedSettingsFile(configurationPath: configPath),
            logger: logger
        )
        let backlog = try store.syncBacklog()
        try await engine.uploadUntilDrained()
        let counts = try hubStore.eventCounts()
        let summary = try hubStore.wardSummary("Ward 7")
        print(
            "uploaded \(backlog) events in \(await engine.requests) request(s), \(await engine.uploadedBytes) bytes; "
                + "the hub holds \(counts.events) (\(counts.distinct) distinct); the device's outbox: "
                + "\(try store.syncBacklog())"
        )
        let ratings = summary.fftCounts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        print("FFT answers on the ward page, by rating (1 = very good): \(ratings.joined(separator: ", "))")

        // The gateway again, now following its configuration file for changes.
        var simulatorConfiguration = SimulatorConfiguration(profile: .quectelEC25)
        simulatorConfiguration.statusReportDelay = .milliseconds(200)
        let simulator = try ModemSimulatorHost(
            configuration: simulatorConfiguration,
            options: .init(linkPath: link, logFilePath: directory.appendingPathComponent("modem-traffic-hub.log").path)
        )
        defer { simulator.shutdown() }
        let watcher = ConfigurationWatcher(configurationPath: configPath)
        var gatewaySettings = GatewaySettings(configuration: try DeviceConfiguration.load(path: configPath))
        gatewaySettings.locateInterval = 0.2
        let gateway = SMSGateway(
            settings: gatewaySettings,
            store: store,
            finder: StaticModemFinder([]),
            logger: logger,
            watcher: watcher
        )
        let running = Task { try await gateway.run() }
        defer { running.cancel() }

        print("\nstaff type a reply to the complaint from +447700900654 on the ward page (\(hubURL)/wards/Ward%207):")
        let reply = "I am sorry about the food and the call bell. Please call me on 0113 496 0000. Sister Jones, Ward 7"
        let form =
            "to=%2B447700900654&text=" + (reply.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        _ = try await connection.send(
            "POST",
            "/wards/Ward%207/replies",
            headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Data(form.utf8)
        )
        let commands = try await engine.pollCommandsOnce(wait: 1)
        try await waitForHub(seconds: 20) { simulator.sentMessages.count == 1 }
        print("  device took \(commands) command(s); the modem sent to \(simulator.sentMessages[0].destination):")
        print("    \"\(simulator.sentMessages[0].text ?? "")\"")
        let staffCommand = try hubStore.wardSummary("Ward 7").commands.first?.commandID ?? ""
        try await waitForHub(seconds: 10) {
            try store.advanceHubCommands(now: Date())
            return try store.hubCommandState(staffCommand) == "delivered"
        }
        try await engine.uploadUntilDrained()
        print(
            "  the delivery report came back; on the hub the reply is now: \(try hubStore.commandState(staffCommand) ?? "unknown")"
        )

        let managed = """
            [ward]
            name = "Ward 7 (Cardiology)"

            [templates.en]
            thanks_and_follow_up = "Thank you for rating {ward}. What one thing should we change?"
            """
        print("\nthe ward's settings change on the hub (careconnect hub config set --ward \"Ward 7\"):")
        print(
            managed.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        )
        let parsed = try ManagedSettings(etag: ConfigurationDocument.emptyETag, toml: managed)
        let document = try SyncJSON.decoder().decode(JSONValue.self, from: parsed.jsonData)
        let change = try hubStore.setWardConfiguration(ward: "Ward 7", config: document, now: Date())
        print("  version \(change.etag), a config.update for \(change.commandIDs.count) device(s)")
        _ = try await engine.pollCommandsOnce(wait: 1)
        let applied = DeviceConfiguration.appliedManagedSettings(configurationPath: configPath)
        print(
            "  the device checked and applied \(applied?.etag ?? "nothing") (\(applied?.keys.joined(separator: ", ") ?? ""))"
                + " into \(output)/managed-settings.toml; its own file is unchanged"
        )

        print("\npatient +447700900999 texts \"2\"; the gateway has picked up the new settings without a restart:")
        _ = try simulator.inject(InjectedMessage(from: "+447700900999", text: "2", concatenationReference: 90))
        try await waitForHub(seconds: 20) { simulator.sentMessages.count == 2 }
        print("  ward replies: \"\(simulator.sentMessages[1].text ?? "")\"")

        try await engine.recordHeartbeat()
        try await engine.uploadUntilDrained()
        for device in try hubStore.deviceStatuses(ward: "Ward 7") {
            let current = device.configETag == change.etag ? "current" : "behind"
            print(
                "  heartbeat on the hub: \(device.deviceID) has settings \(device.configETag ?? "none") (\(current)), "
                    + "and when it was recorded \(device.queueDepth ?? 0) event(s) and \(device.outgoingTexts ?? 0) text(s) waiting"
            )
        }
        let settingsCommand = try hubStore.commandState(change.commandIDs.first ?? "")
        print("  the config.update command on the hub: \(settingsCommand ?? "unknown")")

        let page = try await connection.send("GET", "/wards/Ward%207")
        let pagePath = directory.appendingPathComponent("hub-ward-7.html")
        try page.body.write(to: pagePath)
        print("ward page saved to \(pagePath.path)")
        running.cancel()
        _ = await running.result
        await connection.shutdown()
    }

    private func waitForHub(seconds: Int, _ condition: () throws -> Bool) async throws {
        try await poll(
            seconds: seconds,
            every: .milliseconds(50),
            failure: "the demo timed out waiting; see the traffic logs in \(output)",
            condition
        )
    }
}
