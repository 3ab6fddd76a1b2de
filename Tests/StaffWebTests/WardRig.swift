// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import MessageStore
import ModemSimulator
import SyncClient
import SyncProtocol

#if canImport(Glibc)
import Glibc
#endif

/// A ward and its hub as real processes: `careconnect hub serve` on 127.0.0.1, and on the device side
/// `careconnect smsd` on a simulated modem's pseudo-terminal and `careconnect sync`, sharing one SQLite file.
/// Each process logs to a file in `directory`.
final class WardRig: @unchecked Sendable {
    static let ward = "Ward 7"

    let directory: String
    let state: String
    let hubDatabase: String
    let hubPort: Int
    let simulator: ModemSimulatorHost
    private(set) var processes: [String: Process] = [:]

    var hubURL: String { "http://127.0.0.1:\(hubPort)" }
    var wardURL: String { hubURL + "/wards/Ward%207" }

    static var binary: URL {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [directory, Bundle.main.bundleURL].map { $0.appendingPathComponent("careconnect") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// The repository's Scripts directory.
    static var scripts: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts")
    }

    init() throws {
        directory = NSTemporaryDirectory() + "careconnect-staff-web-\(UUID().uuidString.prefix(8))"
        state = directory + "/device"
        hubDatabase = directory + "/hub/hub.sqlite"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/hub", withIntermediateDirectories: true)
        hubPort = try Self.freePort()
        var configuration = SimulatorConfiguration(profile: .quectelEC25)
        configuration.statusReportDelay = .milliseconds(300)
        simulator = try ModemSimulatorHost(
            configuration: configuration,
            options: .init(linkPath: directory + "/modem", logFilePath: directory + "/simulator.log")
        )
    }

    deinit {
        for process in processes.values where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        simulator.shutdown()
    }

    /// The device's database, opened by the test as a third process would.
    func deviceStore() throws -> MessageStore {
        try MessageStore(path: state + "/careconnect.sqlite")
    }

    // MARK: - Processes

    func startHub() async throws {
        try start(
            "hub",
            ["hub", "serve", "--listen", "127.0.0.1:\(hubPort)", "--database", hubDatabase, "--log-level", "warning"]
        )
        let connection = try HubConnection(baseURL: hubURL, timeout: .seconds(2))
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if (try? await connection.health()) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RigError("the hub did not answer on \(hubURL) within 30 s (see \(directory)/hub.log)")
    }

    /// Enrols the device as the ward's SMS gateway with a code made on the hub, as staff would, and keeps its
    /// token where `careconnect sync` looks for it.
    func enrolDevice() async throws {
        let code = try run(["hub", "enrolment-code", "--database", hubDatabase, "--ward", Self.ward])
        let connection = try HubConnection(baseURL: hubURL, timeout: .seconds(10))
        let response = try await connection.enroll(
            EnrollRequest(enrollmentCode: code, deviceUUID: UUID().uuidString, kind: "sms-gateway", appVersion: "test")
        )
        try DeviceCredentials(deviceID: response.deviceID, ward: response.ward, token: response.token)
            .save(path: DeviceCredentials.path(stateDirectory: state))
    }

    func startGateway() throws {
        try start(
            "smsd",
            [
                "smsd", "--config", "/nonexistent/careconnect.toml", "--state-dir", state, "--modem",
                directory + "/modem", "--log-level", "warning",
            ]
        )
    }

    func startSync() throws {
        try start(
            "sync",
            [
                "sync", "--config", "/nonexistent/careconnect.toml", "--state-dir", state, "--hub", hubURL,
                "--long-poll", "1", "--log-level", "warning",
            ]
        )
    }

    /// Stops a process with SIGTERM, as systemd does, and waits for it.
    func stop(_ name: String) async {
        guard let process = processes[name], process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(15)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    func isRunning(_ name: String) -> Bool { processes[name]?.isRunning == true }

    private func start(_ name: String, _ arguments: [String]) throws {
        let log = directory + "/\(name).log"
        if !FileManager.default.fileExists(atPath: log) {
            _ = FileManager.default.createFile(atPath: log, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        handle.seekToEndOfFile()
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        processes[name] = process
    }

    /// Runs a short careconnect command and returns its standard output.
    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RigError(
                "careconnect \(arguments.prefix(2).joined(separator: " ")) exited \(process.terminationStatus)"
            )
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - The staff side

    /// The ward page as the hub serves it.
    func wardPage() async throws -> String {
        let connection = try HubConnection(baseURL: hubURL, timeout: .seconds(10))
        let answer = try await connection.send("GET", "/wards/Ward%207")
        guard answer.status == 200 else { throw RigError("the ward page answered \(answer.status)") }
        return String(decoding: answer.body, as: UTF8.self)
    }

    /// What headless Chromium saw after loading the ward page (and, with `text`, typing and sending a reply).
    struct BrowserResult: Decodable {
        var url: String
        var text: String
    }

    /// Runs Scripts/staff_reply_chromium.py: Chromium loads the ward page, and with `text` types it into the
    /// reply box of `replyTo`'s row and clicks Send.
    func browser(replyTo: String? = nil, text: String? = nil, screenshot: String) throws -> BrowserResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        var arguments = [
            Self.scripts.appendingPathComponent("staff_reply_chromium.py").path, "--url", wardURL, "--screenshot",
            screenshot,
        ]
        if let replyTo, let text { arguments += ["--reply-to", replyTo, "--text", text] }
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RigError("the browser script failed: \(String(decoding: message, as: UTF8.self))")
        }
        return try JSONDecoder().decode(BrowserResult.self, from: data)
    }

    // MARK: - Helpers

    /// Waits until `condition` holds, polling every 100 ms; throws after `timeout`.
    func wait(
        _ what: String,
        timeout: Duration = .seconds(60),
        _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RigError("timed out after \(timeout) waiting for \(what) (logs in \(directory))")
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw RigError("no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct RigError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
