// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Where touches come from: evdev on a ward, recorded or scripted frames in tests.
public protocol TouchInput: Sendable {
    /// One frame per `SYN_REPORT` (or per re-sync after `SYN_DROPPED`), until the input is closed.
    func frames() -> AsyncStream<TouchFrame>
}

/// Every finger on the panel at one instant.
public struct TouchFrame: Hashable, Sendable {
    /// The contacts currently down; empty when the last finger lifted.
    public var contacts: [TouchContact]
    /// Monotonic time of the frame (`CLOCK_MONOTONIC`), since an arbitrary origin.
    public var timestamp: Duration

    public init(contacts: [TouchContact], timestamp: Duration) {
        self.contacts = contacts
        self.timestamp = timestamp
    }
}

/// One finger: a tracking identity and a position already calibrated and rotated into the UI's logical screen,
/// normalised so that (0, 0) is the top-left corner and (1, 1) the bottom-right.
public struct TouchContact: Hashable, Sendable {
    public var id: Int
    public var x: Double
    public var y: Double

    public init(id: Int, x: Double, y: Double) {
        self.id = id
        self.x = x
        self.y = y
    }
}
