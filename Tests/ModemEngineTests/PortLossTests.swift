// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import ModemEngine
import Testing

/// A closed or unplugged port is reported as port lost, not as a hang.
@Suite struct PortLossTests {
    /// Commands in flight and queued fail at once, without waiting for their timeouts; the event stream
    /// reports it and ends; run() throws; later commands fail immediately.
    @Test(arguments: chunkSizes)
    func portLossFailsPendingCommandsImmediately(chunkSize: Int) async throws {
        // Given
        let transport = ScriptedTransport(chunkSize: chunkSize)
        let clock = ManualClock()
        let modem = Modem(transport: transport, clock: clock)
        transport.expect("AT+CMGL=4\r", reply: "\r\n+CMGL: 0,1,,22\r\n")

        // When
        async let runError = modemError { try await modem.run() }
        async let listing = modemError { _ = try await modem.listMessages() }
        async let queued = modemError { _ = try await modem.signalQuality() }
        await transport.waitForWrites(1)
        transport.losePort()

        // Then
        #expect(await listing?.code == .portLost)
        #expect(await queued?.code == .portLost)
        var events: [String] = []
        for await event in modem.events { events.append(event.summary) }
        #expect(events == ["portLost(port lost)"])
        #expect(await runError?.code == .portLost)
        #expect(await modemError { try await modem.execute(V250.attention) }?.code == .portLost)
        #expect(clock.now == ManualClock.Instant(offset: .zero))
    }
}
