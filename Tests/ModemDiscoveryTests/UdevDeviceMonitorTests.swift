// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ModemDiscovery
import Testing

/// Waiting for a modem to be plugged in.
@Suite(.timeLimit(.minutes(1))) struct UdevDeviceMonitorTests {
    /// Should return after the timeout when no serial port is added or removed (udev may be silent here).
    @Test func waitForChangeEndsAtItsTimeout() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        try await UdevModemFinder().waitForChange(upTo: .milliseconds(300))
        let elapsed = clock.now - started
        #expect(elapsed < .seconds(5))
    }

    /// Should open a netlink monitor where udev's socket family is available, and report no change when quiet.
    @Test func monitorReportsNothingWhenQuiet() async throws {
        guard let monitor = UdevDeviceMonitor(subsystem: "tty") else { return }
        #expect(monitor.fileDescriptor >= 0)
        let changes = await monitor.waitForChanges(timeout: .milliseconds(100))
        #expect(changes.allSatisfy { !$0.action.isEmpty })
    }

    /// Should let a cancelled wait end promptly rather than sleep on.
    @Test func cancelledWaitEnds() async throws {
        let task = Task { try await StaticModemFinder([]).waitForChange(upTo: .seconds(30)) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
