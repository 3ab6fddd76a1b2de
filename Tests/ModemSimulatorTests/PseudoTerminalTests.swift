// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Glibc
import ModemSimulator
import Testing

@Suite("Simulator on a pseudo-terminal")
struct PseudoTerminalTests {
    static func configuration(profile: VendorProfile = .generic) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(profile: profile)
        configuration.bootDelay = .milliseconds(50)
        return configuration
    }

    static func startedHost(
        _ configuration: SimulatorConfiguration = configuration(),
        options: ModemSimulatorHost.Options = ModemSimulatorHost.Options()
    ) async throws -> ModemSimulatorHost {
        let host = try ModemSimulatorHost(configuration: configuration, options: options)
        try await ModemSimulatorHostWaiting.waitUntil { host.isReady }
        return host
    }

    @Test func realConversation() async throws {
        let host = try await Self.startedHost()
        defer { host.shutdown() }
        #expect(host.devicePath.hasPrefix("/dev/pts/"))
        let port = try SlavePort(path: host.devicePath)
        port.write("AT\r")
        #expect(try port.read(until: "OK\r\n") == "AT\r\r\nOK\r\n")
        port.write("ATE0\r")
        _ = try port.read(until: "OK\r\n")
        try host.inject(InjectedMessage(from: "+447700900123", text: "Hello from the ward"))
        #expect(try port.read(until: "\r\n+CMTI: \"SM\",1\r\n") == "\r\n+CMTI: \"SM\",1\r\n")
        port.write("AT+CMGL=4\r")
        let listing = try port.read(until: "OK\r\n")
        #expect(listing.hasPrefix("\r\n+CMGL: 1,0,,"))
        #expect(host.status.storage["SM"]?.used == 1)
    }

    /// gammu opens and closes the port several times: the simulator keeps serving.
    @Test func closeAndReopenTheSlave() async throws {
        let host = try await Self.startedHost()
        defer { host.shutdown() }
        do {
            let port = try SlavePort(path: host.devicePath)
            port.write("ATE0\r")
            _ = try port.read(until: "OK\r\n")
        }
        try await Task.sleep(for: .milliseconds(100))
        let port = try SlavePort(path: host.devicePath)
        port.write("AT+CSQ\r")
        #expect(try port.read(until: "OK\r\n") == "\r\n+CSQ: 20,99\r\n\r\nOK\r\n")
    }

    /// Closing the port is what an unplugged modem looks like: the slave is hung up (poll reports POLLHUP, read
    /// returns end of file, write fails with EIO), then a new port appears behind the link.
    @Test func portClosureGivesEIO() async throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let link = directory + "/modem0"
        let host = try await Self.startedHost(options: ModemSimulatorHost.Options(linkPath: link))
        defer { host.shutdown() }
        let firstPath = host.devicePath
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == firstPath)
        let port = try SlavePort(path: link)
        port.write("AT\r")
        _ = try port.read(until: "OK\r\n")
        host.apply(.closePort(reopenAfter: .milliseconds(300)))
        #expect(port.readOnce(timeout: .seconds(2)) == 0)
        #expect(port.pollEvents() & Int16(POLLHUP) != 0)
        #expect(port.writeResult("AT\r") == -Int(EIO))
        try await ModemSimulatorHostWaiting.waitUntil { host.devicePath != "" && host.isReady }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == host.devicePath)
        let again = try SlavePort(path: link)
        again.write("AT\r")
        #expect(try again.read(until: "OK\r\n").hasSuffix("\r\nOK\r\n"))
    }

    @Test func slowLine() async throws {
        let host = try await Self.startedHost()
        defer { host.shutdown() }
        let port = try SlavePort(path: host.devicePath)
        host.apply(.lineRate(baud: 1200))
        let start = ContinuousClock.now
        port.write("AT+CGMI\r")
        let response = try port.read(until: "OK\r\n")
        let elapsed = ContinuousClock.now - start
        // 120 bytes per second.
        #expect(response.utf8.count == 30)
        #expect(elapsed >= .milliseconds(200))
    }

    @Test func controlSocket() async throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let socketPath = directory + "/control"
        let logPath = directory + "/traffic.log"
        let host = try await Self.startedHost(
            options: ModemSimulatorHost.Options(controlSocketPath: socketPath, logFilePath: logPath)
        )
        let client = try ControlClient(path: socketPath)
        #expect(try client.send(#"inject {"from":"+447700900123","text":"Hi 😀"}"#) == ["ok injected 1 part"])
        #expect(try client.send("fault drop-urc on") == ["ok fault drop-urc on"])
        #expect(try client.send("fault explode") == ["error unknown fault 'explode'"])
        #expect(try client.send("inject {\"text\":\"x\"}") == ["error not a message: missing \"from\""])
        let status = try client.send("status")
        #expect(status.count == 1)
        #expect(status[0].hasPrefix("ok {"))
        #expect(status[0].contains("\"SM\":{\"capacity\":30,\"unread\":1,\"used\":1}"))
        #expect(try client.send("sent") == ["ok 0 sent"])
        #expect(try client.send("bogus") == ["error unknown command 'bogus'"])
        host.shutdown()
        #expect(!FileManager.default.fileExists(atPath: socketPath))
        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(log.contains("-- message from +447700900123 arrives (1 part)"))
    }
}

/// A line-oriented client of the control socket.
struct ControlClient: ~Copyable {
    let descriptor: Int32

    init(path: String) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: Array(path.utf8) + [0])
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else { throw SlavePort.Failure(description: "connect: errno \(errno)") }
        self.descriptor = descriptor
    }

    deinit {
        close(self.descriptor)
    }

    /// Sends one command and returns the reply lines up to the one starting with `ok` or `error`.
    func send(_ command: String) throws -> [String] {
        let bytes = Array((command + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(self.descriptor, $0.baseAddress, $0.count) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let lines = String(decoding: received, as: UTF8.self).split(separator: "\n").map(String.init)
            if received.last == 0x0A, let last = lines.last, last.hasPrefix("ok") || last.hasPrefix("error") {
                return lines
            }
            var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 5000) > 0 else { throw SlavePort.Failure(description: "no reply") }
            let count = read(self.descriptor, &buffer, buffer.count)
            guard count > 0 else { throw SlavePort.Failure(description: "closed") }
            received += buffer[..<count]
        }
    }
}
