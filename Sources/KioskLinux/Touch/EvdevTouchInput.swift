// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Glibc
public import KioskUI

/// Touches from a real touchscreen (`/dev/input/eventN`).
///
/// Each call to `frames()` starts a reader thread that finds the touchscreen (the configured path, or the first
/// device udev marks `ID_INPUT_TOUCHSCREEN=1`), checks its capabilities with libevdev, grabs it (`EVIOCGRAB`),
/// asks for `CLOCK_MONOTONIC` timestamps and feeds its events to an `EvdevTouchDecoder`. The calibration is the
/// configured one, else the device's `LIBINPUT_CALIBRATION_MATRIX` udev property, else none; the panel's rotation
/// is applied after it.
///
/// If the device is unplugged (`ENODEV`), fingers still down are released and the reader waits for an input
/// device to be added (a udev monitor, or every two seconds if udev events are unavailable), then opens it again.
/// The thread sleeps in `poll(2)` whenever there is nothing to read, and stops when the stream is cancelled or
/// its consumer goes away.
public struct EvdevTouchInput: TouchInput {
    /// The device path, or `nil` to find the touchscreen through udev.
    public var devicePath: String?
    /// The calibration, or `nil` to use the device's udev property.
    public var calibration: CalibrationMatrix?
    public var rotation: Rotation
    /// Receives one line for each notable event (device opened, lost, not usable), for the service's log.
    public var log: @Sendable (String) -> Void

    public init(
        devicePath: String? = nil,
        calibration: CalibrationMatrix? = nil,
        rotation: Rotation = .none,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.devicePath = devicePath
        self.calibration = calibration
        self.rotation = rotation
        self.log = log
    }

    public func frames() -> AsyncStream<TouchFrame> {
        let (stream, continuation) = AsyncStream.makeStream(of: TouchFrame.self, bufferingPolicy: .bufferingNewest(512))
        let wake: WakePipe
        do {
            wake = try WakePipe()
        } catch {
            log("touch input cannot start: \(SystemErrorText.describe(error.errno))")
            continuation.finish()
            return stream
        }
        continuation.onTermination = { _ in wake.signal() }
        let input = self
        let thread = Thread {
            input.readUntilWoken(wake: wake) { continuation.yield($0) }
            continuation.finish()
        }
        thread.name = "touch input"
        thread.start()
        return stream
    }

    private func readUntilWoken(wake: WakePipe, deliver: (TouchFrame) -> Void) {
        let monitor = InputHotplugMonitor()
        if monitor == nil { log("touch input: udev events unavailable; checking for the touchscreen every 2 s") }
        while !wake.isSignalled {
            if let device = openDevice() {
                let properties = TouchscreenFinder.properties(forDevicePath: device.path)
                let matrix = TouchCalibration.matrix(configured: calibration, udevProperties: properties)
                var decoder = EvdevTouchDecoder(device: device.description, calibration: matrix, rotation: rotation)
                log("touch input: reading \(device.path) (\(device.description.name))")
                let pump = EvdevEventPump(descriptor: device.descriptor, wakeDescriptor: wake.readDescriptor)
                switch pump.run(decoder: &decoder, state: device, deliver: deliver) {
                case .woken:
                    return
                case .deviceGone(let systemError):
                    log(
                        "touch input: lost \(device.path)"
                            + (systemError.map { " (\(SystemErrorText.describe($0)))" } ?? "")
                    )
                }
            }
            waitForHotplug(monitor: monitor, wake: wake)
        }
    }

    private func openDevice() -> EvdevDevice? {
        guard let path = devicePath ?? TouchscreenFinder.touchscreens().first?.path else { return nil }
        do {
            let device = try EvdevDevice(path: path)
            try device.grab()
            do {
                try device.useMonotonicClock()
            } catch {
                log("touch input: \(error); timestamps use the kernel's default clock")
            }
            return device
        } catch {
            log("touch input: \(error)")
            return nil
        }
    }

    private func waitForHotplug(monitor: InputHotplugMonitor?, wake: WakePipe) {
        var descriptors = [pollfd(fd: wake.readDescriptor, events: Int16(POLLIN), revents: 0)]
        if let monitor { descriptors.append(pollfd(fd: monitor.descriptor, events: Int16(POLLIN), revents: 0)) }
        while true {
            let ready = poll(&descriptors, nfds_t(descriptors.count), monitor == nil ? 2000 : -1)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 || descriptors[0].revents != 0 { return }
            if let monitor, monitor.drain() { return }
            descriptors[1].revents = 0
        }
    }
}
