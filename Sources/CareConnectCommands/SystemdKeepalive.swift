// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ServiceLifecycle
import ServiceSupport

/// The systemd side of a service whose own loops may block for long (a long poll, a server's accept loop): sends
/// `WATCHDOG=1` at half `$WATCHDOG_USEC` while the service group runs and `STOPPING=1` as soon as graceful shutdown
/// begins. Does nothing outside systemd. Put it last in the group, so it stops first.
struct SystemdKeepalive: Service {
    let notifier: SystemdNotifier

    func run() async throws {
        guard notifier.socketPath != nil else { return }
        await withGracefulShutdownHandler {
            await cancelWhenGracefulShutdown {
                await notifier.sendKeepalives()
                // No watchdog: stay until shutdown, to say STOPPING then.
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(3_600))
                }
            }
        } onGracefulShutdown: { [notifier] in
            try? notifier.stopping()
        }
    }

    /// Its place in a service group: returning (outside systemd) does not end the group.
    var configuration: ServiceGroupConfiguration.ServiceConfiguration {
        .init(service: self, successTerminationBehavior: .ignore)
    }
}
