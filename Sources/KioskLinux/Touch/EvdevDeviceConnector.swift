// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Glibc

/// Opens the configured touchscreen, or the first one udev marks `ID_INPUT_TOUCHSCREEN=1`: checks it with
/// libevdev, grabs it and sets its clock to `CLOCK_MONOTONIC`. Waits for a device through a udev monitor on the
/// "input" subsystem and checks every two seconds as well: in a private network namespace (the kiosk's unit) udev's
/// announcements never arrive, though the monitor opens.
final class EvdevDeviceConnector: TouchDeviceConnecting {
    private let devicePath: String?
    private let log: @Sendable (String) -> Void
    private let monitor: InputHotplugMonitor?
    private var lastProblem: String?

    init(devicePath: String?, log: @escaping @Sendable (String) -> Void) {
        self.devicePath = devicePath
        self.log = log
        self.monitor = InputHotplugMonitor()
        if monitor == nil { log("touch input: udev events unavailable; checking for the touchscreen every 2 s") }
    }

    func connect() -> ConnectedTouchDevice? {
        guard let path = devicePath ?? TouchscreenFinder.touchscreens().first?.path else {
            report("touch input: no touchscreen found; waiting for one")
            return nil
        }
        do {
            let device = try EvdevDevice(path: path)
            try device.grab()
            do {
                try device.useMonotonicClock()
            } catch {
                log("touch input: \(error); timestamps use the kernel's default clock")
            }
            lastProblem = nil
            return ConnectedTouchDevice(
                path: path,
                descriptor: device.descriptor,
                description: device.description,
                state: device,
                udevProperties: TouchscreenFinder.properties(forDevicePath: path),
                owner: device
            )
        } catch {
            report("touch input: \(error)")
            return nil
        }
    }

    /// Logs a problem once, not every time the same retry fails.
    private func report(_ problem: String) {
        if problem != lastProblem { log(problem) }
        lastProblem = problem
    }

    /// How long to wait for an announcement before looking anyway, in milliseconds.
    private static let lookInterval: Int32 = 2000

    func waitForDevice(wake: WakePipe) {
        guard let monitor else {
            wake.wait(milliseconds: Self.lookInterval)
            return
        }
        var descriptors = [
            pollfd(fd: wake.readDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: monitor.descriptor, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            descriptors[1].revents = 0
            let ready = poll(&descriptors, 2, Self.lookInterval)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 || descriptors[0].revents != 0 { return }
            if monitor.drain() { return }
        }
    }
}
