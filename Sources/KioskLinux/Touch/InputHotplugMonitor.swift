// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CUdev
import Glibc

/// A udev monitor for the "input" subsystem: its descriptor becomes readable when an input device is added or
/// removed, so a reader waiting for an unplugged touchscreen can sleep in `poll(2)` until one comes back.
final class InputHotplugMonitor {
    private let udev: OpaquePointer
    private let monitor: OpaquePointer
    /// The descriptor to poll for readability.
    let descriptor: Int32

    /// A monitor, or `nil` when udev events are not available (as in some containers).
    init?() {
        guard let udev = udev_new() else { return nil }
        guard let monitor = udev_monitor_new_from_netlink(udev, "udev") else {
            udev_unref(udev)
            return nil
        }
        guard udev_monitor_filter_add_match_subsystem_devtype(monitor, "input", nil) >= 0,
            udev_monitor_enable_receiving(monitor) >= 0
        else {
            udev_monitor_unref(monitor)
            udev_unref(udev)
            return nil
        }
        self.udev = udev
        self.monitor = monitor
        self.descriptor = udev_monitor_get_fd(monitor)
    }

    deinit {
        udev_monitor_unref(monitor)
        udev_unref(udev)
    }

    /// Reads and discards the pending udev events; returns whether any was an "add".
    func drain() -> Bool {
        var added = false
        while let device = udev_monitor_receive_device(monitor) {
            if let action = udev_device_get_action(device), String(cString: action) == "add" { added = true }
            udev_device_unref(device)
        }
        return added
    }
}
