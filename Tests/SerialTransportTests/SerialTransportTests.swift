// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Glibc
import ModemEngine
import SerialTransport
import Testing

/// The serial transport on a real pseudo-terminal pair.
@Suite struct SerialTransportTests {
    /// Commands reach the "modem" on the master side and its answers come back through the engine.
    @Test func bytesFlowBothWays() async throws {
        // Given
        let terminal = try PseudoTerminal()
        let transport = try await SerialTransport.open(path: terminal.slavePath)
        let modem = Modem(transport: transport)

        // When
        let manufacturer = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await modem.run() }
            group.addTask { await terminal.serve(["AT": "\r\nOK\r\n", "AT+CGMI": "\r\nQuectel\r\n\r\nOK\r\n"]) }
            try await modem.execute(V250.attention)
            let manufacturer = try await CGMI.parseExecResponse(modem.execute(CGMI.execute).lines)
            group.cancelAll()
            return manufacturer
        }

        // Then
        #expect(manufacturer == "Quectel")
        #expect(terminal.commands == ["AT", "AT+CGMI"])
    }

    /// Closing the master side makes the slave read EIO: the waiting command fails with port lost at
    /// once, long before its timeout, and run() throws port lost.
    @Test func closedPeerIsPortLost() async throws {
        // Given
        let terminal = try PseudoTerminal()
        let transport = try await SerialTransport.open(path: terminal.slavePath)
        let modem = Modem(transport: transport, configuration: ModemConfiguration(defaultTimeout: .seconds(30)))
        let clock = ContinuousClock()

        // When
        let (commandError, runError, elapsed) = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await terminal.serve([:]) }
            async let run = Self.modemError { try await modem.run() }
            async let command = Self.modemError { try await modem.execute(CSQ.execute) }
            while terminal.commands.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
            let start = clock.now
            terminal.closeMaster()
            let commandError = await command
            let elapsed = start.duration(to: clock.now)
            group.cancelAll()
            return (commandError, await run, elapsed)
        }

        // Then
        #expect(commandError?.code == .portLost)
        #expect(runError?.code == .portLost)
        #expect(elapsed < .seconds(2))
    }

    /// The inbound stream itself throws port lost when the peer goes away.
    @Test func inboundThrowsPortLost() async throws {
        // Given
        let terminal = try PseudoTerminal()
        let transport = try await SerialTransport.open(path: terminal.slavePath)
        terminal.send("\r\nRDY\r\n")

        // When
        var chunks = 0
        var thrown: (any Error)?
        do {
            for try await _ in transport.inbound {
                chunks += 1
                terminal.closeMaster()
            }
        } catch {
            thrown = error
        }

        // Then
        #expect(chunks >= 1)
        #expect((thrown as? ModemError)?.code == .portLost)
        await transport.close()
    }

    /// A second open of a claimed port fails with "device busy".
    @Test func exclusiveOpen() async throws {
        // Given
        let terminal = try PseudoTerminal()
        let first = try await SerialTransport.open(path: terminal.slavePath)

        // When
        let error = await Self.serialError { _ = try await SerialTransport.open(path: terminal.slavePath) }

        // Then
        #expect(error?.code == .deviceBusy)
        #expect(error?.message.contains("another process") == true)
        await first.close()
    }

    /// The speed, 8N1 raw mode, CLOCAL/CREAD and RTS/CTS are applied to the terminal.
    @Test(arguments: [
        SerialPortConfiguration.BaudRate.b9600, .b115200, .b921600,
    ])
    func appliesSettings(baudRate: SerialPortConfiguration.BaudRate) async throws {
        // Given
        let terminal = try PseudoTerminal()
        let observer = open(terminal.slavePath, O_RDWR | O_NOCTTY | O_NONBLOCK)
        defer { close(observer) }
        let configuration = SerialPortConfiguration(baudRate: baudRate, hardwareFlowControl: true)

        // When
        let transport = try await SerialTransport.open(path: terminal.slavePath, configuration: configuration)
        var settings = termios()
        let result = tcgetattr(observer, &settings)

        // Then
        #expect(result == 0)
        let expected: [SerialPortConfiguration.BaudRate: speed_t] = [
            .b9600: speed_t(B9600), .b115200: speed_t(B115200), .b921600: speed_t(B921600),
        ]
        #expect(cfgetospeed(&settings) == expected[baudRate])
        #expect(cfgetispeed(&settings) == expected[baudRate])
        #expect(settings.c_cflag & tcflag_t(CSIZE) == tcflag_t(CS8))
        #expect(settings.c_cflag & tcflag_t(PARENB | CSTOPB) == 0)
        #expect(settings.c_cflag & tcflag_t(CLOCAL | CREAD) == tcflag_t(CLOCAL | CREAD))
        #expect(settings.c_cflag & tcflag_t(CRTSCTS) != 0)
        #expect(settings.c_lflag & tcflag_t(ICANON | ECHO) == 0)
        await transport.close()
    }

    /// Opening fails with a clear error for a missing device, a non-terminal and an unsupported speed.
    @Test func clearOpenErrors() async {
        let missing = await Self.serialError { _ = try await SerialTransport.open(path: "/dev/careconnect-no-modem") }
        #expect(missing?.code == .noSuchDevice)
        #expect(missing?.message.contains("plugged in") == true)

        let notTerminal = await Self.serialError { _ = try await SerialTransport.open(path: "/dev/null") }
        #expect(notTerminal?.code == .notATerminal)

        let slow = SerialPortConfiguration(baudRate: SerialPortConfiguration.BaudRate(rawValue: 1234))
        let unsupported = await Self.serialError {
            _ = try await SerialTransport.open(path: "/dev/null", configuration: slow)
        }
        #expect(unsupported?.code == .unsupportedBaudRate)
    }

    private static func modemError(_ body: () async throws -> Void) async -> ModemError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? ModemError
        }
    }

    private static func serialError(_ body: () async throws -> Void) async -> SerialPortError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? SerialPortError
        }
    }
}
