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
        let devicePath = devicePath
        let log = log
        return frames { EvdevDeviceConnector(devicePath: devicePath, log: log) }
    }

    /// The frames from the devices `makeConnector`'s connector opens, read on a thread of their own.
    func frames(
        connectingWith makeConnector: @escaping @Sendable () -> any TouchDeviceConnecting
    )
        -> AsyncStream<TouchFrame>
    {
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
            input.readUntilWoken(connector: makeConnector(), wake: wake) { continuation.yield($0) }
            continuation.finish()
        }
        thread.name = "touch input"
        thread.start()
        return stream
    }

    private func readUntilWoken(
        connector: any TouchDeviceConnecting,
        wake: WakePipe,
        deliver: (TouchFrame) -> Void
    ) {
        while !wake.isSignalled {
            if let device = connector.connect() {
                let matrix = TouchCalibration.matrix(configured: calibration, udevProperties: device.udevProperties)
                var decoder = EvdevTouchDecoder(device: device.description, calibration: matrix, rotation: rotation)
                log("touch input: reading \(device.path) (\(device.description.name))")
                let pump = EvdevEventPump(descriptor: device.descriptor, wakeDescriptor: wake.readDescriptor)
                let ending = pump.run(decoder: &decoder, state: device.state, deliver: deliver)
                withExtendedLifetime(device.owner) {}
                switch ending {
                case .woken:
                    return
                case .deviceGone(let systemError):
                    log(
                        "touch input: lost \(device.path)"
                            + (systemError.map { " (\(SystemErrorText.describe($0)))" } ?? "")
                    )
                }
            }
            connector.waitForDevice(wake: wake)
        }
    }
}
