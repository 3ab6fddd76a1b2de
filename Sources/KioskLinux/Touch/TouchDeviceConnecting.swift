// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Glibc

/// Finds and opens a touchscreen for `EvdevTouchInput`'s reader thread, and waits for one to appear. The real one
/// uses evdev and udev; tests give the reader pipes carrying recorded events.
protocol TouchDeviceConnecting: AnyObject {
    /// The touchscreen, opened and ready to read, or `nil` when there is none now.
    func connect() -> ConnectedTouchDevice?
    /// Blocks until a touchscreen may have appeared or `wake` is signalled.
    func waitForDevice(wake: WakePipe)
}

/// An open touchscreen: a readable, non-blocking descriptor and what the decoder needs to know about it.
struct ConnectedTouchDevice {
    var path: String
    var descriptor: Int32
    var description: TouchDeviceDescription
    /// Where to read the state from after `SYN_DROPPED`.
    var state: any EvdevStateQuerying
    /// The device's udev properties, for its calibration.
    var udevProperties: [String: String]
    /// Keeps the descriptor open while the device is read.
    var owner: AnyObject
}

extension WakePipe {
    /// Blocks until `signal()` is called, or for `milliseconds` when given.
    func wait(milliseconds: Int32 = -1) {
        var descriptor = pollfd(fd: readDescriptor, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, milliseconds) < 0 && errno == EINTR {}
    }
}
