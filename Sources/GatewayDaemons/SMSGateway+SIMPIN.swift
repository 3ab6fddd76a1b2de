// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Logging
import ModemEngine
import ServiceSupport

extension SMSGateway {
    /// After the SIM refused the configured PIN (now or in an earlier run), or has too few attempts left to
    /// risk it: reports it, then waits ``GatewaySettings/simRecheckInterval`` before the next session looks
    /// at the SIM again. The engine never enters a refused PIN again, so the waits only watch for the SIM
    /// being unblocked or replaced; the service stays up rather than crash-looping, and keeps the watchdog fed.
    func holdAfterSIMPINRefusal(_ error: ModemError, reported: inout String?) async throws {
        if reported != error.message {
            logger.error("\(error.message)")
            reported = error.message
        } else {
            logger.debug("SIM PIN still refused; waiting", metadata: ["error": "\(error.message)"])
        }
        try? notifier.status(error.message)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(settings.simRecheckInterval)
        while clock.now < deadline {
            if notifier.watchdogInterval != nil {
                try? notifier.watchdog()
            }
            do {
                try await Task.sleep(until: min(deadline, clock.now + .seconds(1)))
            } catch {
                return  // a graceful shutdown: the run loop ends and the service stops cleanly
            }
        }
    }
}
