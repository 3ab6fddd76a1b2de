// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation

/// Where the state machine gets identifiers and wall-clock time, injected so that tests are deterministic.
public struct KioskEnvironment: Sendable {
    /// Makes the identifier of each new response.
    public var makeID: @Sendable () -> UUID
    /// The current wall-clock instant, for the response's timestamps.
    public var wallClock: @Sendable () -> Date
    /// The ward's time zone, for the local timestamp and UTC offset.
    public var timeZone: TimeZone

    public init(
        makeID: @escaping @Sendable () -> UUID,
        wallClock: @escaping @Sendable () -> Date,
        timeZone: TimeZone
    ) {
        self.makeID = makeID
        self.wallClock = wallClock
        self.timeZone = timeZone
    }

    /// Random identifiers, the system clock and the system time zone.
    public static var live: KioskEnvironment {
        KioskEnvironment(makeID: { UUID() }, wallClock: { Date() }, timeZone: .current)
    }
}
