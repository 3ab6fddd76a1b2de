// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension SystemdNotifier {
    /// Sends `WATCHDOG=1` every ``watchdogInterval`` (half of `$WATCHDOG_USEC`) until the task is cancelled.
    ///
    /// Returns at once when systemd set no watchdog for this process. For services whose loops block for long,
    /// legitimate waits (a long poll, a backoff of minutes), so that the keepalive proves the process and its
    /// executor are alive rather than that one loop turned.
    public func sendKeepalives() async {
        guard let interval = watchdogInterval else { return }
        while !Task.isCancelled {
            try? watchdog()
            do {
                try await Task.sleep(for: .seconds(interval))
            } catch {
                return
            }
        }
    }
}
