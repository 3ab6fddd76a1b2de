// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CUdev
import Glibc

/// Finds touchscreens and their udev properties through libudev.
public enum TouchscreenFinder {
    /// A touchscreen udev knows about.
    public struct Found: Hashable, Sendable {
        /// The device node, such as `/dev/input/event3`.
        public var path: String
        /// The device's udev properties (`ID_INPUT_TOUCHSCREEN`, `LIBINPUT_CALIBRATION_MATRIX`…).
        public var properties: [String: String]
    }

    /// Every `/dev/input/event*` device udev marked `ID_INPUT_TOUCHSCREEN=1`, sorted by path.
    public static func touchscreens() -> [Found] {
        guard let udev = udev_new() else { return [] }
        defer { udev_unref(udev) }
        guard let enumerate = udev_enumerate_new(udev) else { return [] }
        defer { udev_enumerate_unref(enumerate) }
        udev_enumerate_add_match_subsystem(enumerate, "input")
        udev_enumerate_add_match_property(enumerate, "ID_INPUT_TOUCHSCREEN", "1")
        udev_enumerate_add_match_sysname(enumerate, "event*")
        udev_enumerate_scan_devices(enumerate)
        var found: [Found] = []
        var entry = udev_enumerate_get_list_entry(enumerate)
        while let current = entry {
            defer { entry = udev_list_entry_get_next(current) }
            guard let syspath = udev_list_entry_get_name(current),
                let device = udev_device_new_from_syspath(udev, syspath)
            else { continue }
            defer { udev_device_unref(device) }
            guard let node = udev_device_get_devnode(device) else { continue }
            found.append(Found(path: String(cString: node), properties: properties(of: device)))
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The udev properties of the character device at `path`, or none if udev does not know it.
    public static func properties(forDevicePath path: String) -> [String: String] {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFCHR else { return [:] }
        guard let udev = udev_new() else { return [:] }
        defer { udev_unref(udev) }
        guard let device = udev_device_new_from_devnum(udev, CChar(UInt8(ascii: "c")), status.st_rdev) else {
            return [:]
        }
        defer { udev_device_unref(device) }
        return properties(of: device)
    }

    private static func properties(of device: OpaquePointer) -> [String: String] {
        var properties: [String: String] = [:]
        var entry = udev_device_get_properties_list_entry(device)
        while let current = entry {
            defer { entry = udev_list_entry_get_next(current) }
            guard let name = udev_list_entry_get_name(current) else { continue }
            properties[String(cString: name)] = udev_list_entry_get_value(current).map { String(cString: $0) } ?? ""
        }
        return properties
    }
}
