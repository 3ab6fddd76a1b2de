// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Glibc

/// `CLOCK_MONOTONIC` as a `Duration` since the machine started: the kiosk's one clock for timers and taps.
///
/// evdev stamps touch events on this clock (the reader selects it with `EVIOCSCLOCKID`), and Dispatch's
/// `DispatchTime` counts on it too, so deadlines, taps and wake-ups agree.
public enum MonotonicTime {
    public static func now() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return .seconds(Int64(spec.tv_sec)) + .nanoseconds(Int64(spec.tv_nsec))
    }

    /// Nanoseconds of a monotonic time, for `DispatchTime(uptimeNanoseconds:)`.
    static func nanoseconds(_ time: Duration) -> UInt64 {
        let (seconds, attoseconds) = time.components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
