// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CUdev

/// Finds serial ports through libudev: every device in the `tty` subsystem with a device node, with the USB
/// vendor, product and interface number read from its parents in sysfs (these need no udev database) and
/// the properties our udev rule sets (these do).
public struct UdevModemFinder: ModemFinder {
    private let monitor: UdevDeviceMonitor?

    public init() {
        monitor = UdevDeviceMonitor(subsystem: "tty")
    }

    /// Returns as soon as udev announces a serial port added or removed, or after `timeout`.
    public func waitForChange(upTo timeout: Duration) async throws {
        guard let monitor else {
            try await Task.sleep(for: timeout)
            return
        }
        let changes = await monitor.waitForChanges(timeout: timeout)
        try Task.checkCancellation()
        if !changes.isEmpty {
            // Give udev a moment to finish the rule's symlink and properties for the new port.
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    public func candidates() throws -> [ModemCandidate] {
        guard let udev = udev_new() else {
            throw DiscoveryError("libudev could not start (is /sys mounted?)")
        }
        defer { udev_unref(udev) }
        guard let enumerate = udev_enumerate_new(udev) else {
            throw DiscoveryError("libudev could not enumerate devices")
        }
        defer { udev_enumerate_unref(enumerate) }
        udev_enumerate_add_match_subsystem(enumerate, "tty")
        udev_enumerate_scan_devices(enumerate)

        var result: [ModemCandidate] = []
        var entry = udev_enumerate_get_list_entry(enumerate)
        while let current = entry {
            defer { entry = udev_list_entry_get_next(current) }
            guard let syspath = udev_list_entry_get_name(current),
                let device = udev_device_new_from_syspath(udev, syspath)
            else { continue }
            defer { udev_device_unref(device) }
            guard let node = udev_device_get_devnode(device) else { continue }
            var candidate = ModemCandidate(devnode: String(cString: node))
            if let usb = udev_device_get_parent_with_subsystem_devtype(device, "usb", "usb_device") {
                candidate.vendorID = Self.attribute(usb, "idVendor")?.lowercased()
                candidate.productID = Self.attribute(usb, "idProduct")?.lowercased()
            }
            if let interface = udev_device_get_parent_with_subsystem_devtype(device, "usb", "usb_interface") {
                candidate.interfaceNumber = Self.attribute(interface, "bInterfaceNumber").flatMap { Int($0, radix: 16) }
            }
            candidate.profile = Self.property(device, "CARECONNECT_MODEM_PROFILE")
            candidate.markedByRule = Self.property(device, "CARECONNECT_MODEM") == "1"
            result.append(candidate)
        }
        return result.sorted { $0.devnode < $1.devnode }
    }

    private static func attribute(_ device: OpaquePointer, _ name: String) -> String? {
        udev_device_get_sysattr_value(device, name).map { String(cString: $0).trimmingSpaces() }
    }

    private static func property(_ device: OpaquePointer, _ name: String) -> String? {
        udev_device_get_property_value(device, name).map { String(cString: $0) }
    }
}

/// Device discovery failed.
public struct DiscoveryError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
    }
}
