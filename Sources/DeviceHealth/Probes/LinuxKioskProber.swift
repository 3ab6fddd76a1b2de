// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import KioskLinux
import KioskUI

/// The real screen and touchscreen: the framebuffer's ioctls and udev.
public struct LinuxKioskProber: KioskProber {
    public init() {}

    public func framebuffer(path: String) -> Result<(width: Int, height: Int), KioskProbeError> {
        guard FileManager.default.fileExists(atPath: path) else {
            return .failure(KioskProbeError("\(path) does not exist"))
        }
        do {
            let control = try LinuxFramebufferControl(path: path)
            let info = try control.screenInfo()
            return .success((info.visibleSize.width, info.visibleSize.height))
        } catch {
            return .failure(KioskProbeError("\(error)"))
        }
    }

    public func touchscreen(configuredPath: String) -> (path: String, calibrated: Bool)? {
        if !configuredPath.isEmpty {
            guard FileManager.default.fileExists(atPath: configuredPath) else { return nil }
            let properties = TouchscreenFinder.properties(forDevicePath: configuredPath)
            return (configuredPath, properties["LIBINPUT_CALIBRATION_MATRIX"] != nil)
        }
        guard let found = TouchscreenFinder.touchscreens().first else { return nil }
        return (found.path, found.properties["LIBINPUT_CALIBRATION_MATRIX"] != nil)
    }
}
