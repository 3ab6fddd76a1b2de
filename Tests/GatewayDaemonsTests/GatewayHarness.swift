// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import GatewayDaemons
import MessageStore
import ModemDiscovery
import ModemSimulator
import Testing
import WardConversation

/// A simulated modem on a real pseudo-terminal and the gateway talking to it, with a real SQLite file.
final class GatewayHarness: @unchecked Sendable {
    let directory: URL
    let linkPath: String
    let simulator: ModemSimulatorHost
    let store: MessageStore
    let gateway: SMSGateway
    private var task: Task<Void, any Error>?

    init(
        profile: VendorProfile = .quectelEC25,
        configure: (inout SimulatorConfiguration) -> Void = { _ in },
        gatewaySettings: (inout GatewaySettings) -> Void = { _ in },
        watcher: ConfigurationWatcher? = nil
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gateway-\(UUID().uuidString.prefix(8))"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        linkPath = directory.appendingPathComponent("modem").path
        var configuration = SimulatorConfiguration(profile: profile)
        configuration.statusReportDelay = .milliseconds(300)
        configure(&configuration)
        simulator = try ModemSimulatorHost(
            configuration: configuration,
            options: .init(linkPath: linkPath, logFilePath: directory.appendingPathComponent("simulator.log").path)
        )
        store = try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
        var device = DeviceConfiguration()
        device.modem.device = linkPath
        device.ward.name = "Ward 7"
        device.conversation.wardName = "Ward 7"
        var settings = GatewaySettings(configuration: device)
        settings.locateInterval = 0.2
        settings.sweepInterval = 5
        gatewaySettings(&settings)
        gateway = SMSGateway(settings: settings, store: store, finder: StaticModemFinder([]), watcher: watcher)
    }

    func start() {
        let gateway = self.gateway
        task = Task { try await gateway.run() }
    }

    func stop() async {
        task?.cancel()
        _ = await task?.result
        task = nil
    }

    deinit {
        task?.cancel()
        simulator.shutdown()
        if ProcessInfo.processInfo.environment["KEEP_GATEWAY_TEST_FILES"] == nil {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// Waits until `condition` holds, polling; records an issue and returns false after `timeout`.
    @discardableResult
    func wait(
        _ what: String,
        timeout: Duration = .seconds(20),
        _ condition: () throws -> Bool
    ) async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting for \(what) after \(timeout)")
        return false
    }

    func messages() throws -> [InboundMessage] { try store.allMessages() }

    /// The commands the simulated modem received, in order, as logged (`AT+CMGD=1,1`).
    func receivedCommands() throws -> [String] {
        let log = try String(contentsOf: directory.appendingPathComponent("simulator.log"), encoding: .utf8)
        return log.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: " RX ") else { return nil }
            return line[range.upperBound...].replacingOccurrences(of: "<CR>", with: "")
        }
    }

    /// The texts sent to `number`, in order, with the parts of long messages joined.
    func sentTexts(to number: String) -> [String] {
        var texts: [String] = []
        var partsByReference: [Int: (slot: Int, parts: [Int: String])] = [:]
        for message in simulator.sentMessages where message.destination == number {
            guard let text = message.text else { continue }
            guard let concatenation = message.concatenation else {
                texts.append(text)
                continue
            }
            if partsByReference[concatenation.reference] == nil {
                partsByReference[concatenation.reference] = (texts.count, [:])
                texts.append("")
            }
            partsByReference[concatenation.reference]?.parts[concatenation.part] = text
            if let entry = partsByReference[concatenation.reference] {
                texts[entry.slot] = entry.parts.sorted { $0.key < $1.key }.map(\.value).joined()
            }
        }
        return texts
    }
}
