// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration

extension DeviceDoctor {
    func kioskChecks(_ configuration: DeviceConfiguration) -> [HealthCheck] {
        let settings = configuration.kiosk
        var checks: [HealthCheck] = []
        switch kiosk.framebuffer(path: settings.framebuffer) {
        case .success(let size):
            checks.append(
                HealthCheck(
                    id: "kiosk.screen",
                    .ok,
                    "Screen found: \(settings.framebuffer), \(size.width)×\(size.height)"
                )
            )
        case .failure(let error):
            checks.append(
                HealthCheck(
                    id: "kiosk.screen",
                    .warning,
                    "No screen: \(error) (fine on an SMS-only device)",
                    fix: "check the screen's cable and power; check [kiosk] framebuffer"
                )
            )
        }
        guard let touch = kiosk.touchscreen(configuredPath: settings.touch) else {
            checks.append(
                HealthCheck(
                    id: "kiosk.touch",
                    .warning,
                    "No touchscreen found (fine on an SMS-only device)",
                    fix: "check the touchscreen's USB lead; check [kiosk] touch"
                )
            )
            return checks
        }
        checks.append(HealthCheck(id: "kiosk.touch", .ok, "Touchscreen found: \(touch.path)"))
        if !settings.calibration.isEmpty {
            checks.append(HealthCheck(id: "kiosk.calibration", .ok, "Touch calibration set in [kiosk] calibration"))
        } else if touch.calibrated {
            checks.append(HealthCheck(id: "kiosk.calibration", .ok, "Touch calibration set by udev"))
        } else {
            checks.append(
                HealthCheck(
                    id: "kiosk.calibration",
                    .warning,
                    "No touch calibration: touches may land off target if the screen is rotated or mirrored",
                    fix: "touch the four corners on the staff screen's test page; set [kiosk] calibration if they miss"
                )
            )
        }
        return checks
    }
}
