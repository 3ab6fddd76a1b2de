// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CUdev
import Dispatch
import Glibc
import Synchronization

/// Tells when devices of one subsystem are added or removed, from udev's netlink announcements, so a daemon
/// waiting for its modem reacts to it being plugged in at once rather than at its next look.
///
/// Without udevd (a container, an early boot) no announcement comes; waits then simply last their full timeout,
/// which keeps the caller's periodic look as the fallback.
public final class UdevDeviceMonitor: Sendable {
    private struct Handles: @unchecked Sendable {
        var udev: OpaquePointer
        var monitor: OpaquePointer
    }

    private let handles: Mutex<Handles?>
    /// The netlink socket, or -1 when no monitor could be made.
    public let fileDescriptor: Int32

    /// A monitor for `subsystem` (`"tty"` for serial ports, `"input"` for touchscreens); `nil` when libudev
    /// cannot make one.
    public init?(subsystem: String) {
        guard let udev = udev_new() else { return nil }
        guard let monitor = udev_monitor_new_from_netlink(udev, "udev") else {
            udev_unref(udev)
            return nil
        }
        udev_monitor_filter_add_match_subsystem_devtype(monitor, subsystem, nil)
        guard udev_monitor_enable_receiving(monitor) == 0 else {
            udev_monitor_unref(monitor)
            udev_unref(udev)
            return nil
        }
        fileDescriptor = udev_monitor_get_fd(monitor)
        handles = Mutex(Handles(udev: udev, monitor: monitor))
    }

    deinit {
        handles.withLock { handles in
            if let current = handles {
                udev_monitor_unref(current.monitor)
                udev_unref(current.udev)
            }
            handles = nil
        }
    }

    /// A device change udev announced.
    public struct Change: Hashable, Sendable {
        /// `add`, `remove`, `change`, `bind`…
        public var action: String
        /// The device node, such as `/dev/ttyUSB2`, when it has one.
        public var devnode: String?
    }

    /// Waits up to `timeout` for announcements and returns those that came (empty after a quiet timeout).
    public func waitForChanges(timeout: Duration) async -> [Change] {
        let milliseconds = Int32(
            clamping: timeout.components.seconds * 1_000 + timeout.components.attoseconds / 1_000_000_000_000_000
        )
        let fd = fileDescriptor
        let ready: Bool = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                continuation.resume(returning: poll(&entry, 1, milliseconds) > 0)
            }
        }
        guard ready else { return [] }
        return handles.withLock { handles in
            guard let monitor = handles?.monitor else { return [] }
            var changes: [Change] = []
            while let device = udev_monitor_receive_device(monitor) {
                defer { udev_device_unref(device) }
                changes.append(
                    Change(
                        action: udev_device_get_action(device).map { String(cString: $0) } ?? "change",
                        devnode: udev_device_get_devnode(device).map { String(cString: $0) }
                    )
                )
            }
            return changes
        }
    }
}
