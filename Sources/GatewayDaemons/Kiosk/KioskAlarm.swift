// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Dispatch
import Synchronization

/// One wake-up at a monotonic deadline, moved whenever the kiosk's earliest timer changes.
///
/// A Dispatch timer on `CLOCK_MONOTONIC` rather than a sleeping task: setting a new deadline simply moves it,
/// and with no deadline nothing wakes at all (an idle kiosk costs no CPU).
final class KioskAlarm: @unchecked Sendable {  // The timer source is only rescheduled under the lock.
    private let timer: any DispatchSourceTimer
    private let armed = Mutex(false)

    /// Calls `fire` on a private queue each time a deadline passes.
    init(fire: @escaping @Sendable () -> Void) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "careconnect.kiosk.alarm"))
        timer.setEventHandler(handler: fire)
        timer.schedule(deadline: .distantFuture, repeating: .never)
        timer.activate()
    }

    deinit {
        timer.cancel()
    }

    /// Wakes at `deadline` (monotonic), or never when nil.
    func set(_ deadline: Duration?) {
        armed.withLock { armed in
            if let deadline {
                timer.schedule(
                    deadline: DispatchTime(uptimeNanoseconds: max(1, MonotonicTime.nanoseconds(deadline))),
                    repeating: .never,
                    leeway: .milliseconds(5)
                )
                armed = true
            } else if armed {
                timer.schedule(deadline: .distantFuture, repeating: .never)
                armed = false
            }
        }
    }
}
